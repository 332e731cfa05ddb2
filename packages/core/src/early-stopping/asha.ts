import type { AshaSpec, MetricSpec } from '../sweep-spec/sweep-spec.js';
import { CONTINUE, type EarlyStopper, type StopDecision, type TrialProgress } from './early-stopper.js';
import { seedAwareReference } from './seed-aware-reference.js';

/**
 * Asynchronous successive halving (Li et al., MLSys 2020) with the semantics of Optuna's
 * SuccessiveHalvingPruner (optuna/pruners/_successive_halving.py). Rung k is reached at epoch
 * min_iter x eta^(s + k). When a running trial reports the epoch of a rung, its value there is
 * compared with the values at that rung of every trial that reached it (itself included): it
 * goes on only if it is among the top 1/eta of them (for the first eta - 1 to arrive: only if
 * it is the best so far, since a trial that was let go cannot be resumed); a NaN stops it, and
 * while no more than bootstrap_count trials have reached the rung, every trial stops there.
 * Names: min_iter is Optuna's min_resource (in epochs, from 1), eta its reduction_factor, s its
 * min_early_stopping_rate; bootstrap_count keeps its name.
 *
 * With several seeds per configuration (`seeds` > 1) the competitors at a rung are the other
 * configurations, not trials: each by its trial of the judged trial's seed where it reached
 * the rung (paired), else the mean of its seeds there; bootstrap_count counts configurations.
 * Seeds of one configuration then never crowd out the others. With one seed it is Optuna's.
 */
export class AshaStopper implements EarlyStopper {
  constructor(
    private readonly spec: AshaSpec,
    private readonly metric: MetricSpec,
    /** Seeds per configuration in the sweep. @default 1 */
    private readonly seeds = 1,
  ) {}

  /** The epoch of rung k. */
  rungEpoch(k: number): number {
    return this.spec.min_iter * this.spec.eta ** (this.spec.s + k);
  }

  decide(trial: TrialProgress, trials: readonly TrialProgress[]): StopDecision {
    if (trial.state !== 'running' || trial.values.length === 0) return CONTINUE;
    const epoch = trial.values.length;
    const rung = this.rungAt(epoch);
    if (rung === undefined) return CONTINUE;
    const value = trial.values[epoch - 1] ?? NaN;
    const name = this.metric.name;
    if (Number.isNaN(value))
      return { stop: true, reason: `asha: ${name} is NaN at rung ${rung} (epoch ${epoch})` };
    const others = trials.filter((t) => t.id !== trial.id && t.values.length >= epoch);
    const competing = (
      this.seeds > 1
        ? seedAwareReference(trial, others, epoch - 1).values
        : others.map((t) => t.values[epoch - 1] ?? NaN)
    ).concat(value);
    const kind = this.seeds > 1 ? 'configuration(s)' : 'trial(s)';
    if (competing.length <= this.spec.bootstrap_count) {
      return {
        stop: true,
        reason: `asha: only ${competing.length} ${kind} have reached rung ${rung} (epoch ${epoch}); bootstrap_count is ${this.spec.bootstrap_count}`,
      };
    }
    const sign = this.metric.goal === 'maximize' ? -1 : 1;
    // NaN ranks last, whichever the goal.
    const ranked = competing.map((v) => (Number.isNaN(v) ? Infinity : sign * v)).sort((a, b) => a - b);
    const index = Math.max(0, Math.floor(competing.length / this.spec.eta) - 1);
    const threshold = ranked[index] ?? Infinity;
    if (sign * value <= threshold) return CONTINUE;
    return {
      stop: true,
      reason: `asha: at rung ${rung} (epoch ${epoch}) ${name} ${value} is not in the top 1/${this.spec.eta} of the ${competing.length} ${this.seeds > 1 ? 'configurations' : 'trials'} that reached it (the cut is ${sign * threshold})`,
    };
  }

  /** The rung whose epoch this is, if any. */
  private rungAt(epoch: number): number | undefined {
    for (let k = 0; ; k++) {
      const at = this.rungEpoch(k);
      if (at === epoch) return k;
      if (at > epoch) return undefined;
    }
  }
}
