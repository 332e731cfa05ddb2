import Database from 'better-sqlite3';
import { StoreError } from '@embsweep/core';
import { translateSqliteError } from './sqlite-errors.js';

export type Db = Database.Database;

/**
 * Opens the results database with the settings every connection needs: WAL (readers never
 * block the writer), synchronous=NORMAL (a commit survives a process crash; WAL makes that
 * safe), a busy timeout, and foreign keys on. `:memory:` gives a private in-memory database.
 */
export function openDatabase(path: string, options: { readonly readonly?: boolean } = {}): Db {
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (options.readonly && code === 'SQLITE_CANTOPEN') {
      throw new StoreError('store_failed', `no results database at ${path}; run a sweep first, or point --db (or EMBSWEEP_DB) at one`);
    }
    throw translateSqliteError(error, path);
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw translateSqliteError(error, path);
  }
}
