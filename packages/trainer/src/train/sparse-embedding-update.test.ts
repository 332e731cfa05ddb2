import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as tf from '../tf.js';
import { chooseBackend } from '../backends/choose-backend.js';
import { SparseEmbeddingUpdate } from './sparse-embedding-update.js';

const VOCAB = 6;
const DIM = 3;
const start = () => Array.from({ length: VOCAB * DIM }, (_, i) => Math.sin(i + 1) / 2);
/** A gradient on the rows of `ids` only, as a batch of those words gives. */
const gradientOn = (rows: readonly number[]) =>
  tf.tensor2d(
    Array.from({ length: VOCAB * DIM }, (_, i) => (rows.includes(Math.floor(i / DIM)) ? Math.cos(i) : 0)),
    [VOCAB, DIM],
  );
const rowOf = (values: Float32Array | number[], row: number) => [...values].slice(row * DIM, (row + 1) * DIM);

function closeTo(actual: number[], expected: number[], what: string): void {
  actual.forEach((a, i) =>
    assert.ok(Math.abs(a - (expected[i] ?? NaN)) < 1e-6, `${what}[${i}]: ${a} vs ${expected[i]}`),
  );
}

describe('SparseEmbeddingUpdate (lazy updates of the touched rows)', () => {
  before(async () => {
    await chooseBackend('cpu');
  });

  for (const optimizer of ['adam', 'rmsprop', 'sgd'] as const) {
    it(`${optimizer}: a first step equals the dense optimizer's, as every moment starts at zero`, () => {
      const dense = tf.variable(tf.tensor2d(start(), [VOCAB, DIM]), true, `dense-${optimizer}`);
      const lazy = tf.variable(tf.tensor2d(start(), [VOCAB, DIM]), true, `lazy-${optimizer}`);
      const make = {
        adam: (lr: number) => tf.train.adam(lr),
        rmsprop: (lr: number) => tf.train.rmsprop(lr),
        sgd: (lr: number) => tf.train.sgd(lr),
      }[optimizer];
      const denseOptimizer = make(0.1);
      const grad = gradientOn([1, 4]);
      denseOptimizer.applyGradients([{ name: dense.name, tensor: grad }]);
      new SparseEmbeddingUpdate(lazy, { optimizer, learning_rate: 0.1, l1: 0, l2: 0 }).apply(
        grad,
        Int32Array.of(1, 4, 4, 1),
      );
      closeTo([...lazy.dataSync()], [...dense.dataSync()], optimizer);
      [dense, lazy, grad].forEach((t) => t.dispose());
      denseOptimizer.dispose();
    });
  }

  it('leaves a row the next batch does not touch as it is, where dense Adam moves it on momentum', () => {
    const dense = tf.variable(tf.tensor2d(start(), [VOCAB, DIM]), true, 'dense-2');
    const lazy = tf.variable(tf.tensor2d(start(), [VOCAB, DIM]), true, 'lazy-2');
    const denseOptimizer = tf.train.adam(0.1);
    const update = new SparseEmbeddingUpdate(lazy, { optimizer: 'adam', learning_rate: 0.1, l1: 0, l2: 0 });
    for (const rows of [[1], [2]]) {
      const grad = gradientOn(rows);
      denseOptimizer.applyGradients([{ name: dense.name, tensor: grad }]);
      update.apply(grad, Int32Array.from(rows));
      grad.dispose();
    }
    const afterFirst = tf.variable(tf.tensor2d(start(), [VOCAB, DIM]), true, 'lazy-1');
    const grad = gradientOn([1]);
    new SparseEmbeddingUpdate(afterFirst, { optimizer: 'adam', learning_rate: 0.1, l1: 0, l2: 0 }).apply(
      grad,
      Int32Array.of(1),
    );
    assert.deepEqual(
      rowOf(lazy.dataSync() as Float32Array, 1),
      rowOf(afterFirst.dataSync() as Float32Array, 1),
    );
    assert.notDeepEqual(
      rowOf(dense.dataSync() as Float32Array, 1),
      rowOf(afterFirst.dataSync() as Float32Array, 1),
    );
    // Row 2, seen once at step 2 with zero moments before: the same in both.
    closeTo(rowOf(lazy.dataSync() as Float32Array, 2), rowOf(dense.dataSync() as Float32Array, 2), 'row 2');
    [dense, lazy, afterFirst, grad].forEach((t) => t.dispose());
    denseOptimizer.dispose();
  });

  it('applies L2 (and L1) to the touched rows only: an unseen word is not shrunk that step', () => {
    const w = start();
    const lazy = tf.variable(tf.tensor2d(w, [VOCAB, DIM]), true, 'lazy-l2');
    const grad = gradientOn([1]);
    const g = [...grad.dataSync()];
    new SparseEmbeddingUpdate(lazy, { optimizer: 'sgd', learning_rate: 0.5, l1: 0.01, l2: 0.1 }).apply(
      grad,
      Int32Array.of(1),
    );
    const after = lazy.dataSync() as Float32Array;
    // Row 1: w - lr (g + 2 l2 w + l1 sign(w)); row 3 keeps its weights.
    const expected = rowOf(w, 1).map((x, j) => x - 0.5 * ((g[DIM + j] ?? 0) + 0.2 * x + 0.01 * Math.sign(x)));
    closeTo(rowOf(after, 1), expected, 'row 1');
    assert.deepEqual(rowOf(after, 3), rowOf(Float32Array.from(w), 3));
    [lazy, grad].forEach((t) => t.dispose());
  });
});
