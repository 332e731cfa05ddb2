import * as tf from '../tf.js';
import type { TrainingParams } from './training-params.js';

/** The optimizer a trial names, with its learning rate (Keras defaults otherwise). */
export function makeOptimizer(params: TrainingParams): tf.Optimizer {
  switch (params.optimizer) {
    case 'adam':
      return tf.train.adam(params.learning_rate);
    case 'sgd':
      return tf.train.sgd(params.learning_rate);
    case 'rmsprop':
      return tf.train.rmsprop(params.learning_rate);
  }
}
