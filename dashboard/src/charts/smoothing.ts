/**
 * The exponential moving average TensorBoard and W&B draw with their smoothing slider, with
 * TensorBoard's debiasing (so the first points are not pulled towards zero):
 *   last = last * w + (1 - w) * x;  smoothed = last / (1 - w^(n+1)), n counting finite points.
 * NaN, infinite and null points stay gaps (NaN) and do not enter the average. Weight 0 is the
 * raw curve; 0.99 is very smooth.
 */
export function smooth(values: ArrayLike<number | null>, weight: number): Float64Array {
  const out = new Float64Array(values.length);
  let last = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? NaN;
    if (!Number.isFinite(x)) out[i] = NaN;
    else if (weight <= 0) out[i] = x;
    else {
      last = last * weight + (1 - weight) * x;
      n += 1;
      out[i] = last / (1 - weight ** n);
    }
  }
  return out;
}
