import * as tf from '../tf.js';
import type { TrainingParams } from './training-params.js';

/** tfjs's defaults for the optimizers' constants, so the sparse step matches the dense one. */
const ADAM = { beta1: 0.9, beta2: 0.999 };
const RMSPROP = { decay: 0.9 };

/**
 * The optimizer step of the embedding matrix on the rows a batch touched only, with the
 * semantics of TensorFlow Addons' LazyAdam and PyTorch's SparseAdam: a row's moments (Adam's
 * first and second, RMSprop's mean square) move only when the row is in the batch, so a word
 * that is not seen keeps its weights and its moments instead of drifting on momentum. That is
 * not numerically identical to dense Adam (which keeps moving every row on its past momentum
 * and decays every moment each step); it is the same as dense Adam for a row seen at every
 * step. Adam's bias correction uses the global step, as LazyAdam's does. L1/L2 act on the
 * touched rows only: their gradient (l1 sign(w) + 2 l2 w) is added to those rows', so an unseen
 * word's vector is not shrunk that step (the reported reg_loss still covers every row).
 *
 * A dense step costs about ten passes over vocabulary x dim floats per batch; this one costs one
 * copy of the gradient out of the backend, the touched rows' arithmetic in JavaScript, and one
 * copy of the weights back in (kept mirrored here, so they are not read back every step).
 */
export class SparseEmbeddingUpdate {
  private readonly weights: Float32Array;
  private readonly first: Float32Array;
  private readonly second: Float32Array;
  private readonly seen: Uint8Array;
  private step = 0;

  constructor(
    private readonly variable: tf.Variable,
    private readonly params: Pick<TrainingParams, 'optimizer' | 'learning_rate' | 'l1' | 'l2'>,
  ) {
    this.weights = Float32Array.from(variable.dataSync());
    this.first = new Float32Array(this.weights.length);
    this.second = new Float32Array(this.weights.length);
    this.seen = new Uint8Array(variable.shape[0] ?? 0);
  }

  /** The matrix as it stands (a mirror of the variable; do not write to it). */
  get matrix(): Float32Array {
    return this.weights;
  }

  /** Applies one step: `gradient` is the data loss's gradient of the matrix; `ids` the batch's word ids. */
  apply(gradient: tf.Tensor, ids: Int32Array): void {
    this.applyRows(this.touched(ids), gradient.dataSync() as Float32Array);
  }

  /**
   * Applies one step to `rows` (distinct), whose data-loss gradients are at their places in
   * `grad` (vocabulary x dim, row-major; other rows are not read).
   */
  applyRows(rows: readonly number[], grad: Float32Array): void {
    const dim = this.variable.shape[1] ?? 1;
    this.step += 1;
    const { l1, l2 } = this.params;
    STEPS[this.params.optimizer](rows, dim, grad, { l1, l2 }, this.weights, this.first, this.second, {
      lr: this.params.learning_rate,
      step: this.step,
      epsilon: tf.backend().epsilon(),
    });
    const w = this.weights;
    // The cpu backend keeps the array it is given (and a saved best epoch would share it), so it
    // gets a copy; wasm copies it into its own memory anyway.
    const next = tf.tensor(tf.getBackend() === 'wasm' ? w : w.slice(), this.variable.shape, 'float32');
    this.variable.assign(next);
    next.dispose();
  }

  /** The distinct ids of the batch, ascending. */
  touched(ids: Int32Array): number[] {
    const rows: number[] = [];
    for (const id of ids) {
      if (this.seen[id] === 1) continue;
      this.seen[id] = 1;
      rows.push(id);
    }
    for (const id of rows) this.seen[id] = 0;
    return rows.sort((a, b) => a - b);
  }
}

/**
 * One optimizer's update of the touched rows. The gradient of a weight is its data-loss gradient
 * (`grad`, at its place in the matrix) plus the penalties' (l1 sign(w) + 2 l2 w): on these rows only.
 */
type RowStep = (
  rows: readonly number[],
  dim: number,
  grad: Float32Array,
  penalty: { readonly l1: number; readonly l2: number },
  w: Float32Array,
  m: Float32Array,
  v: Float32Array,
  at: { readonly lr: number; readonly step: number; readonly epsilon: number },
) => void;

/** The dense optimizers' formulas as tfjs writes them, on the touched rows only (loops kept flat: hot). */
const STEPS: Record<TrainingParams['optimizer'], RowStep> = {
  adam: (rows, dim, grad, { l1, l2 }, w, m, v, { lr, step, epsilon }) => {
    const { beta1, beta2 } = ADAM;
    // lr (m / c1) / (sqrt(v / c2) + eps) = rate m / (sqrt(v) + eps sqrt(c2)), rate = lr sqrt(c2) / c1:
    // tfjs's formula with the bias corrections taken out of the loop.
    const root2 = Math.sqrt(1 - beta2 ** step);
    const rate = (lr * root2) / (1 - beta1 ** step);
    const floor = epsilon * root2;
    for (const row of rows) {
      for (let k = row * dim, end = k + dim; k < end; k++) {
        const weight = w[k] ?? 0;
        const g = (grad[k] ?? 0) + 2 * l2 * weight + (l1 > 0 ? l1 * Math.sign(weight) : 0);
        const first = beta1 * (m[k] ?? 0) + (1 - beta1) * g;
        const second = beta2 * (v[k] ?? 0) + (1 - beta2) * g * g;
        m[k] = first;
        v[k] = second;
        w[k] = weight - (rate * first) / (Math.sqrt(second) + floor);
      }
    }
  },
  rmsprop: (rows, dim, grad, { l1, l2 }, w, _m, v, { lr, epsilon }) => {
    for (const row of rows) {
      for (let k = row * dim, end = k + dim; k < end; k++) {
        const weight = w[k] ?? 0;
        const g = (grad[k] ?? 0) + 2 * l2 * weight + (l1 > 0 ? l1 * Math.sign(weight) : 0);
        const square = RMSPROP.decay * (v[k] ?? 0) + (1 - RMSPROP.decay) * g * g;
        v[k] = square;
        w[k] = weight - (lr * g) / Math.sqrt(square + epsilon);
      }
    }
  },
  sgd: (rows, dim, grad, { l1, l2 }, w, _m, _v, { lr }) => {
    for (const row of rows) {
      for (let k = row * dim, end = k + dim; k < end; k++) {
        const weight = w[k] ?? 0;
        w[k] = weight - lr * ((grad[k] ?? 0) + 2 * l2 * weight + (l1 > 0 ? l1 * Math.sign(weight) : 0));
      }
    }
  },
};
