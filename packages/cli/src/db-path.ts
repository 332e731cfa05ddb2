import { resolve } from 'node:path';

/** The environment variable that points every command at a results database. */
export const DB_ENV = 'EMBSWEEP_DB';
export const DEFAULT_DB = 'embsweep.db';

export const DB_FLAG_HELP = `  --db PATH  the results database (default: $${DB_ENV}, else ./${DEFAULT_DB})`;

/** Where the results database is: --db, else $EMBSWEEP_DB, else embsweep.db in the current folder. */
export function resolveDbPath(flag: unknown, cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = typeof flag === 'string' && flag !== '' ? flag : env[DB_ENV] || DEFAULT_DB;
  return resolve(cwd, chosen);
}
