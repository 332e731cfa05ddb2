import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { NotFoundError } from '@embsweep/core';
import { ResultsReader } from './results-reader.js';
import { SqliteStore } from './sqlite-store.js';
import { contractSpec } from './testing/store-contract.js';
import { makeTempDir } from './testing/temp-dir.js';
import { gridPlan } from './testing/grid-plan.js';

function filled() {
  const path = join(makeTempDir('reader'), 'results.db');
  const store = SqliteStore.open(path);
  const spec = contractSpec();
  const sweep = store.openSweep('reader', spec, 'hash');
  store.addTrials(sweep.id, gridPlan(spec));
  const trial = store.claimTrial(sweep.id, { pid: 1, host: 'h' })!;
  store.logMetrics([
    { trialId: trial.id, attempt: 1, name: 'val_loss', step: 1, value: 0.9 },
    { trialId: trial.id, attempt: 1, name: 'val_loss', step: 2, value: NaN },
    { trialId: trial.id, attempt: 1, name: 'loss', step: 1, value: 0.8 },
  ]);
  store.transitionTrial(trial.id, 'completed', { reason: 'done' });
  return { path, store, sweep, trial };
}

describe('ResultsReader (read-only)', () => {
  it('reads sweeps, trials, events and curves as the writer stored them', () => {
    const { path, store, sweep, trial } = filled();
    const reader = ResultsReader.open(path);
    assert.deepEqual(reader.sweep('reader'), store.getSweep('reader'));
    assert.deepEqual(reader.trials(sweep.id), store.listTrials(sweep.id));
    assert.deepEqual(reader.trial(trial.id), store.getTrial(trial.id));
    assert.equal(reader.trial(99_999), undefined);
    assert.deepEqual(reader.trialEvents(trial.id), store.trialEvents(trial.id));
    assert.deepEqual(reader.curves(sweep.id, ['val_loss']), store.curves(sweep.id, ['val_loss']));
    assert.deepEqual(reader.trialCurves(trial.id), store.trialCurves(trial.id));
    assert.ok(Number.isNaN(reader.curves(sweep.id, ['val_loss'])[0]?.values[1]));
    assert.deepEqual(reader.metricNames(sweep.id), ['loss', 'val_loss']);
    assert.deepEqual(
      reader.thinCurves(sweep.id, ['val_loss', 'loss'], 300).map((c) => ({
        ...c,
        steps: [...c.steps],
        values: [...c.values],
        elapsed: c.elapsed.length,
      })),
      [
        { trialId: trial.id, name: 'val_loss', recorded: 2, steps: [1, 2], values: [0.9, NaN], elapsed: 2 },
        { trialId: trial.id, name: 'loss', recorded: 1, steps: [1], values: [0.8], elapsed: 1 },
      ],
    );
    reader.close();
    store.close();
  });

  it('gives thin curves: latest attempt only, epochs in order, exact values, NaN and infinities kept', () => {
    const { path, store, sweep, trial } = filled();
    store.logMetrics([
      { trialId: trial.id, attempt: 1, name: 'acc', step: 3, value: Infinity },
      { trialId: trial.id, attempt: 1, name: 'acc', step: 1, value: 0.1 + 0.2 },
      { trialId: trial.id, attempt: 1, name: 'acc', step: 2, value: -Infinity },
    ]);
    const reader = ResultsReader.open(path);
    const [acc] = reader.thinCurves(sweep.id, ['acc'], 300);
    assert.deepEqual([...(acc?.steps ?? [])], [1, 2, 3]);
    assert.deepEqual([...(acc?.values ?? [])], [0.1 + 0.2, -Infinity, Infinity]);
    // A retry: only the new attempt's points are the trial's curve.
    const other = store.claimTrial(sweep.id, { pid: 2, host: 'h' })!;
    store.logMetrics([{ trialId: other.id, attempt: 1, name: 'acc', step: 1, value: 0.25 }]);
    store.transitionTrial(other.id, 'failed', { reason: 'crash' });
    store.transitionTrial(other.id, 'pending', { reason: 'retry' });
    const again = store.claimTrial(sweep.id, { pid: 3, host: 'h' })!;
    assert.deepEqual([again.id, again.attempt], [other.id, 2]);
    store.logMetrics([{ trialId: other.id, attempt: 2, name: 'acc', step: 1, value: 0.5 }]);
    const retried = reader.thinCurves(sweep.id, ['acc'], 300, [other.id]);
    assert.deepEqual(
      retried.map((c) => [c.trialId, c.recorded, [...c.values]]),
      [[other.id, 1, [0.5]]],
    );
    reader.close();
    store.close();
  });

  it('names the closest sweep when asked for one that does not exist', () => {
    const { path, store } = filled();
    const reader = ResultsReader.open(path);
    assert.throws(
      () => reader.sweep('readr'),
      (e: unknown) => e instanceof NotFoundError && /did you mean "reader"/.test(e.message),
    );
    reader.close();
    store.close();
  });

  it('sees a new data version after another connection commits, and the same one otherwise', () => {
    const { path, store, trial } = filled();
    const reader = ResultsReader.open(path);
    const before = reader.dataVersion();
    assert.equal(reader.dataVersion(), before);
    store.logMetrics([{ trialId: trial.id, attempt: 1, name: 'loss', step: 2, value: 0.5 }]);
    assert.notEqual(reader.dataVersion(), before);
    reader.close();
    store.close();
  });
});
