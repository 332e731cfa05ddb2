import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '@embsweep/core/errors';
import { translateSqliteError } from './sqlite-errors.js';

export type Db = Database.Database;

/**
 * Opens the results database with the settings every connection needs: WAL (readers never
 * block the writer), synchronous=NORMAL (a commit survives a process crash; WAL makes that
 * safe), a busy timeout, and foreign keys on. `:memory:` gives a private in-memory database.
 */
export function openDatabase(path: string, options: { readonly readonly?: boolean } = {}): Db {
  if (path !== ':memory:') {
    if (options.readonly && !existsSync(path)) {
      throw new StoreError(
        'store_failed',
        `no results database at ${path}; run a sweep first, or point --db (or EMBSWEEP_DB) at one`,
      );
    }
    if (!existsSync(dirname(path))) {
      throw new StoreError(
        'store_failed',
        `cannot create the results database ${path}: the folder ${dirname(path)} does not exist; create it or choose another --db`,
      );
    }
  }
  let db: Db;
  try {
    db = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (error) {
    throw translateSqliteError(error, path, options.readonly ? 'read' : 'write');
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      switchToWal(db);
      db.pragma('synchronous = NORMAL');
      db.pragma('cache_size = -65536'); // 64 MiB: a sweep's hot pages stay in memory
      db.pragma('wal_autocheckpoint = 8192'); // checkpoint every ~32 MiB of WAL, not every 4 MiB
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw translateSqliteError(error, path, options.readonly ? 'read' : 'write');
  }
}

/**
 * Sets WAL mode. On a new file, two processes opening it at once (two `embsweep run`s started
 * together) race to change the journal mode, and SQLite answers the loser SQLITE_BUSY at once,
 * without its busy handler; so the change is retried here for up to the busy timeout.
 */
function switchToWal(db: Db, timeoutMs = 5000): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; waited += 20) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY') || waited >= timeoutMs) throw error;
      Atomics.wait(pause, 0, 0, 20); // a synchronous pause: opening a database is synchronous
    }
  }
}
