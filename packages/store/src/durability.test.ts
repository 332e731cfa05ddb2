import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, it } from 'node:test';
import { StoreError } from '@embsweep/core';
import { openDatabase } from './open-database.js';
import { SqliteStore } from './sqlite-store.js';
import { contractSpec } from './testing/store-contract.js';
import { makeTempDir } from './testing/temp-dir.js';
import { gridPlan } from './testing/grid-plan.js';

const WRITER = new URL('./testing/fixtures/endless-writer.js', import.meta.url).pathname;
const tempDb = () => join(makeTempDir('durable'), 'results.db');

// Every writer still alive when a test ends is killed, whatever the test's outcome.
const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts the endless writer and resolves once it has committed at least `atLeast` points. */
function startWriter(path: string, atLeast: number) {
  const child = spawn(process.execPath, [WRITER, path], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let committed = 0;
  const reached = new Promise<void>((resolve, reject) => {
    if (child.stdout === null) throw new Error('writer has no stdout');
    createInterface({ input: child.stdout }).on('line', (line) => {
      committed = Number(line.split(' ')[1]);
      if (committed >= atLeast) resolve();
    });
    child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
  return { child, reached, committed: () => committed };
}

function pointCount(path: string): number {
  const db = openDatabase(path, { readonly: true });
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM metrics').get() as { n: number };
  db.close();
  return n;
}

describe('durability (real processes)', { timeout: 60_000 }, () => {
  it('loses no committed point when the writer is killed with SIGKILL mid-write', async () => {
    const path = tempDb();
    const writer = startWriter(path, 5000);
    await writer.reached;
    writer.child.kill('SIGKILL');
    await new Promise((resolve) => writer.child.on('close', resolve));
    const reported = writer.committed();
    const db = openDatabase(path);
    assert.equal(
      (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check,
      'ok',
    );
    db.close();
    // Every batch the writer said it committed is there; at most the one in flight is missing or present.
    const stored = pointCount(path);
    assert.ok(stored >= reported, `stored ${stored} < reported ${reported}`);
    assert.ok(stored <= reported + 200);
    // And the database is usable for the next run.
    const store = SqliteStore.open(path);
    assert.equal(store.getSweep('endless')?.status, 'running');
    store.close();
  });

  it('lets readers read while the writer writes, without errors or blocking it', async () => {
    const path = tempDb();
    const writer = startWriter(path, 1000);
    await writer.reached;
    const reader = SqliteStore.open(path);
    try {
      const sweep = reader.getSweep('endless');
      assert.ok(sweep);
      let last = 0;
      let reads = 0;
      // Read until the writer has committed 20 more batches meanwhile: it was not blocked by us.
      const target = writer.committed() + 20;
      while (writer.committed() < target || reads < 5) {
        const points = reader.curves(sweep.id, ['val_loss']).reduce((n, c) => n + c.steps.length, 0);
        assert.ok(points >= last, 'a reader never sees fewer points than before');
        last = points;
        reads++;
        await new Promise((resolve) => setImmediate(resolve)); // let the writer's reports arrive
      }
      assert.ok(last > 0, `${reads} reads saw ${last} points`);
    } finally {
      writer.child.kill('SIGKILL');
      reader.close();
    }
  });

  it('reports a full disk clearly and keeps the file intact and what was already written', () => {
    const path = tempDb();
    const store = SqliteStore.open(path);
    const spec = contractSpec();
    const sweep = store.openSweep('full', spec, 'h');
    store.addTrials(sweep.id, gridPlan(spec));
    const trial = store.claimTrial(sweep.id, { pid: 1, host: 'h' });
    assert.ok(trial);
    store.logMetrics([{ trialId: trial.id, attempt: 1, name: 'val_loss', step: 1, value: 0.5 }]);
    // Simulate a full disk: cap the file at its current size.
    const raw = openDatabase(path);
    const { page_count } = raw.prepare('PRAGMA page_count').get() as { page_count: number };
    raw.close();
    (store as unknown as { db: { pragma(s: string): unknown } }).db.pragma(`max_page_count = ${page_count}`);
    const many = Array.from({ length: 20000 }, (_, i) => ({
      trialId: trial.id,
      attempt: 1,
      name: 'val_loss',
      step: i + 2,
      value: i,
    }));
    assert.throws(
      () => store.logMetrics(many),
      (e: unknown) =>
        e instanceof StoreError &&
        e.code === 'store_full' &&
        /is full .*nothing of the failed write was kept/.test(e.message),
    );
    store.close();
    const db = openDatabase(path);
    assert.equal(
      (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check,
      'ok',
    );
    db.close();
    assert.equal(pointCount(path), 1);
  });
});
