import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '../tf.js';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { registerTrainingKernels } from './register-training-kernels.js';

// The reference is the STOCK cpu backend: computed before embsweep's kernels are registered
// (registration is global to the process, so the order of these steps matters).

const VOCAB = 13;
const DIM = 5;
const IDS = [
  [3, 0, 12, 3],
  [7, 7, 1, 0],
  [12, 2, 3, 11],
];

/** d(sum(gather(W, ids) * R)) / dW, and the lookup itself. */
function embeddingGradient(): { grad: number[]; lookup: number[] } {
  return tf.tidy(() => {
    const w = tf.tensor2d(
      Array.from({ length: VOCAB * DIM }, (_, i) => Math.sin(i)),
      [VOCAB, DIM],
    );
    const ids = tf.tensor2d(IDS, [3, 4], 'int32');
    const r = tf.tensor3d(
      Array.from({ length: 3 * 4 * DIM }, (_, i) => Math.cos(i)),
      [3, 4, DIM],
    );
    const grad = tf.grad((table: tf.Tensor) => tf.gather(table, ids).mul(r).sum())(w);
    return { grad: Array.from(grad.dataSync()), lookup: Array.from(tf.gather(w, ids).dataSync()) };
  });
}

/** Weights after a few Adam steps of a small embedding model with dropout-free L2, deterministic. */
function fewTrainingSteps(): number[] {
  return tf.tidy(() => {
    const model = tf.sequential({
      layers: [
        tf.layers.embedding({
          inputDim: VOCAB,
          outputDim: DIM,
          inputLength: 4,
          embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.1, maxval: 0.1, seed: 1 }),
          embeddingsRegularizer: tf.regularizers.l2({ l2: 1e-3 }),
        }),
        tf.layers.globalAveragePooling1d(),
        tf.layers.dense({
          units: 3,
          activation: 'softmax',
          kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
        }),
      ],
    });
    const optimizer = tf.train.adam(0.05);
    const x = tf.tensor2d(IDS, [3, 4], 'int32');
    const y = tf.oneHot(tf.tensor1d([0, 1, 2], 'int32'), 3);
    for (let step = 0; step < 5; step++) {
      optimizer.minimize(() =>
        tf.losses
          .softmaxCrossEntropy(y, model.apply(x) as tf.Tensor)
          .add<tf.Scalar>(model.losses[0]?.() ?? 0),
      );
    }
    const out = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
    optimizer.dispose();
    model.dispose();
    return out;
  });
}

function assertClose(actual: number[], expected: number[], tolerance: number, what: string) {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((a, i) =>
    assert.ok(Math.abs(a - (expected[i] ?? NaN)) <= tolerance, `${what}[${i}]: ${a} vs ${expected[i]}`),
  );
}

describe('training kernels against the stock cpu backend', () => {
  it('give the same embedding gradients and training steps on cpu and wasm', async () => {
    await tf.setBackend('cpu');
    const stock = embeddingGradient();
    const stockSteps = fewTrainingSteps();

    registerTrainingKernels('cpu');
    const cpu = embeddingGradient();
    assertClose(cpu.grad, stock.grad, 1e-6, 'cpu gradient');
    assertClose(cpu.lookup, stock.lookup, 0, 'cpu lookup');
    assertClose(fewTrainingSteps(), stockSteps, 1e-6, 'cpu weights after 5 steps');

    setThreadsCount(1);
    await tf.setBackend('wasm');
    registerTrainingKernels('wasm');
    const wasm = embeddingGradient();
    assertClose(wasm.grad, stock.grad, 1e-5, 'wasm gradient');
    assertClose(wasm.lookup, stock.lookup, 0, 'wasm lookup');
    assertClose(fewTrainingSteps(), stockSteps, 1e-5, 'wasm weights after 5 steps');
  });

  it('drop out-of-range segment ids, as TensorFlow does, and refuse out-of-range lookups', async () => {
    await tf.setBackend('cpu');
    registerTrainingKernels('cpu');
    const sums = tf.unsortedSegmentSum(tf.tensor1d([1, 2, 4, 8]), tf.tensor1d([0, -1, 2, 0], 'int32'), 3);
    assert.deepEqual(Array.from(sums.dataSync()), [9, 0, 4]);
    assert.throws(
      () => tf.gather(tf.tensor2d([[1], [2]]), tf.tensor1d([2], 'int32')),
      /index 2 is not in \[0, 1\]/,
    );
    // Gathers the fast kernel does not handle still work (axis 1).
    assert.deepEqual(
      Array.from(
        tf
          .gather(
            tf.tensor2d([
              [1, 2],
              [3, 4],
            ]),
            tf.tensor1d([1], 'int32'),
            1,
          )
          .dataSync(),
      ),
      [2, 4],
    );
  });
});
