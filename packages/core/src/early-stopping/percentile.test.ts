import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nanPercentile } from './percentile.js';

// Expected values are numpy's: np.percentile / np.nanpercentile with the default linear method.
describe('nanPercentile', () => {
  it('interpolates linearly between order statistics', () => {
    assert.equal(nanPercentile([1, 2, 3, 4], 50), 2.5);
    assert.equal(nanPercentile([5, 1, 4, 2, 3], 25), 2);
    assert.ok(Math.abs(nanPercentile([1, 3], 10) - 1.2) < 1e-12);
    assert.equal(nanPercentile([7], 50), 7);
  });
  it('ignores NaN, and is NaN when nothing is left', () => {
    assert.equal(nanPercentile([1, NaN, 3], 50), 2);
    assert.ok(Number.isNaN(nanPercentile([NaN], 50)));
    assert.ok(Number.isNaN(nanPercentile([], 50)));
  });
  it('keeps infinities', () => {
    assert.equal(nanPercentile([Infinity, Infinity], 50), Infinity);
  });
});
