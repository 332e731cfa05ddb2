import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { EmbsweepError } from '@embsweep/core';
import { SqliteStore } from '../sqlite-store.js';
import { contractSpec } from '../testing/store-contract.js';
import { runQuery } from './run-query.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { gridPlan } from '../testing/grid-plan.js';
import { childOf, gone, holdsOpen } from '../testing/processes.js';

const dir = makeTempDir('query');
const path = join(dir, 'results.db');
const evil = join(dir, 'evil.db');
const CALLER = new URL('../testing/fixtures/query-caller.js', import.meta.url).pathname;

/** Hashes the database and its WAL: "unchanged" means byte for byte. */
function fingerprint(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(dir)
    .filter((f) => f.startsWith('results.db'))
    .sort())
    hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

// Queries that must not change anything, each with the error code expected.
const HOSTILE: readonly [string, string][] = [
  ["INSERT INTO sweeps (name) VALUES ('x')", 'query_rejected'],
  ["UPDATE trials SET state = 'completed'", 'query_rejected'],
  ['DELETE FROM metrics', 'query_rejected'],
  ["REPLACE INTO sweeps (id, name) VALUES (1, 'x')", 'query_rejected'],
  ['DROP TABLE trials', 'query_rejected'],
  ['DROP VIEW trial_summary', 'query_rejected'],
  ['CREATE TABLE x (a)', 'query_rejected'],
  ['ALTER TABLE trials ADD COLUMN x', 'query_rejected'],
  [`ATTACH DATABASE '${evil}' AS evil`, 'query_rejected'],
  ['DETACH DATABASE main', 'query_rejected'],
  ['PRAGMA query_only = OFF', 'query_rejected'],
  ['PRAGMA writable_schema = ON', 'query_rejected'],
  ['PRAGMA journal_mode = DELETE', 'query_rejected'],
  ['PRAGMA table_info(trials)', 'query_rejected'],
  ['VACUUM', 'query_rejected'],
  [`VACUUM INTO '${evil}'`, 'query_rejected'],
  ['REINDEX', 'query_rejected'],
  ['ANALYZE', 'query_rejected'],
  ['BEGIN IMMEDIATE', 'query_rejected'],
  ['SAVEPOINT a', 'query_rejected'],
  ['SELECT 1; DROP TABLE trials', 'query_rejected'],
  ['WITH x AS (SELECT 1) DELETE FROM trials', 'query_rejected'],
  ["WITH x AS (SELECT 1) INSERT INTO sweeps (name) SELECT 'x'", 'query_rejected'],
  ['/* harmless */ DELETE FROM sweeps', 'query_rejected'],
  ['-- comment\nDROP TABLE sweeps', 'query_rejected'],
  ["SELECT load_extension('/tmp/nothing.so')", 'query_rejected'],
  ['SELECT * FROM no_such_table', 'query_rejected'],
  ['', 'query_rejected'],
  ['WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r', 'query_timeout'],
  ['SELECT count(*) FROM metrics a, metrics b, metrics c, metrics d, metrics e', 'query_timeout'],
];

describe('runQuery: read-only and bounded', () => {
  before(() => {
    const store = SqliteStore.open(path);
    const spec = contractSpec();
    const sweep = store.openSweep('q', spec, 'h');
    store.addTrials(sweep.id, gridPlan(spec));
    const trial = store.claimTrial(sweep.id, { pid: 1, host: 'h' });
    assert.ok(trial);
    store.logMetrics(
      Array.from({ length: 50 }, (_, i) => ({
        trialId: trial.id,
        attempt: 1,
        name: 'val_loss',
        step: i + 1,
        value: 1 / (i + 1),
      })),
    );
    store.close();
  });

  it('answers a reading query with columns and rows', async () => {
    const result = await runQuery(
      path,
      'SELECT trial_index, seed, embedding_dim FROM trial_summary ORDER BY trial_index LIMIT 2',
    );
    assert.deepEqual(result.columns, ['trial_index', 'seed', 'embedding_dim']);
    assert.deepEqual(result.rows, [
      [0, 0, 8],
      [1, 1, 8],
    ]);
    assert.equal(result.truncated, false);
  });

  it('cuts long results at the row limit and says so', async () => {
    const result = await runQuery(
      path,
      'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r',
      { maxRows: 100 },
    );
    assert.equal(result.rows.length, 100);
    assert.equal(result.truncated, 'rows');
  });

  it('cuts results at the byte limit too, before big values fill the memory', async () => {
    const result = await runQuery(
      path,
      'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r LIMIT 5000) SELECT n, zeroblob(100000) FROM r',
      { maxBytes: 1024 * 1024 },
    );
    assert.equal(result.truncated, 'bytes');
    assert.equal(result.rows.length, 5, 'five blobs of 200,000 hex digits fit in 1 MiB, a sixth does not');
  });

  it(
    'refuses or stops every hostile query, and the database stays byte for byte the same',
    { timeout: 120_000 },
    async () => {
      const before = fingerprint();
      for (const [sql, code] of HOSTILE) {
        await assert.rejects(
          runQuery(path, sql, { timeoutMs: 1500 }),
          (e: unknown) => e instanceof EmbsweepError && e.code === code && e.message.length > 10,
          `${JSON.stringify(sql)} should fail with ${code}`,
        );
      }
      assert.equal(fingerprint(), before);
      assert.equal(existsSync(evil), false);
      // Still a healthy database that answers.
      assert.deepEqual((await runQuery(path, 'SELECT count(*) FROM metrics')).rows, [[50]]);
    },
  );

  it('ends the query process when its caller is killed, rather than let the query run on', async () => {
    const caller = spawn(process.execPath, [CALLER, path], { stdio: ['ignore', 'ignore', 'inherit'] });
    const queryProcess = await childOf(caller.pid ?? 0);
    await holdsOpen(queryProcess, path); // the query runs
    caller.kill('SIGKILL');
    await once(caller, 'exit');
    await gone(queryProcess);
  });
});
