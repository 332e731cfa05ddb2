import * as tf from '../tf.js';
import { createRng } from '@embsweep/core';
import type { TrainingParams } from '../train/training-params.js';
import type { ModelContext } from './model-context.js';
import { pretrainedMatrix } from './pretrained-vectors.js';
import { SeededDropout } from './seeded-dropout.js';

/**
 * The built-in model: Embedding(vocab, embedding_dim; L1/L2 on the matrix; optionally from
 * pretrained vectors, frozen or fine-tuned) -> dropout -> average or max pooling over the text
 * -> optional ReLU hidden layer -> sigmoid (two classes) or softmax output. Every initializer
 * is seeded from the trial's seed.
 */
export function buildEmbeddingClassifier(
  context: ModelContext,
  params: TrainingParams,
  log: (message: string) => void,
): tf.LayersModel {
  const seeds = createRng('init', context.seed);
  const nextSeed = () => Math.floor(seeds.next() * 2 ** 31);
  const regularizer =
    params.l1 > 0 || params.l2 > 0 ? tf.regularizers.l1l2({ l1: params.l1, l2: params.l2 }) : undefined;
  let weights: tf.Tensor[] | undefined;
  if (params.pretrained_embeddings !== null) {
    const vocabulary = (context as ModelContext & { vocabulary?: readonly string[] }).vocabulary ?? [];
    const { matrix, covered } = pretrainedMatrix(
      params.pretrained_embeddings,
      vocabulary,
      params.embedding_dim,
      context.seed,
    );
    weights = [tf.tensor2d(matrix, [context.vocabSize, params.embedding_dim])];
    log(
      `pretrained vectors cover ${covered} of ${context.vocabSize - 2} words (${params.embedding_trainable ? 'fine-tuned' : 'frozen'})`,
    );
  }
  const input = tf.input({ shape: [context.maxLength], dtype: 'int32', name: 'word_ids' });
  let x = tf.layers
    .embedding({
      inputDim: context.vocabSize,
      outputDim: params.embedding_dim,
      embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: nextSeed() }),
      ...(regularizer === undefined ? {} : { embeddingsRegularizer: regularizer }),
      ...(weights === undefined ? {} : { weights }),
      trainable: params.embedding_trainable,
      name: 'embedding',
    })
    .apply(input) as tf.SymbolicTensor;
  weights?.forEach((w) => w.dispose());
  if (params.dropout > 0)
    x = new SeededDropout({ rate: params.dropout, seed: nextSeed(), name: 'dropout' }).apply(
      x,
    ) as tf.SymbolicTensor;
  x = (
    params.pooling === 'max'
      ? tf.layers.globalMaxPooling1d({ name: 'pooling' })
      : tf.layers.globalAveragePooling1d({ name: 'pooling' })
  ).apply(x) as tf.SymbolicTensor;
  if (params.hidden_units > 0) {
    x = tf.layers
      .dense({
        units: params.hidden_units,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
        name: 'hidden',
      })
      .apply(x) as tf.SymbolicTensor;
  }
  const binary = context.numClasses === 2;
  const output = tf.layers
    .dense({
      units: binary ? 1 : context.numClasses,
      activation: binary ? 'sigmoid' : 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
      name: 'output',
    })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: 'embedding_classifier' });
}
