import { resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/** The environment variable that points every command at a results database. */
export const DB_ENV = 'EMBSWEEP_DB';
export const DEFAULT_DB = 'embsweep.db';

export const DB_FLAG_HELP = `  --db PATH  the results database (default: $${DB_ENV}, else ./${DEFAULT_DB})`;

/** Where the results database is: --db, else $EMBSWEEP_DB, else embsweep.db in the current folder. */
export function resolveDbPath(flag: unknown, cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag === '') throw new UsageError('--db must name a file; got an empty string');
  const chosen = typeof flag === 'string' ? flag : env[DB_ENV] || DEFAULT_DB;
  if (chosen === ':memory:' || chosen.startsWith('file:')) {
    throw new UsageError(
      `the results database must be a file path; got ${JSON.stringify(chosen)}, which SQLite would not keep as a file (it would vanish or land under a strange name)`,
    );
  }
  return resolve(cwd, chosen);
}
