import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { keptIndices } from '@embsweep/core';
import { ResultsReader } from './results-reader.js';
import { SqliteStore } from './sqlite-store.js';
import { contractSpec } from './testing/store-contract.js';
import { makeTempDir } from './testing/temp-dir.js';
import { gridPlan } from './testing/grid-plan.js';

const EPOCHS = 1000;
/** A long wavy curve with one spike and one NaN, so thinning has something to keep. */
const valueAt = (epoch: number) =>
  epoch === 777 ? NaN : epoch === 500 ? 9 : 1 / epoch + 0.1 * Math.sin(epoch / 7);

function longTrials() {
  const path = join(makeTempDir('thumbnails'), 'results.db');
  const store = SqliteStore.open(path);
  const spec = contractSpec();
  const sweep = store.openSweep('long', spec, 'hash');
  store.addTrials(sweep.id, gridPlan(spec));
  const [done, running] = [0, 1].map(() => store.claimTrial(sweep.id, { pid: 1, host: 'h' })!);
  for (const trial of [done!, running!])
    store.logMetrics(
      Array.from({ length: EPOCHS }, (_, i) => ({
        trialId: trial.id,
        attempt: trial.attempt,
        name: 'val_loss',
        step: i + 1,
        value: valueAt(i + 1),
      })),
    );
  store.transitionTrial(done!.id, 'completed', { reason: 'done' });
  return { path, store, sweepId: sweep.id, done: done!, running: running! };
}

const thumbnailsOf = (path: string, trialId: number) => {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare('SELECT name, recorded, length(vals) / 8 AS kept FROM curve_thumbnails WHERE trial_id = ?')
      .all(trialId);
  } finally {
    db.close();
  }
};

describe('curve thumbnails', () => {
  it('thins an attempt that ends once, and serves the same points as reading every one', () => {
    const { path, store, sweepId, done, running } = longTrials();
    const all = Array.from({ length: EPOCHS }, (_, i) => valueAt(i + 1));
    const expected = keptIndices(all, 300).map((i) => i + 1);
    // 150 buckets' lowest and highest, and the bucket with the NaN keeps it too.
    assert.deepEqual(thumbnailsOf(path, done.id), [{ name: 'val_loss', recorded: EPOCHS, kept: 301 }]);
    assert.equal(expected.length, 301);
    assert.deepEqual(thumbnailsOf(path, running.id), [], 'a running attempt has none yet');
    const reader = ResultsReader.open(path);
    const [fromThumbnail, readLive] = reader.thinCurves(sweepId, ['val_loss'], 300);
    assert.equal(fromThumbnail?.trialId, done.id);
    assert.equal(readLive?.trialId, running.id);
    for (const curve of [fromThumbnail, readLive]) {
      assert.equal(curve.recorded, EPOCHS);
      assert.deepEqual([...curve.steps], expected);
      assert.ok(curve.values.includes(9), 'the spike is kept');
      assert.ok(curve.values.some(Number.isNaN), 'the NaN is kept');
      assert.ok(curve.elapsed.every((t, i) => t >= 0 && (i === 0 || t >= (curve.elapsed[i - 1] ?? 0))));
    }
    // Fewer points: thinned again from the thumbnail; more: every point is read.
    const [coarse] = reader.thinCurves(sweepId, ['val_loss'], 40, [done.id]);
    assert.ok(coarse!.steps.length <= 42 && coarse!.values.includes(9));
    const [fine] = reader.thinCurves(sweepId, ['val_loss'], 2000, [done.id]);
    assert.equal(fine!.steps.length, EPOCHS);
    reader.close();
    store.close();
  });

  it('drops a thumbnail when a point of its attempt is written again, so no stale curve is served', () => {
    const { path, store, sweepId, done } = longTrials();
    store.logMetrics([{ trialId: done.id, attempt: done.attempt, name: 'val_loss', step: 3, value: -5 }]);
    assert.deepEqual(thumbnailsOf(path, done.id), []);
    const reader = ResultsReader.open(path);
    const [curve] = reader.thinCurves(sweepId, ['val_loss'], 300, [done.id]);
    assert.ok(curve!.values.includes(-5));
    reader.close();
    store.close();
  });
});
