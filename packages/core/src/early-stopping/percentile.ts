/**
 * numpy.nanpercentile with its default linear interpolation: NaNs are ignored, and NaN is
 * returned when nothing is left. `q` is in [0, 100].
 */
export function nanPercentile(values: readonly number[], q: number): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = (q / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const low = sorted[lo] ?? NaN;
  const high = sorted[hi] ?? NaN;
  // Equal neighbours (including two infinities) need no interpolation, and would give NaN.
  return low === high ? low : low + (high - low) * (rank - lo);
}
