import * as tf from '../tf.js';
import type { EncodedSplit } from '../data/prepared-data.js';
import { batchLoss } from './batch-losses.js';

/** Mean cross-entropy and accuracy of a model on a split, in batches, without training. */
export function evaluate(
  model: tf.LayersModel,
  split: EncodedSplit,
  maxLength: number,
  batchSize: number,
): { loss: number; acc: number } {
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < split.count; start += batchSize) {
    const end = Math.min(split.count, start + batchSize);
    const [loss, right] = tf.tidy((): [tf.Tensor, tf.Tensor] => {
      const x = tf.tensor2d(
        split.ids.subarray(start * maxLength, end * maxLength),
        [end - start, maxLength],
        'int32',
      );
      const y = tf.tensor1d(split.labels.subarray(start, end), 'int32');
      const result = batchLoss(model.apply(x, { training: false }) as tf.Tensor, y);
      return [result.loss.mul(end - start), result.correct];
    });
    lossSum += loss.dataSync()[0] ?? NaN;
    correct += right.dataSync()[0] ?? 0;
    loss.dispose();
    right.dispose();
  }
  return { loss: lossSum / split.count, acc: correct / split.count };
}
