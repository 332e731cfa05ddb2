import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MedianSpec, MetricSpec } from '../sweep-spec/sweep-spec.js';
import type { TrialProgress } from './early-stopper.js';
import { MedianStopper } from './median.js';

// Expected verdicts are derived by hand from optuna/pruners/_percentile.py (PercentilePruner.prune,
// which MedianPruner is at percentile 50), with Optuna's 0-based steps = epoch index.
const defaults: MedianSpec = {
  type: 'median',
  n_startup_trials: 0,
  n_warmup_steps: 0,
  interval_steps: 1,
  n_min_trials: 1,
};
const minimize: MetricSpec = { name: 'val_loss', goal: 'minimize' };

function verdict(
  values: number[],
  others: TrialProgress[],
  spec: Partial<MedianSpec> = {},
  metric = minimize,
): boolean {
  const trial: TrialProgress = { id: 'x', state: 'running', values };
  return new MedianStopper({ ...defaults, ...spec }, metric).decide(trial, [...others, trial]).stop;
}

const completed = (...curves: number[][]): TrialProgress[] =>
  curves.map((values, i) => ({ id: `c${i}`, state: 'completed', values }));

describe('MedianStopper (Optuna MedianPruner)', () => {
  it("prunes when the trial's best is worse than the median of completed trials at this step", () => {
    const done = completed([1, 1], [3, 3], [2, 2]); // median at step 0 = 2
    assert.equal(verdict([2.5], done), true);
    assert.equal(verdict([1.5], done), false);
    assert.equal(verdict([2], done), false); // equal to the median is not worse
  });

  it('compares the best value over all steps so far, not the latest', () => {
    assert.equal(verdict([0.5, 3], completed([1, 1], [1, 1], [1, 1])), false);
  });

  it('waits for n_startup_trials completed trials; pruned and failed ones do not count', () => {
    const others: TrialProgress[] = [
      ...completed([1], [1]),
      { id: 'p', state: 'pruned', values: [1] },
      { id: 'f', state: 'failed', values: [1] },
    ];
    assert.equal(verdict([5], others, { n_startup_trials: 3 }), false);
    assert.equal(verdict([5], [...others, ...completed([1])], { n_startup_trials: 3 }), true);
  });

  it('does not prune before step n_warmup_steps', () => {
    const done = completed([1, 1, 1], [1, 1, 1]);
    assert.equal(verdict([5, 5], done, { n_warmup_steps: 2 }), false); // step 1 < 2
    assert.equal(verdict([5, 5, 5], done, { n_warmup_steps: 2 }), true); // step 2
  });

  it('checks only at the first step of each interval after the warm-up', () => {
    const done = completed([1, 1, 1, 1, 1, 1]);
    const at = (step: number) =>
      verdict(Array<number>(step + 1).fill(5), done, { n_warmup_steps: 1, interval_steps: 2 });
    // pruning steps: 1, 3, 5 (warm-up 1, then every 2)
    assert.deepEqual([0, 1, 2, 3, 4, 5].map(at), [false, true, false, true, false, true]);
  });

  it('prunes a trial whose values are all NaN', () => {
    assert.equal(verdict([NaN, NaN], completed([1, 1])), true);
  });

  it('ignores NaN among the completed values, and needs n_min_trials of them at the step', () => {
    assert.equal(verdict([2], completed([NaN], [1], [3]), {}), false); // nanmedian [1, 3] = 2
    assert.equal(verdict([2.5], completed([NaN], [1], [3]), {}), true);
    assert.equal(verdict([9, 9, 9], completed([1, 1, 1], [1, 1]), { n_min_trials: 2 }), false); // one trial at step 2
    assert.equal(verdict([9, 9], completed([1, 1, 1], [1, 1]), { n_min_trials: 2 }), true);
  });

  it('never prunes when no trial has completed', () => {
    assert.equal(verdict([100], []), false);
  });

  it('flips the comparison when the goal is maximize', () => {
    const done = completed([1], [2], [3]);
    assert.equal(verdict([0.5], done, {}, { name: 'val_acc', goal: 'maximize' }), true);
    assert.equal(verdict([2.5], done, {}, { name: 'val_acc', goal: 'maximize' }), false);
  });

  it('says why it pruned', () => {
    const trial: TrialProgress = { id: 'x', state: 'running', values: [4, 3] };
    const decision = new MedianStopper(defaults, minimize).decide(trial, [...completed([1, 2]), trial]);
    assert.ok(decision.stop);
    assert.match(
      decision.reason,
      /best val_loss so far 3 is worse than the median 2 of 1 completed trials at epoch 2/,
    );
  });
});

