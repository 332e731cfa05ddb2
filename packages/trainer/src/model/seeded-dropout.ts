import * as tf from '../tf.js';
import { sfc32State } from '@embsweep/core';

interface SeededDropoutArgs {
  readonly rate: number;
  readonly seed: number;
  readonly name?: string;
}

/**
 * Dropout whose masks come from embsweep's seeded generator, one new mask per call.
 *
 * Why not tf.layers.dropout: with a seed it draws the same mask on every call, and without one
 * it uses Math.random, so a trial could not be repeated; its sampler is also slower than this
 * one. The mask is drawn with the generator's step written out in one loop (the same numbers as
 * createRng('dropout', seed) would give, so curves do not change): calling a generator per
 * element cost about 17 ns each, the largest share of a training step of 64 x 200 x 64.
 */
export class SeededDropout extends tf.layers.Layer {
  static readonly className = 'EmbsweepSeededDropout';
  private readonly rate: number;
  private readonly seed: number;
  /** The generator's state (createRng's sfc32, stepped inline below for speed). */
  private readonly state: Uint32Array;
  private mask = new Float32Array(0);

  constructor(args: SeededDropoutArgs) {
    super(args.name === undefined ? {} : { name: args.name });
    this.rate = args.rate;
    this.seed = args.seed;
    this.state = sfc32State('dropout', args.seed);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (x === undefined) throw new Error('SeededDropout needs an input');
    if (kwargs['training'] !== true || this.rate === 0) return x;
    const mask = this.nextMask(x.size);
    return tf.tidy(() => x.mul(tf.tensor(mask, x.shape, 'float32')));
  }

  /**
   * The next training mask of `size` elements (1 / (1 - rate) where kept, 0 where dropped), as
   * call() draws it: for a training step that applies it itself (fused-pooling-step.ts). The
   * buffer is reused by the next call.
   */
  nextMask(size: number): Float32Array {
    const keep = 1 - this.rate;
    if (this.mask.length !== size) this.mask = new Float32Array(size);
    fillMask(this.mask, this.state, keep, 1 / keep);
    return this.mask;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}

tf.serialization.registerClass(SeededDropout);

/** mask[i] = scale where the next uniform number is below keep, else 0: sfc32Next, inlined. */
function fillMask(mask: Float32Array, state: Uint32Array, keep: number, scale: number): void {
  // As int32 from the start (| 0): V8 then keeps the loop in small integers, about 4x faster.
  let a = (state[0] ?? 0) | 0;
  let b = (state[1] ?? 0) | 0;
  let c = (state[2] ?? 0) | 0;
  let d = (state[3] ?? 0) | 0;
  // ((t >>> 0) + 0.5) / 2^32 < keep, without a division per element (exact in doubles).
  const limit = keep * 4294967296 - 0.5;
  for (let i = 0; i < mask.length; i++) {
    d = (d + 1) | 0;
    const t = (((a + b) | 0) + d) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    mask[i] = t >>> 0 < limit ? scale : 0;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}
