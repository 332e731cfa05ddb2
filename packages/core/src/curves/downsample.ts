/**
 * Thins a curve to about `target` points for a chart that many pixels wide, keeping its shape:
 * the points are cut into target/2 equal buckets and each keeps its lowest and highest point
 * (in step order), so a spike or a dip is never averaged away. The first and last points are
 * always kept, and so is the first non-finite value (NaN, +/-Infinity) of each bucket, because
 * a diverging trial must still look diverged. Curves at or under the target come back whole.
 * Returns the indices of the points kept, ascending, so parallel arrays (steps, times) thin
 * alike.
 */
export function keptIndices(values: ArrayLike<number>, target: number): number[] {
  const n = values.length;
  if (n <= target || target < 4) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.floor(target / 2);
  // Marks rather than a set and a sort: this runs for every curve of every chart answer.
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let low = -1;
    let high = -1;
    let nonFinite = -1;
    for (let i = from; i < to; i++) {
      const v = values[i] ?? NaN;
      if (!Number.isFinite(v)) {
        if (nonFinite < 0) nonFinite = i;
        continue;
      }
      if (low < 0 || v < (values[low] ?? v)) low = i;
      if (high < 0 || v > (values[high] ?? v)) high = i;
    }
    if (low >= 0) keep[low] = 1;
    if (high >= 0) keep[high] = 1;
    if (nonFinite >= 0) keep[nonFinite] = 1;
  }
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i] === 1) kept.push(i);
  return kept;
}

/** A curve thinned by keptIndices. */
export function downsample(
  steps: ArrayLike<number>,
  values: ArrayLike<number>,
  target: number,
): { steps: number[]; values: number[] } {
  const kept = keptIndices(values, target);
  return { steps: kept.map((i) => steps[i] ?? 0), values: kept.map((i) => values[i] ?? NaN) };
}
