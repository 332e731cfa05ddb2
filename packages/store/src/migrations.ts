import { readFileSync, readdirSync } from 'node:fs';
import { StoreError } from '@embsweep/core/errors';
import type { Db } from './open-database.js';

/** One numbered schema change, from migrations/NNNN_name.sql. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);

/** The migrations this build knows, in order. Append-only: a released file never changes. */
export function loadMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8'),
    }));
}

/**
 * Brings a database up to the newest schema, one migration per transaction, recording each in
 * schema_migrations. A database written by a newer embsweep is refused, untouched.
 */
export function migrate(db: Db, path: string, migrations: readonly Migration[] = loadMigrations()): void {
  refuseForeignDatabase(db, path);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  const current = applied.v ?? 0;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new StoreError(
      'store_version',
      `${path} was written by a newer embsweep (schema version ${current}; this one knows up to ${newest}). Upgrade embsweep, or use another --db`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const latest = db.prepare('SELECT MAX(version) AS v FROM schema_migrations');
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      // Read again under the write lock: another process may have applied it meanwhile
      // (two `embsweep run`s starting on a new database at once).
      if (((latest.get() as { v: number | null }).v ?? 0) >= migration.version) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}

/**
 * A database that already has tables but none of embsweep's bookkeeping is someone else's
 * (say, an application's `customers`): embsweep's tables and views must not be added to it.
 */
function refuseForeignDatabase(db: Db, path: string): void {
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  if (tables.length === 0 || tables.includes('schema_migrations')) return;
  const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', ...' : '');
  throw new StoreError(
    'store_failed',
    `${path} is a SQLite database that is not embsweep's (it has ${shown}); embsweep will not add its tables to it. Choose another --db, e.g. a new file`,
  );
}
