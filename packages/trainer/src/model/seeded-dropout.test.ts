import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createRng } from '@embsweep/core';
import * as tf from '../tf.js';
import { chooseBackend } from '../backends/choose-backend.js';
import { SeededDropout } from './seeded-dropout.js';

describe('SeededDropout', () => {
  before(async () => {
    await chooseBackend('cpu');
  });

  it("draws its masks from createRng('dropout', seed), one new mask per call", () => {
    const layer = new SeededDropout({ rate: 0.25, seed: 7 });
    const rng = createRng('dropout', 7);
    const ones = tf.ones([3, 5, 4]);
    for (let call = 0; call < 2; call++) {
      const out = layer.apply(ones, { training: true }) as tf.Tensor;
      const expected = Array.from({ length: ones.size }, () => (rng.next() < 0.75 ? 1 / 0.75 : 0));
      assert.deepEqual([...out.dataSync()], [...Float32Array.from(expected)]);
      out.dispose();
    }
    const inference = layer.apply(ones, { training: false }) as tf.Tensor;
    assert.deepEqual([...inference.dataSync()], [...ones.dataSync()]);
    ones.dispose();
  });
});
