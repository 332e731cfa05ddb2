import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SILENT_LOGGER, type Artifact, type TrialSummary } from '@embsweep/core';
import { ResultsReader, SqliteStore } from '@embsweep/store';
import { fillSeededDatabase, makeTempDir, seededSpec } from '@embsweep/store/testing';
import { ArtifactKeeper } from './artifact-keeper.js';

const ARTIFACTS: Artifact[] = [
  { name: 'neighbours', kind: 'json', data: '{}' },
  { name: 'embedding', kind: 'float32', data: Buffer.alloc(8).toString('base64') },
  { name: 'vocabulary', kind: 'json', data: '{"dim":2,"words":[]}' },
];

const summary = (bestValue: number): TrialSummary => ({
  epochs: 3,
  bestEpoch: 2,
  bestValue,
  stoppedEarly: false,
  stopped: false,
  testMetrics: null,
  artifacts: ARTIFACTS,
});

/** Runs the keeper over trials finishing with these best values; returns who kept what. */
function keep(policy: 'none' | 'best' | 'all', values: readonly (number | 'pruned')[]) {
  const path = join(makeTempDir('keeper'), 'embsweep.db');
  fillSeededDatabase(path); // the seeded sweep's completed trials have best values 0.4 and up
  const store = SqliteStore.open(path);
  const sweep = store.getSweep('seeded');
  assert.ok(sweep);
  const trials = store.listTrials(sweep.id).slice(0, values.length);
  const keeper = new ArtifactKeeper(store, { ...seededSpec(), save_embeddings: policy }, SILENT_LOGGER);
  values.forEach((v, i) => {
    const trial = trials[i];
    assert.ok(trial);
    keeper.keep(trial, summary(v === 'pruned' ? 0.01 : v), v !== 'pruned', `trial ${i + 1}`);
  });
  store.close();
  const reader = ResultsReader.open(path);
  const kept = trials.map((t) => reader.artifacts(t.id).map((a) => a.name));
  reader.close();
  return kept;
}

describe('keeping what trials leave besides metrics', () => {
  it('keeps every neighbours table, and the embedding of the best completed trial only with "best"', () => {
    // The seeded sweep already has completed trials down to 0.4: 0.3 beats them, 0.35 does
    // not beat 0.3, 0.2 beats it (and replaces it); a pruned trial never counts.
    assert.deepEqual(keep('best', [0.3, 0.35, 'pruned', 0.2]), [
      ['neighbours'],
      ['neighbours'],
      ['neighbours'],
      ['embedding', 'neighbours', 'vocabulary'],
    ]);
  });

  it('keeps every embedding with "all", none with "none"', () => {
    assert.deepEqual(keep('all', [0.9, 0.8]), [
      ['embedding', 'neighbours', 'vocabulary'],
      ['embedding', 'neighbours', 'vocabulary'],
    ]);
    assert.deepEqual(keep('none', [0.1]), [['neighbours']]);
  });

  it('keeps nothing from a trial that beats nothing done so far', () => {
    assert.deepEqual(keep('best', [0.9]), [['neighbours']]);
  });
});
