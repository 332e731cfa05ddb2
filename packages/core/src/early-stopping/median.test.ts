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
