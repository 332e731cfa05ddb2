import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate, groupBy } from './groups.js';

describe('aggregate (mean and band across seeds)', () => {
  it('averages by epoch and spans the lowest to the highest value', () => {
    const g = aggregate([
      { steps: [1, 2, 3], values: [1, 2, 3] },
      { steps: [1, 2], values: [3, 4] },
    ]);
    assert.deepEqual(
      { steps: g.steps, mean: g.mean, low: g.low, high: g.high, count: g.count },
      {
        steps: [1, 2, 3],
        mean: [2, 3, 3],
        low: [1, 2, 3],
        high: [3, 4, 3],
        count: [2, 2, 1],
      },
    );
  });

  it('gives the 95% t-interval of the mean (SciPy: t.ppf(0.975, 2) = 4.302652729911275), none for one value', () => {
    const g = aggregate([
      { steps: [1, 2], values: [1, 7] },
      { steps: [1], values: [2] },
      { steps: [1], values: [3] },
    ]);
    const half = 4.302652729911275 / Math.sqrt(3); // sd = 1
    assert.ok(Math.abs((g.ciLow[0] ?? 0) - (2 - half)) < 1e-9);
    assert.ok(Math.abs((g.ciHigh[0] ?? 0) - (2 + half)) < 1e-9);
    assert.deepEqual([g.ciLow[1], g.ciHigh[1]], [7, 7]);
  });

  it('leaves NaN and infinities (null) out', () => {
    const g = aggregate([
      { steps: [1, 2], values: [1, null] },
      { steps: [1, 2], values: [3, 5] },
    ]);
    assert.deepEqual(
      [g.mean, g.count],
      [
        [2, 5],
        [2, 1],
      ],
    );
  });

  it('groups in order of first appearance', () => {
    assert.deepEqual(
      [...groupBy([3, 1, 4, 1, 5], (n) => String(n % 2)).entries()],
      [
        ['1', [3, 1, 1, 5]],
        ['0', [4]],
      ],
    );
  });
});
