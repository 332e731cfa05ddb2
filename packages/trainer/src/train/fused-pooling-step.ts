import * as tf from '../tf.js';
import { SeededDropout } from '../model/seeded-dropout.js';
import { batchLoss } from './batch-losses.js';
import type { SparseEmbeddingUpdate } from './sparse-embedding-update.js';

/**
 * A training step of the built-in model whose lower half (embedding lookup, dropout, average
 * pooling) runs in one pass of JavaScript over the batch's word ids, as fastText's "bag of
 * embeddings" does: the batch x length x dim tensors of the layered path (lookup, mask, product,
 * and their gradients, a dense vocabulary x dim gradient among them) are never built. The
 * pooled vectors go through the model's upper layers (hidden, output) in tfjs with autodiff;
 * their gradient comes back down to the touched rows of the embedding, which the sparse update
 * steps. The same numbers as the layered path (the dropout masks are the dropout layer's own,
 * drawn in the same order), up to the order of float additions: a test holds them together.
 * Used for the built-in model with average pooling and sparse updates; anything else trains
 * through the layers.
 */
export class FusedPoolingStep {
  /** The rows' gradients, vocabulary x dim; only touched rows are written, and cleared after. */
  private readonly grad: Float32Array;
  /** The upper layers' trainable variables, for the optimizer. */
  private readonly upperVariables: tf.Variable[];

  private constructor(
    private readonly sparse: SparseEmbeddingUpdate,
    private readonly dropout: SeededDropout | undefined,
    /** The layers above the pooling, applied in order. */
    private readonly upper: readonly tf.layers.Layer[],
    private readonly dim: number,
  ) {
    this.grad = new Float32Array(sparse.matrix.length);
    this.upperVariables = upper.flatMap((l) => l.trainableWeights.map((v) => v.read() as tf.Variable));
  }

  /** The fused step for this model, or undefined when it is not the built-in shape it knows. */
  static of(model: tf.LayersModel, sparse: SparseEmbeddingUpdate | undefined): FusedPoolingStep | undefined {
    if (sparse === undefined || model.name !== 'embedding_classifier') return undefined;
    const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
    const [embedding, ...rest] = layers;
    const dropout = rest[0] instanceof SeededDropout ? rest[0] : undefined;
    const afterDropout = dropout ? rest.slice(1) : rest;
    const [pooling, ...upper] = afterDropout;
    if (embedding?.name !== 'embedding' || pooling?.getClassName() !== 'GlobalAveragePooling1D')
      return undefined;
    if (upper.some((l) => l.getClassName() !== 'Dense')) return undefined;
    const dim = embedding.getWeights()[0]?.shape[1] ?? 0;
    return new FusedPoolingStep(sparse, dropout, upper, dim);
  }

  /** One step on a batch of `ids` (batch x length, row-major); returns its mean loss and correct count. */
  step(ids: Int32Array, labels: Int32Array, length: number, optimizer: tf.Optimizer): [number, number] {
    const batch = labels.length;
    const dim = this.dim;
    const w = this.sparse.matrix;
    const mask = this.dropout?.nextMask(batch * length * dim);
    // Lower half, forward: each text's mean of its (masked) word vectors, padding included as
    // average pooling counts it.
    const pooled = new Float32Array(batch * dim);
    for (let b = 0; b < batch; b++) {
      const out = b * dim;
      for (let l = 0; l < length; l++) {
        const row = (ids[b * length + l] ?? 0) * dim;
        const at = (b * length + l) * dim;
        if (mask === undefined)
          for (let d = 0; d < dim; d++) pooled[out + d] = (pooled[out + d] ?? 0) + (w[row + d] ?? 0);
        else
          for (let d = 0; d < dim; d++)
            pooled[out + d] = (pooled[out + d] ?? 0) + (w[row + d] ?? 0) * (mask[at + d] ?? 0);
      }
      for (let d = 0; d < dim; d++) pooled[out + d] = (pooled[out + d] ?? 0) / length;
    }
    // Upper half in tfjs, with the gradient of the pooled vectors as a variable's.
    const [loss, correct, dPooled] = tf.tidy(() => {
      const input = tf.variable(tf.tensor2d(pooled, [batch, dim]));
      const y = tf.tensor1d(labels, 'int32');
      let kept: { loss: tf.Scalar; correct: tf.Scalar } | undefined;
      const { grads } = tf.variableGrads(() => {
        let h: tf.Tensor = input;
        for (const layer of this.upper) h = layer.apply(h, { training: true }) as tf.Tensor;
        const result = batchLoss(h, y);
        kept = { loss: tf.keep(result.loss), correct: tf.keep(result.correct) };
        const penalties = this.upper.flatMap((l) => l.losses.map((penalty) => penalty()));
        return penalties.length === 0 ? result.loss : tf.addN<tf.Scalar>([result.loss, ...penalties]);
      }, [...this.upperVariables, input]);
      const { [input.name]: inputGrad, ...others } = grads;
      optimizer.applyGradients(others);
      const out: [number, number, Float32Array] = [
        kept?.loss.dataSync()[0] ?? NaN,
        kept?.correct.dataSync()[0] ?? 0,
        (inputGrad?.dataSync() as Float32Array | undefined) ?? new Float32Array(batch * dim),
      ];
      kept?.loss.dispose();
      kept?.correct.dispose();
      input.dispose();
      return out;
    });
    // Lower half, backward: each position's share of its text's gradient, onto its word's row.
    const grad = this.grad;
    const share = new Float32Array(dim);
    for (let b = 0; b < batch; b++) {
      for (let d = 0; d < dim; d++) share[d] = (dPooled[b * dim + d] ?? 0) / length;
      for (let l = 0; l < length; l++) {
        const row = (ids[b * length + l] ?? 0) * dim;
        const at = (b * length + l) * dim;
        if (mask === undefined)
          for (let d = 0; d < dim; d++) grad[row + d] = (grad[row + d] ?? 0) + (share[d] ?? 0);
        else
          for (let d = 0; d < dim; d++)
            grad[row + d] = (grad[row + d] ?? 0) + (share[d] ?? 0) * (mask[at + d] ?? 0);
      }
    }
    const rows = this.sparse.touched(ids);
    this.sparse.applyRows(rows, grad);
    for (const row of rows) grad.fill(0, row * dim, (row + 1) * dim);
    return [loss, correct];
  }
}
