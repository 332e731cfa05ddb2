import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { StoreError } from '@embsweep/core';
import { loadMigrations, migrate } from './migrations.js';
import { openDatabase, type Db } from './open-database.js';
import { SqliteStore } from './sqlite-store.js';
import { makeTempDir } from './testing/temp-dir.js';

const tempDb = () => join(makeTempDir('migrate'), 'results.db');

/** Every table, index and view with its SQL, as sqlite_master describes them. */
function schemaOf(db: Db): string[] {
  return (
    db
      .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as {
      type: string;
      name: string;
      sql: string;
    }[]
  ).map((r) => `${r.type} ${r.name}: ${r.sql.replace(/\s+/g, ' ')}`);
}

describe('migrations', () => {
  it('are numbered from 0001 without gaps', () => {
    const versions = loadMigrations().map((m) => m.version);
    assert.deepEqual(
      versions,
      versions.map((_, i) => i + 1),
    );
  });

  it('give a database migrated step by step the same schema as a fresh one', () => {
    const all = loadMigrations();
    const fresh = openDatabase(':memory:');
    migrate(fresh, 'fresh');
    for (let upTo = 1; upTo < all.length; upTo++) {
      const path = tempDb();
      const old = openDatabase(path);
      migrate(old, path, all.slice(0, upTo)); // a database from an older build
      old.close();
      const upgraded = openDatabase(path);
      migrate(upgraded, path);
      assert.deepEqual(schemaOf(upgraded), schemaOf(fresh), `from version ${upTo}`);
      assert.deepEqual(
        (
          upgraded.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as {
            version: number;
          }[]
        ).map((r) => r.version),
        all.map((m) => m.version),
      );
      upgraded.close();
    }
  });

  it('refuses a database from a newer embsweep, untouched', () => {
    const path = tempDb();
    SqliteStore.open(path).close();
    const db = openDatabase(path);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '2099-01-01')").run();
    db.close();
    assert.throws(
      () => SqliteStore.open(path),
      (e: unknown) =>
        e instanceof StoreError &&
        e.code === 'store_version' &&
        /newer embsweep \(schema version 999/.test(e.message),
    );
  });

  it('migrating an up-to-date database changes nothing', () => {
    const path = tempDb();
    SqliteStore.open(path).close();
    const db = openDatabase(path);
    const before = schemaOf(db);
    migrate(db, path);
    assert.deepEqual(schemaOf(db), before);
    db.close();
  });

  it("refuses to add its tables to another application's database, and leaves it untouched", () => {
    const path = tempDb();
    const db = openDatabase(path);
    db.exec(
      "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada')",
    );
    const before = schemaOf(db);
    db.close();
    assert.throws(
      () => SqliteStore.open(path),
      (e: unknown) =>
        e instanceof StoreError &&
        /is a SQLite database that is not embsweep's \(it has customers\)/.test(e.message),
    );
    const after = openDatabase(path);
    assert.deepEqual(schemaOf(after), before);
    after.close();
  });
});
