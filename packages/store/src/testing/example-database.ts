import { searchSpaceHash, type SweepSpec } from '@embsweep/core';
import { SqliteStore } from '../sqlite-store.js';
import { gridPlan } from './grid-plan.js';

/**
 * Fills a results database for tests of the read side (CLI, docs, server) through the store's
 * own code, with the plan of `spec` and made-up curves (test data, no training): validation
 * loss falls and then rises more for wider embeddings, less with dropout and L2. The third
 * trial is pruned, the seventh failed, trials after the eleventh stay pending, the rest
 * completed. Returns the sweep's id.
 */
export function fillExampleDatabase(path: string, name: string, spec: SweepSpec): number {
  const store = SqliteStore.open(path);
  const sweep = store.openSweep(name, spec, searchSpaceHash(spec));
  store.addTrials(sweep.id, gridPlan(spec));
  for (let i = 0; i < 11; i++) {
    const trial = store.claimTrial(sweep.id, { pid: 100 + i, host: 'test' });
    if (trial === undefined) break;
    const dim = Number(trial.params['embedding_dim']);
    const regularised = Number(trial.params['dropout']) > 0 ? 0.5 : 1;
    const l2 = Number(trial.params['l2']) > 0 ? 0.7 : 1;
    const epochs = trial.index === 2 ? 3 : trial.index === 6 ? 4 : 8;
    const points = [];
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const valLoss = 0.7 / epoch + 0.05 * epoch * Math.log2(dim) * regularised * l2;
      points.push(
        { trialId: trial.id, attempt: trial.attempt, name: 'val_loss', step: epoch, value: valLoss },
        { trialId: trial.id, attempt: trial.attempt, name: 'loss', step: epoch, value: 0.7 / epoch },
        { trialId: trial.id, attempt: trial.attempt, name: 'val_acc', step: epoch, value: 1 - valLoss / 2 },
      );
    }
    store.setTrialRuntime(trial.id, {
      backend: 'cpu',
      versions: { tfjs: '4.22.0' },
      host: 'test',
      workerId: `local:${100 + i}`,
    });
    store.logMetrics(points);
    store.saveArtifacts(trial.id, trial.attempt, [
      {
        name: 'neighbours',
        kind: 'json',
        data: JSON.stringify({
          epoch: 1,
          neighbours: { w1: [{ word: `w${2 + i}`, similarity: 0.8 }] },
          missing: [],
        }),
      },
    ]);
    if (trial.index === 2)
      store.transitionTrial(trial.id, 'pruned', { reason: 'hyperband: at band 3 worse than threshold' });
    else if (trial.index === 6)
      store.transitionTrial(trial.id, 'failed', {
        reason: 'worker crashed',
        errorCode: 'worker_crashed',
        errorMessage: 'exit code 1',
      });
    else store.transitionTrial(trial.id, 'completed', { reason: 'finished all epochs' });
  }
  store.close();
  return sweep.id;
}
