import * as tf from '../tf.js';
import { diagnoseEmbedding } from './embedding-diagnostics.js';

/**
 * Follows a model's embedding layer (the built-in model's, or a custom model's layer named
 * `embedding`) from epoch to epoch and measures it after each (see diagnoseEmbedding). Keeps
 * one copy of the matrix (the previous epoch's) and, with pretrained vectors, the first.
 * Reads the weights only: training is the same with or without it.
 * A model without such a layer gets no diagnostics.
 */
export class EmbeddingWatch {
  private constructor(
    private readonly layer: tf.layers.Layer,
    /** The matrix after the previous epoch (before the first: as initialised). */
    private previous: Float32Array,
    private readonly pretrained: Float32Array | undefined,
  ) {}

  static of(model: tf.LayersModel, pretrained: boolean): EmbeddingWatch | undefined {
    const layer = model.layers.find((l) => l.name === 'embedding');
    const weights = layer?.getWeights()[0];
    if (layer === undefined || weights === undefined || weights.shape.length !== 2) return undefined;
    const initial = (weights.dataSync() as Float32Array).slice();
    return new EmbeddingWatch(layer, initial, pretrained ? initial : undefined);
  }

  /** A copy of the matrix as it is now, and its width. */
  matrix(): { readonly data: Float32Array; readonly dim: number } {
    const weights = this.layer.getWeights()[0];
    return {
      data: ((weights?.dataSync() as Float32Array | undefined) ?? new Float32Array()).slice(),
      dim: weights?.shape[1] ?? 0,
    };
  }

  /** The metrics of the matrix as it is now; remembers it for the next epoch's movement. */
  measure(): Record<string, number> {
    const weights = this.layer.getWeights()[0];
    if (weights === undefined) return {};
    const [rows = 0, dim = 0] = weights.shape;
    // An explicit transpose then a plain matMul: ten times faster on wasm than matMul's
    // transposeA (which takes a slow path there), 50 ms instead of 560 ms at 10,000 x 256.
    const gram = tf.tidy(() => tf.matMul(tf.transpose(weights), weights));
    const snapshot = {
      matrix: (weights.dataSync() as Float32Array).slice(),
      rows,
      dim,
      gram: Float64Array.from(gram.dataSync()),
    };
    gram.dispose();
    const metrics = diagnoseEmbedding(snapshot, this.previous, this.pretrained);
    this.previous = snapshot.matrix;
    return metrics;
  }
}
