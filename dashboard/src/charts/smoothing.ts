/**
 * The exponential moving average TensorBoard and W&B draw with their smoothing slider, with
 * TensorBoard's debiasing (so the first points are not pulled towards zero):
 *   last = last * w + (1 - w) * x;  smoothed = last / (1 - w^(n+1)), n counting finite points.
 * NaN and infinite points (null) stay null and do not enter the average. Weight 0 is the raw
 * curve; 0.99 is very smooth.
 */
export function smooth(values: readonly (number | null)[], weight: number): (number | null)[] {
  if (weight <= 0) return [...values];
  let last = 0;
  let n = 0;
  return values.map((x) => {
    if (x === null || !Number.isFinite(x)) return null;
    last = last * weight + (1 - weight) * x;
    n += 1;
    return last / (1 - weight ** n);
  });
}
