/** A trial on the contour: its two parameters mapped to [0, 1], and its value. */
export interface ContourSample {
  readonly u: number;
  readonly v: number;
  readonly value: number;
}

/**
 * The metric over two parameters on a `size` x `size` grid of the unit square (cell centres),
 * interpolated from the trials by inverse-distance weighting (Shepard's method, weights
 * 1 / distance^2). Optuna's contour plot interpolates linearly on a triangulation (SciPy's
 * griddata) and leaves the outside of the trials' hull empty; weighting fills the whole square
 * and never leaves the range of the values seen, so the colours cannot promise a better value
 * than any trial reached. A cell on a trial takes that trial's value. Row-major, v (y) from 0.
 */
export function contourGrid(samples: readonly ContourSample[], size: number): Float64Array {
  const grid = new Float64Array(size * size).fill(NaN);
  if (samples.length === 0) return grid;
  for (let row = 0; row < size; row++) {
    const v = (row + 0.5) / size;
    for (let col = 0; col < size; col++) {
      const u = (col + 0.5) / size;
      let weights = 0;
      let sum = 0;
      let exact = NaN;
      for (const s of samples) {
        const d2 = (s.u - u) ** 2 + (s.v - v) ** 2;
        if (d2 < 1e-12) {
          exact = s.value;
          break;
        }
        weights += 1 / d2;
        sum += s.value / d2;
      }
      grid[row * size + col] = Number.isNaN(exact) ? sum / weights : exact;
    }
  }
  return grid;
}

/** Maps a parameter's values to [0, 1]: numbers by value (log10 on a log axis), others by rank. */
export function unitScale(values: readonly unknown[], log: boolean): (value: unknown) => number {
  const numeric = values.length > 0 && values.every((v) => typeof v === 'number');
  if (!numeric) {
    const keys = values.map((v) => JSON.stringify(v));
    return (value) => {
      const i = keys.indexOf(JSON.stringify(value));
      return i < 0 ? NaN : values.length === 1 ? 0.5 : i / (values.length - 1);
    };
  }
  const f = (x: number) => (log ? Math.log10(x) : x);
  const numbers = (values as number[]).map(f);
  const [lo, hi] = [Math.min(...numbers), Math.max(...numbers)];
  return (value) => (typeof value === 'number' ? (hi === lo ? 0.5 : (f(value) - lo) / (hi - lo)) : NaN);
}
