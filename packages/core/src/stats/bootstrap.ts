import { createRng, type Rng } from '../random/rng.js';
import { nanPercentile } from '../early-stopping/percentile.js';
import { mean } from './describe-sample.js';

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
  const level = options.level ?? 0.95;
  const means = resampledMeans(values, createRng('bootstrap', options.seed ?? 0), options.resamples);
  return {
    low: nanPercentile(means, (100 * (1 - level)) / 2),
    high: nanPercentile(means, (100 * (1 + level)) / 2),
  };
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
  const ma = resampledMeans(a, rng, options.resamples);
  const mb = resampledMeans(b, rng, options.resamples);
  let wins = 0;
  for (let i = 0; i < ma.length; i++) {
    const diff = (ma[i] ?? 0) - (mb[i] ?? 0);
    if (diff === 0) wins += 0.5;
    else if (goal === 'minimize' ? diff < 0 : diff > 0) wins += 1;
  }
  return wins / ma.length;
}

function resampledMeans(values: readonly number[], rng: Rng, resamples = DEFAULT_RESAMPLES): number[] {
  if (values.length === 1) return [values[0] ?? NaN]; // nothing to resample
  const n = values.length;
  const means = new Array<number>(resamples);
  const sample = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) sample[i] = values[Math.floor(rng.next() * n)] ?? NaN;
    means[r] = mean(sample);
  }
  return means;
}
