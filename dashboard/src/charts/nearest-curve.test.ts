import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nearestCurve } from './nearest-curve.js';

const line = (xs: number[], ys: number[]) => ({ xs: Float32Array.from(xs), ys: Float32Array.from(ys) });

describe('nearestCurve', () => {
  // Two curves over epochs 1..3: one flat at 1, one rising from 0 to 4. One pixel per unit of y.
  const curves = [line([1, 2, 3], [1, 1, 1]), line([1, 2, 3], [0, 2, 4])];
  const pixel = (y: number) => -y;

  it('picks the curve closest in y at the pointer x, between points', () => {
    assert.deepEqual(nearestCurve(curves, 1.2, -1, pixel, 5), { curve: 0, point: 0 });
    // At x 2.75 the rising curve is at 3.5: a pointer at 3.4 is nearer it than the flat one.
    assert.deepEqual(nearestCurve(curves, 2.75, -3.4, pixel, 5), { curve: 1, point: 2 });
  });

  it('finds nothing beyond the tolerance or outside every curve x range', () => {
    assert.equal(nearestCurve(curves, 2, -20, pixel, 5), undefined);
    assert.equal(nearestCurve(curves, 3.5, -1, pixel, 5), undefined);
  });

  it('skips a gap (a NaN value) rather than matching it', () => {
    const gap = [line([1, 2, 3], [NaN, NaN, NaN]), line([1, 2, 3], [5, 5, 5])];
    assert.deepEqual(nearestCurve(gap, 2, -5, pixel, 5), { curve: 1, point: 1 });
  });
});
