import type { HistoryTrial } from '../search-history.js';

/** How a failed trial (no result) is counted: W&B's `metric.impute`. */
export type Impute = 'worst' | 'best' | 'latest';

/** One trial as TPE ranks it: lower `rank` then lower `score` is better. */
export interface Observation {
  readonly trial: HistoryTrial;
  /**
   * -Infinity for a completed trial (and, with the constant liar, a running one); for a trial
   * stopped early, minus the epochs it reached, so one that got further ranks better (Optuna
   * ranks pruned trials by their last step, then their last value).
   */
  readonly rank: number;
  /** The value to minimise: the metric, negated when it is maximised. */
  readonly score: number;
  /** Whether it has a result (running trials under the constant liar have none). */
  readonly finished: boolean;
}

/**
 * The observations TPE learns from, as Optuna's _get_observation_pairs gathers them: completed
 * trials by their best value; pruned (and otherwise stopped) trials by how far they got and
 * their last value; running trials, with the constant liar, as the worst possible result so
 * that parallel proposals keep away from them; failed trials left out, or imputed as
 * `impute` says (worst or best value seen, or the trial's own last value).
 */
export function observationsOf(
  trials: readonly HistoryTrial[],
  goal: 'minimize' | 'maximize',
  options: { readonly constantLiar: boolean; readonly impute?: Impute | undefined },
): Observation[] {
  const sign = goal === 'maximize' ? -1 : 1;
  const completed = trials
    .filter((t) => t.state === 'completed' && t.bestValue !== null)
    .map((t) => sign * (t.bestValue ?? 0));
  const out: Observation[] = [];
  for (const trial of trials) {
    if (trial.state === 'completed' && trial.bestValue !== null) {
      out.push({ trial, rank: -Infinity, score: sign * trial.bestValue, finished: true });
    } else if (trial.state === 'pruned') {
      const last = trial.finalValue;
      const score = last === null || Number.isNaN(last) ? Infinity : sign * last;
      out.push({
        trial,
        rank: trial.values.length > 0 ? -trial.values.length : Infinity,
        score,
        finished: true,
      });
    } else if (trial.state === 'running' && options.constantLiar) {
      out.push({ trial, rank: -Infinity, score: Infinity, finished: false });
    } else if (
      (trial.state === 'failed' || (trial.state === 'completed' && trial.bestValue === null)) &&
      options.impute !== undefined
    ) {
      const score = imputed(trial, options.impute, completed, sign);
      if (score !== undefined) out.push({ trial, rank: -Infinity, score, finished: true });
    }
  }
  return out;
}

function imputed(
  trial: HistoryTrial,
  impute: Impute,
  completed: readonly number[],
  sign: number,
): number | undefined {
  if (impute === 'latest')
    return trial.finalValue === null || !Number.isFinite(trial.finalValue)
      ? undefined
      : sign * trial.finalValue;
  if (completed.length === 0) return undefined;
  return impute === 'worst' ? Math.max(...completed) : Math.min(...completed);
}

/** Optuna's default_gamma: how many observations form the "good" group. */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/**
 * Splits observations into the best `gamma(n)` (n: the finished ones) and the rest, each kept
 * in trial order (the weights favour recent trials), as Optuna's _split_observation_pairs.
 */
export function splitObservations(observations: readonly Observation[]): {
  below: Observation[];
  above: Observation[];
} {
  const n = observations.filter((o) => o.finished).length;
  // Equal ranks (both -Infinity) subtract to NaN, which is falsy: the score decides.
  const ranked = [...observations].sort((a, b) => a.rank - b.rank || a.score - b.score);
  const good = new Set(ranked.slice(0, defaultGamma(n)));
  const byIndex = (a: Observation, b: Observation) => a.trial.index - b.trial.index;
  return {
    below: observations.filter((o) => good.has(o)).sort(byIndex),
    above: observations.filter((o) => !good.has(o)).sort(byIndex),
  };
}
