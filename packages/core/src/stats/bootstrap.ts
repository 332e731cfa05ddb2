import { createRng, type Rng } from '../random/rng.js';

export interface BootstrapOptions {
  /** Resamples drawn. @default 10000 */
  readonly resamples?: number;
  /** Seeds the resampling, so the same values give the same interval. @default 0 */
  readonly seed?: number;
  /** Coverage of the interval. @default 0.95 */
  readonly level?: number;
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export const DEFAULT_RESAMPLES = 10_000;

/**
 * The percentile-bootstrap interval of the mean: resample the values with replacement, take the
 * mean of each resample, and cut (1 - level) / 2 from each end of their distribution (numpy's
 * linear percentiles). With very few values it is too narrow (three values can only give means
 * between their min and max); callers say so below three. Below two values there is none.
 */
export function bootstrapInterval(values: readonly number[], options: BootstrapOptions = {}): Interval {
  if (values.length < 2) return { low: NaN, high: NaN }; // one value has no spread to resample
  return intervalOf(
    resampleMeans(values, createRng('bootstrap', options.seed ?? 0), options.resamples),
    options.level,
  );
}

/**
 * P(A better than B) by the bootstrap: the share of paired resamples in which A's mean beats
 * B's in the direction of the goal (ties count half). 0.5 means the data cannot tell them apart.
 */
export function probabilityBetter(
  a: readonly number[],
  b: readonly number[],
  goal: 'minimize' | 'maximize',
  options: Omit<BootstrapOptions, 'level'> = {},
): number {
  if (a.length === 0 || b.length === 0) return NaN;
  const rng = createRng('probability-better', options.seed ?? 0);
  return shareBetter(
    resampleMeans(a, rng, options.resamples),
    resampleMeans(b, rng, options.resamples),
    goal,
  );
}

/**
 * The means of `resamples` resamples (with replacement) of the values, drawn from `rng`. A
 * comparison of many configurations draws each configuration's once and derives its interval
 * and its P(better) against others from them, rather than resampling for every question.
 */
export function resampleMeans(
  values: readonly number[],
  rng: Rng,
  resamples = DEFAULT_RESAMPLES,
): Float64Array {
  if (values.length === 1) return Float64Array.of(values[0] ?? NaN); // nothing to resample
  const n = values.length;
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(rng.next() * n)] ?? NaN;
    means[r] = sum / n;
  }
  return means;
}

/** The percentile interval of resampled means (numpy's linear percentiles). */
export function intervalOf(means: Float64Array, level = 0.95): Interval {
  const sorted = Float64Array.from(means).sort(); // a typed array sorts numerically, and fast
  return { low: linearPercentile(sorted, (1 - level) / 2), high: linearPercentile(sorted, (1 + level) / 2) };
}

/** The share of paired resampled means in which A's beats B's by the goal (ties count half). */
export function shareBetter(a: Float64Array, b: Float64Array, goal: 'minimize' | 'maximize'): number {
  const pairs = Math.min(a.length, b.length);
  let wins = 0;
  for (let i = 0; i < pairs; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff === 0) wins += 0.5;
    else if (goal === 'minimize' ? diff < 0 : diff > 0) wins += 1;
  }
  return wins / pairs;
}

function linearPercentile(sorted: Float64Array, q: number): number {
  const rank = q * (sorted.length - 1);
  const lo = Math.floor(rank);
  const low = sorted[lo] ?? NaN;
  const high = sorted[Math.ceil(rank)] ?? NaN;
  return low === high ? low : low + (high - low) * (rank - lo);
}
