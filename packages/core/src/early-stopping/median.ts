import type { MedianSpec, MetricSpec } from '../sweep-spec/sweep-spec.js';
import { CONTINUE, type EarlyStopper, type StopDecision, type TrialProgress } from './early-stopper.js';
import { nanPercentile } from './percentile.js';
import { seedAwareReference } from './seed-aware-reference.js';

/**
 * Optuna's MedianPruner (PercentilePruner at 50, optuna/pruners/_percentile.py). Steps are
 * 0-based epoch indexes, as Optuna's steps start at zero: epoch 1 is step 0.
 * - no pruning until n_startup_trials trials have completed (pruned and failed do not count);
 * - none before step n_warmup_steps, then only at the first report of each interval_steps
 *   window counted from the warm-up;
 * - a trial whose values are all NaN is pruned;
 * - otherwise the trial's best value over all its steps is compared with the median of the
 *   completed trials' values at the current step (NaNs ignored; no verdict when fewer than
 *   n_min_trials completed trials reached the step), and pruned when worse.
 *
 * With several seeds per configuration (`seeds` > 1) it compares configurations, not trials,
 * and allows for seed noise (see seed-aware-reference.ts): the start-up and n_min_trials count
 * distinct configurations; each other configuration stands in by its trial of the judged
 * trial's own seed (paired) or the mean of its seeds; and a trial is pruned only when it is
 * behind the median by more than the seed-to-seed spread measured so far at that epoch. With
 * one seed it is exactly Optuna's rule.
 */
export class MedianStopper implements EarlyStopper {
  constructor(
    private readonly spec: MedianSpec,
    private readonly metric: MetricSpec,
    /** Seeds per configuration in the sweep. @default 1 */
    private readonly seeds = 1,
  ) {}

  decide(trial: TrialProgress, trials: readonly TrialProgress[]): StopDecision {
    if (trial.state !== 'running' || trial.values.length === 0) return CONTINUE;
    const completed = trials.filter((t) => t.state === 'completed');
    const seedAware = this.seeds > 1;
    const startup = seedAware ? new Set(completed.map((t) => t.config ?? t.id)).size : completed.length;
    if (startup === 0 || startup < this.spec.n_startup_trials) return CONTINUE;
    const step = trial.values.length - 1;
    if (step < this.spec.n_warmup_steps) return CONTINUE;
    if (!this.isFirstInInterval(step)) return CONTINUE;

    const maximize = this.metric.goal === 'maximize';
    const finite = trial.values.filter((v) => !Number.isNaN(v));
    if (finite.length === 0) {
      return { stop: true, reason: `median: every ${this.metric.name} value so far is NaN` };
    }
    const best = maximize ? Math.max(...finite) : Math.min(...finite);
    const reference = seedAware
      ? seedAwareReference(trial, completed, step)
      : {
          values: completed.filter((t) => t.values.length > step).map((t) => t.values[step] ?? NaN),
          spread: 0,
        };
    if (reference.values.length < this.spec.n_min_trials) return CONTINUE;
    const median = nanPercentile(reference.values, 50);
    if (Number.isNaN(median)) return CONTINUE;
    const behind = maximize ? median - best : best - median;
    if (!(behind > reference.spread)) return CONTINUE;
    const compared = seedAware
      ? `${reference.values.length} other configurations (paired by seed where they can be), by more than the seed spread ${reference.spread.toPrecision(3)}`
      : `${reference.values.length} completed trials`;
    return {
      stop: true,
      reason: `median: best ${this.metric.name} so far ${best} is worse than the median ${median} of ${compared} at epoch ${step + 1}`,
    };
  }

  /** Optuna's _is_first_in_interval_step, for steps reported without gaps (0, 1, ..., step). */
  private isFirstInInterval(step: number): boolean {
    const { n_warmup_steps: warmup, interval_steps: interval } = this.spec;
    const nearestLowerPruningStep = Math.floor((step - warmup) / interval) * interval + warmup;
    const secondLastStep = step - 1;
    return secondLastStep < nearestLowerPruningStep;
  }
}
