import type { TypedLine } from './typed-lines.js';

/** The curve under the pointer and its point nearest the pointer's x. */
export interface CurveHit {
  readonly curve: number;
  readonly point: number;
}

/**
 * The curve nearest the pointer: at the pointer's x, each curve's y (between its two points
 * around x) is compared with the pointer's in pixels, and the closest within `tolerance`
 * pixels wins. A binary search per curve, so ten thousand curves take a few milliseconds:
 * hover stays quick whatever is drawn, without chart.js looking at every point.
 */
export function nearestCurve(
  curves: readonly TypedLine[],
  x: number,
  pointerY: number,
  yPixel: (value: number) => number,
  tolerance: number,
): CurveHit | undefined {
  let best: CurveHit | undefined;
  let bestDistance = tolerance;
  curves.forEach(({ xs, ys }, curve) => {
    const n = xs.length;
    if (n === 0 || x < (xs[0] ?? Infinity) || x > (xs[n - 1] ?? -Infinity)) return;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((xs[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    const right = lo;
    const left = Math.max(0, right - 1);
    const [x0, x1] = [xs[left] ?? 0, xs[right] ?? 0];
    const [y0, y1] = [ys[left] ?? NaN, ys[right] ?? NaN];
    const t = x1 === x0 ? 1 : (x - x0) / (x1 - x0);
    const y = t <= 0 ? y0 : t >= 1 ? y1 : y0 + (y1 - y0) * t;
    const distance = Math.abs(yPixel(y) - pointerY);
    if (distance <= bestDistance) {
      bestDistance = distance;
      best = { curve, point: t < 0.5 ? left : right };
    }
  });
  return best;
}
