import type { HyperbandSpec, MetricSpec } from '../sweep-spec/sweep-spec.js';
import { CONTINUE, type EarlyStopper, type StopDecision, type TrialProgress } from './early-stopper.js';
import { hyperbandBands } from './hyperband-bands.js';

/**
 * W&B's hyperband stopping rule, as in wandb/sweeps hyperband_stopping.py:
 * - each trial's history is its metric per epoch with non-finite values dropped, negated
 *   when the goal is maximize, so smaller is always better;
 * - the threshold of band b is, over every trial of the sweep (any state) with at least b
 *   values, the value at iteration b taken at index floor(n / eta) of the ascending list
 *   (the top 1/eta pass), or +Infinity when no trial has reached b;
 * - only running trials are judged, at the highest band they have reached;
 * - strict (W&B's schema default) judges the value at that band, relaxed the best so far;
 *   the trial stops when it is worse than (greater than) the threshold.
 */
export class HyperbandStopper implements EarlyStopper {
  private readonly bands: readonly number[];
  private readonly sign: 1 | -1;

  constructor(
    private readonly spec: HyperbandSpec,
    private readonly metric: MetricSpec,
  ) {
    this.bands = hyperbandBands(spec);
    this.sign = metric.goal === 'maximize' ? -1 : 1;
  }

  decide(trial: TrialProgress, trials: readonly TrialProgress[]): StopDecision {
    if (trial.state !== 'running') return CONTINUE;
    const history = this.history(trial);
    let band = -1;
    for (const b of this.bands) {
      if (b <= history.length) band = b;
      else break;
    }
    if (band === -1) return CONTINUE;
    const histories = trials.map((t) => this.history(t)).filter((h) => h.length > 0);
    const atBand = histories.filter((h) => h.length >= band).map((h) => h[band - 1] ?? NaN);
    const threshold =
      atBand.length === 0
        ? Infinity
        : (atBand.sort((a, b) => a - b)[Math.floor((1 / this.spec.eta) * atBand.length)] ?? Infinity);
    const value = this.spec.strict ? (history[band - 1] ?? NaN) : Math.min(...history);
    if (!(value > threshold)) return CONTINUE;
    const shown = (v: number) => String(this.sign * v);
    return {
      stop: true,
      reason: `hyperband: at band ${band} (epoch ${band}) ${this.metric.name} ${this.spec.strict ? '' : 'best so far '}${shown(value)} is worse than the threshold ${shown(threshold)} (top 1/${this.spec.eta} of ${atBand.length} trials)`,
    };
  }

  private history(trial: TrialProgress): number[] {
    return trial.values.filter(Number.isFinite).map((v) => this.sign * v);
  }
}
