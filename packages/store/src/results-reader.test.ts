import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { NotFoundError, planTrials } from '@embsweep/core';
import { ResultsReader } from './results-reader.js';
import { SqliteStore } from './sqlite-store.js';
import { contractSpec } from './testing/store-contract.js';
import { makeTempDir } from './testing/temp-dir.js';

function filled() {
  const path = join(makeTempDir('reader'), 'results.db');
  const store = SqliteStore.open(path);
  const spec = contractSpec();
  const sweep = store.openSweep('reader', spec, 'hash');
  store.addTrials(sweep.id, planTrials(spec));
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
