import { searchSpaceHash, type SweepSpec } from '@embsweep/core';
import { validateSweep } from '@embsweep/core/sweep-file';
import { SqliteStore } from '../sqlite-store.js';
import { gridPlan } from './grid-plan.js';

/**
 * A sweep of three dropout values x three seeds, written through the store, whose best val_loss
 * per seed is known: dropout 0 -> 0.40, 0.41, 0.42; dropout 0.25 -> 0.405, 0.415, 0.425 (within
 * the seed noise of the first); dropout 0.5 -> 0.60, 0.61, 0.62 (clearly worse). Each curve has
 * three epochs: best + 0.1, best, best + 0.05 (so the final value is best + 0.05), with `loss`
 * falling, `val_acc` = 1 - val_loss, and tokens_per_s, emb_norm_mean and emb_effective_rank;
 * and a `neighbours` artifact (w1: w2 0.9, w3 0.5; "nope" not in the vocabulary). One more trial of dropout 0.5 is pruned at a value
 * better than all (0.1), which every comparison must leave out.
 */
export const SEEDED_BEST: Readonly<Record<string, readonly number[]>> = {
  '0': [0.4, 0.41, 0.42],
  '0.25': [0.405, 0.415, 0.425],
  '0.5': [0.6, 0.61, 0.62],
};

export function seededSpec(): SweepSpec {
  return {
    ...validateSweep({
      method: 'grid',
      metric: { name: 'val_loss', goal: 'minimize' },
      dataset: { source: 'synthetic' },
      parameters: { dropout: { values: [0, 0.25, 0.5] }, epochs: { value: 3 } },
      seeds: [0, 1, 2, 3],
    }),
    name: 'seeded',
  };
}

export function fillSeededDatabase(path: string): void {
  const spec = seededSpec();
  const store = SqliteStore.open(path);
  const sweep = store.openSweep('seeded', spec, searchSpaceHash(spec));
  store.addTrials(sweep.id, gridPlan(spec));
  for (;;) {
    const trial = store.claimTrial(sweep.id, { pid: 1, host: 'test' });
    if (trial === undefined) break;
    const dropout = String(trial.params['dropout']);
    const best =
      trial.seed === 3 ? (dropout === '0.5' ? 0.1 : undefined) : SEEDED_BEST[dropout]?.[trial.seed];
    if (best === undefined) {
      store.transitionTrial(trial.id, 'failed', {
        reason: 'not part of the example',
        errorCode: 'x',
        errorMessage: 'x',
      });
      continue;
    }
    const values = [best + 0.1, best, best + 0.05];
    store.logMetrics(
      values.flatMap((value, i) => [
        { trialId: trial.id, attempt: trial.attempt, name: 'val_loss', step: i + 1, value },
        { trialId: trial.id, attempt: trial.attempt, name: 'loss', step: i + 1, value: 0.5 / (i + 1) },
        { trialId: trial.id, attempt: trial.attempt, name: 'val_acc', step: i + 1, value: 1 - value },
        // What else a real trainer reports, of other kinds and scales.
        { trialId: trial.id, attempt: trial.attempt, name: 'tokens_per_s', step: i + 1, value: 2_000_000 },
        {
          trialId: trial.id,
          attempt: trial.attempt,
          name: 'emb_norm_mean',
          step: i + 1,
          value: 0.1 * (i + 1),
        },
        {
          trialId: trial.id,
          attempt: trial.attempt,
          name: 'emb_effective_rank',
          step: i + 1,
          value: 3 - 0.5 * i,
        },
      ]),
    );
    store.saveArtifacts(trial.id, trial.attempt, [
      {
        name: 'neighbours',
        kind: 'json',
        data: JSON.stringify({
          epoch: 2,
          neighbours: {
            w1: [
              { word: 'w2', similarity: 0.9 },
              { word: 'w3', similarity: 0.5 },
            ],
          },
          missing: ['nope'],
        }),
      },
    ]);
    store.transitionTrial(trial.id, trial.seed === 3 ? 'pruned' : 'completed', { reason: 'example' });
  }
  store.close();
}
