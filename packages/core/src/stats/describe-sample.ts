/** What a handful of values (one configuration's seeds) say on their own. */
export interface SampleDescription {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n - 1); NaN with fewer than two values. */
  readonly sd: number;
  /** Interquartile mean: the mean of the middle half (scipy.stats.trim_mean(x, 0.25)). */
  readonly iqm: number;
  readonly min: number;
  readonly max: number;
}

export function describeSample(values: readonly number[]): SampleDescription {
  const n = values.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, iqm: NaN, min: NaN, max: NaN };
  const m = mean(values);
  return {
    n,
    mean: m,
    sd: sampleSd(values, m),
    iqm: interquartileMean(values),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? NaN : sum / values.length;
}

export function sampleVariance(values: readonly number[], m = mean(values)): number {
  if (values.length < 2) return NaN;
  let sum = 0;
  for (const v of values) sum += (v - m) * (v - m);
  return sum / (values.length - 1);
}

function sampleSd(values: readonly number[], m: number): number {
  return Math.sqrt(sampleVariance(values, m));
}

/**
 * The mean after cutting a quarter of the values from each end, whole values only, as SciPy's
 * trim_mean does (so with 3 values nothing is cut: IQM equals the mean).
 */
export function interquartileMean(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length * 0.25);
  return mean(sorted.slice(cut, sorted.length - cut));
}