describe('MedianStopper with several seeds per configuration', () => {
  /** A completed trial of configuration `config` and seed `seed`. */
  const run = (config: number, seed: number, values: number[]): TrialProgress => ({
    id: `c${config}s${seed}`,
    state: 'completed',
    values,
    config,
    seed,
  });
  const judge = (values: number[], others: TrialProgress[], spec: Partial<MedianSpec> = {}, seed = 0) => {
    const trial: TrialProgress = { id: 'x', state: 'running', values, config: 9, seed };
    return new MedianStopper({ ...defaults, ...spec }, minimize, 3).decide(trial, [...others, trial]).stop;
  };

  it('does not prune a trial behind the median by less than the seed spread measured so far', () => {
    // Configuration 1's seeds differ by about 0.2 at epoch 1 (spread 0.14); the median is 1.0.
    const done = [run(1, 0, [1.0]), run(1, 1, [1.2]), run(2, 0, [0.9]), run(3, 0, [1.0])];
    assert.equal(judge([1.1], done), false, '0.1 behind: within the noise');
    assert.equal(judge([1.6], done), true, '0.6 behind: far outside it');
  });

  it('compares with the trial of the same seed where a configuration has one (paired)', () => {
    // Seed 1 is 0.02 behind seed 0 in every configuration; the spread is 0.014.
    const done = [run(1, 0, [0.5]), run(1, 1, [0.52]), run(2, 0, [0.6]), run(2, 1, [0.62])];
    // Paired with seed 1's 0.52 and 0.62 (median 0.57), 0.58 is 0.01 behind: kept. Against the
    // configurations' means (0.51, 0.61: median 0.56) it would be 0.02 behind: pruned.
    assert.equal(judge([0.58], done, {}, 1), false);
    assert.equal(judge([0.6], done, {}, 1), true, '0.03 behind its pairs: pruned');
  });

  it('counts distinct configurations for the start-up, not trials', () => {
    const threeSeedsOfOne = [run(1, 0, [1]), run(1, 1, [1]), run(1, 2, [1])];
    assert.equal(judge([5], threeSeedsOfOne, { n_startup_trials: 2 }), false, 'one configuration so far');
    assert.equal(judge([5], [...threeSeedsOfOne, run(2, 0, [1])], { n_startup_trials: 2 }), true);
  });

  it('with one seed per configuration decides exactly as the plain rule', () => {
    const cases: [number[], number[][]][] = [
      [
        [2.5],
        [
          [1, 1],
          [3, 3],
          [2, 2],
        ],
      ],
      [
        [1.5],
        [
          [1, 1],
          [3, 3],
          [2, 2],
        ],
      ],
      [[4, 3], [[1, 2]]],
      [
        [0.5, 3],
        [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
      ],
    ];
    for (const [values, curves] of cases) {
      const done = curves.map((c, i) => run(i, 0, c));
      const trial: TrialProgress = { id: 'x', state: 'running', values, config: 9, seed: 0 };
      const oneSeed = new MedianStopper(defaults, minimize, 1).decide(trial, [...done, trial]).stop;
      assert.equal(oneSeed, verdict(values, completed(...curves)));
    }
  });
});
