import type * as tf from '../tf.js';
import type { ParameterValues } from '@embsweep/core';

/**
 * What a model builder is given, the built-in one and a user's own alike. A custom model
 * module exports `buildModel(context)` returning an uncompiled tf.LayersModel built with
 * `context.tf` (so it shares embsweep's tfjs and its kernels). Its input is int32 word ids of
 * shape [batch, maxLength]; its output [batch, 1] sigmoid probabilities when there are two
 * classes, [batch, numClasses] softmax probabilities otherwise. See docs/custom-models.md.
 */
export interface ModelContext {
  readonly tf: typeof tf;
  /** The trial's parameter values as the sweep file gives them (custom names included). */
  readonly params: ParameterValues;
  readonly vocabSize: number;
  readonly maxLength: number;
  readonly numClasses: number;
  /** The trial's seed: use it for initializers so the trial can be repeated. */
  readonly seed: number;
}
