import * as tf from '@tensorflow/tfjs';

/**
 * Cross-entropy and correct predictions of a batch, the same way for training and evaluation:
 * binary cross-entropy on a sigmoid output ([b, 1]) or sparse categorical cross-entropy on a
 * softmax output ([b, k]), as Keras computes them (probabilities clipped to [1e-7, 1 - 1e-7]).
 */
export function batchLoss(output: tf.Tensor, labels: tf.Tensor1D): { loss: tf.Scalar; correct: tf.Scalar } {
  return tf.tidy(() => {
    const binary = output.shape[1] === 1;
    if (binary) {
      const y = labels.toFloat().reshape([-1, 1]);
      const p = output.clipByValue(1e-7, 1 - 1e-7);
      const loss = y.mul(p.log()).add(tf.scalar(1).sub(y).mul(tf.scalar(1).sub(p).log())).neg().mean() as tf.Scalar;
      const correct = output.greaterEqual(0.5).toInt().reshape([-1]).equal(labels).toFloat().sum() as tf.Scalar;
      return { loss, correct };
    }
    const p = output.clipByValue(1e-7, 1 - 1e-7);
    const picked = p.mul(tf.oneHot(labels, output.shape[1] ?? 2)).sum(1);
    const loss = picked.log().neg().mean() as tf.Scalar;
    const correct = output.argMax(1).equal(labels).toFloat().sum() as tf.Scalar;
    return { loss, correct };
  });
}
