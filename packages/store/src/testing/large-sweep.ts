import {
  RandomSearch,
  flattenParameters,
  planTrials,
  searchSpaceHash,
  type MetricPoint,
} from '@embsweep/core';
import { validateSweep } from '@embsweep/core/sweep-file';
import { SqliteStore } from '../sqlite-store.js';

/** Trials that run at once. */
const GROUP = 500;

/** The shape of a big sweep for the dashboard's benchmark and scale tests. */
export interface LargeSweepShape {
  readonly trials: number;
  readonly epochs: number;
}

/**
 * A random sweep of many trials written through the store's own code, as the scheduler writes
 * one: val_loss and loss every epoch, thumbnails when each trial ends. embedding_dim is drawn from
 * 1,000 integers (so almost no two trials share a value), dropout and l2 from continuous
 * ranges. Trials run 500 at a time, every epoch one batch for all of them; curves fall and then rise more for wider, less regularised trials, with a little
 * per-trial noise. For the dashboard's speed at scale; test data, no training.
 */
export function fillLargeSweep(path: string, name: string, shape: LargeSweepShape): void {
  const spec = validateSweep({
    method: 'random',
    run_cap: shape.trials,
    metric: { name: 'val_loss', goal: 'minimize' },
    dataset: { source: 'synthetic' },
    parameters: {
      embedding_dim: { distribution: 'int_uniform', min: 8, max: 1007 },
      dropout: { distribution: 'uniform', min: 0, max: 0.5 },
      l2: { distribution: 'log_uniform_values', min: 1e-6, max: 1e-2 },
      epochs: { value: shape.epochs },
    },
  });
  const store = SqliteStore.open(path);
  try {
    const sweep = store.openSweep(name, spec, searchSpaceHash(spec));
    store.addTrials(sweep.id, planTrials(spec, new RandomSearch(flattenParameters(spec.parameters), 0)));
    // Trials run a group at a time, as a scheduler with that much concurrency would run them.
    for (let first = 0; first < shape.trials; first += GROUP) {
      const group = Array.from({ length: Math.min(GROUP, shape.trials - first) }, () => {
        const t = store.claimTrial(sweep.id, { pid: 1, host: 'bench' });
        if (t === undefined) throw new Error('the plan has fewer trials than asked');
        const width = Math.log2(Number(t.params['embedding_dim']));
        const calm = (1 - Number(t.params['dropout'])) * (1 + Math.log10(1 / Number(t.params['l2'])) / 6);
        return { t, rise: (0.0004 * width * calm) / (shape.epochs / 100), noise: ((t.id * 7919) % 97) / 970 };
      });
      for (let epoch = 1; epoch <= shape.epochs; epoch++) {
        const decay = Math.exp((-epoch * 30) / shape.epochs);
        const points: MetricPoint[] = [];
        for (const { t, rise, noise } of group) {
          const loss = 0.3 + 0.7 * decay + noise / 5;
          points.push(
            {
              trialId: t.id,
              attempt: t.attempt,
              name: 'val_loss',
              step: epoch,
              value: loss + rise * epoch + noise,
            },
            { trialId: t.id, attempt: t.attempt, name: 'loss', step: epoch, value: loss * 0.9 },
          );
        }
        store.logMetrics(points);
      }
      for (const { t } of group) store.transitionTrial(t.id, 'completed', { reason: 'large sweep' });
    }
    store.setSweepStatus(sweep.id, 'finished');
  } finally {
    store.close();
  }
}
