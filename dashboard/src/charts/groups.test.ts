import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate, groupBy } from './groups.js';

describe('aggregate (mean and band across seeds)', () => {
  it('averages by epoch and spans the lowest to the highest value', () => {
    const g = aggregate([
      { steps: [1, 2, 3], values: [1, 2, 3] },
      { steps: [1, 2], values: [3, 4] },
    ]);
    assert.deepEqual(g, {
      steps: [1, 2, 3],
      mean: [2, 3, 3],
      low: [1, 2, 3],
      high: [3, 4, 3],
      count: [2, 2, 1],
    });
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
