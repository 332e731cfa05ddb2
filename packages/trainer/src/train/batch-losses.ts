import * as tf from '../tf.js';

/**
 * Cross-entropy and correct predictions of a batch, the same way for training and evaluation:
 * binary cross-entropy on a sigmoid output ([b, 1]) or sparse categorical cross-entropy on a
 * softmax output ([b, k]). log(p + 1e-7) rather than Keras's clipping: some backends clip NaN to
 * a bound, which would hide a diverging model; NaN must reach the loss.
 */
export function batchLoss(output: tf.Tensor, labels: tf.Tensor1D): { loss: tf.Scalar; correct: tf.Scalar } {
  return tf.tidy(() => {
    const binary = output.shape[1] === 1;
    if (binary) {
      const y = labels.toFloat().reshape([-1, 1]);
      const eps = tf.scalar(1e-7);
      const loss = y
        .mul(output.add(eps).log())
        .add(tf.scalar(1).sub(y).mul(tf.scalar(1).sub(output).add(eps).log()))
        .neg()
        .mean<tf.Scalar>();
      const correct = output.greaterEqual(0.5).toInt().reshape([-1]).equal(labels).toFloat().sum<tf.Scalar>();
      return { loss, correct };
    }
    const picked = output.mul(tf.oneHot(labels, output.shape[1] ?? 2)).sum(1);
    const loss = picked.add(1e-7).log().neg().mean<tf.Scalar>();
    const correct = output.argMax(1).equal(labels).toFloat().sum<tf.Scalar>();
    return { loss, correct };
  });
}
