import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { openDatabase, type Db } from './open-database.js';

/** A read-only connection, and the snapshot folder to remove when it closes (if one was made). */
export interface ReadingConnection {
  readonly db: Db;
  /** Set when the database was read from a copy (its folder cannot be written). */
  readonly snapshotDir: string | undefined;
}

/**
 * Opens a results database for reading. A database in WAL mode can only be read where SQLite
 * may create its shared-memory file beside it, so in a read-only folder (a read-only mount,
 * a folder of another user) it is read from a snapshot copy instead; nobody can be writing
 * there through this folder anyway. Anything else that fails is reported as it is.
 */
export function openForReading(path: string): ReadingConnection {
  try {
    const db = openDatabase(path, { readonly: true });
    try {
      db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
      return { db, snapshotDir: undefined };
    } catch (error) {
      db.close();
      if (!needsSnapshot(error, path)) throw error;
    }
  } catch (error) {
    if (!needsSnapshot(error, path)) throw error;
  }
  const snapshotDir = mkdtempSync(join(tmpdir(), 'embsweep-readonly-'));
  try {
    const copy = join(snapshotDir, basename(path));
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    return { db: openDatabase(copy, { readonly: true }), snapshotDir };
  } catch (error) {
    rmSync(snapshotDir, { recursive: true, force: true });
    throw error;
  }
}

/** Whether reading failed only because SQLite could not create its files beside the database. */
function needsSnapshot(error: unknown, path: string): boolean {
  const own = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  const code = typeof own === 'string' ? own : typeof cause === 'string' ? cause : '';
  const message = String((error as Error).message);
  const sqliteCouldNotWrite =
    /^SQLITE_(READONLY|CANTOPEN|IOERR)/.test(code) ||
    /readonly database|unable to open|disk I\/O/.test(message);
  return sqliteCouldNotWrite && existsSync(path) && !writable(dirname(path));
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
