import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { smooth } from './smoothing.js';

describe('smoothing (TensorBoard-style debiased exponential moving average)', () => {
  it('matches the formula on a short curve, keeps gaps, and is the raw curve at weight 0', () => {
    // By hand with w = 0.6: 0.2 / 0.4 = 0.5; 0.28 / 0.64 = 0.4375; 0.348 / 0.784 = 0.443878...
    const out = smooth([0.5, 0.4, null, 0.45], 0.6);
    assert.equal(out[0], 0.5);
    assert.ok(Math.abs((out[1] ?? 0) - 0.4375) < 1e-12);
    assert.ok(Number.isNaN(out[2]));
    assert.ok(Math.abs((out[3] ?? 0) - 0.348 / 0.784) < 1e-12);
    assert.deepEqual([...smooth([1, 2, 3], 0)], [1, 2, 3]);
  });
});
