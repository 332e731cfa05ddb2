import { pathToFileURL } from 'node:url';
import * as tf from '../tf.js';
import { BUILT_IN_MODEL, DataError } from '@embsweep/core';
import type { TrainingParams } from '../train/training-params.js';
import { buildEmbeddingClassifier } from './embedding-classifier.js';
import type { ModelContext } from './model-context.js';

/** A custom model module: what `model: "./my-model.js"` must export. */
interface CustomModelModule {
  buildModel?: (context: ModelContext) => tf.LayersModel | Promise<tf.LayersModel>;
}

/**
 * Builds the trial's model: the built-in embedding classifier, or a user's module (an absolute
 * path; the scheduler resolves it against the sweep file). Checks a custom model's output shape
 * so a mistake is a clear message rather than a shape error in the middle of training.
 */
export async function loadModel(
  model: string,
  context: ModelContext & { readonly vocabulary: readonly string[] },
  params: TrainingParams,
  log: (message: string) => void,
): Promise<tf.LayersModel> {
  if (model === BUILT_IN_MODEL) return buildEmbeddingClassifier(context, params, log);
  let module: CustomModelModule;
  try {
    module = (await import(pathToFileURL(model).href)) as CustomModelModule;
  } catch (error) {
    throw new DataError(`cannot load the model module ${model}: ${(error as Error).message}`);
  }
  if (typeof module.buildModel !== 'function') {
    throw new DataError(
      `the model module ${model} must export a function buildModel(context) that returns a tf.LayersModel`,
    );
  }
  const built = await module.buildModel(context);
  if (!(built instanceof tf.LayersModel)) {
    throw new DataError(
      `buildModel in ${model} returned ${typeof built}, not a tf.LayersModel; build it with context.tf`,
    );
  }
  const outputs = built.outputs[0]?.shape ?? [];
  const expected = context.numClasses === 2 ? 1 : context.numClasses;
  if (built.outputs.length !== 1 || outputs.length !== 2 || outputs[1] !== expected) {
    throw new DataError(
      `the model from ${model} has output shape ${JSON.stringify(outputs)}; with ${context.numClasses} classes it must be [null,${expected}] (${expected === 1 ? 'sigmoid' : 'softmax'})`,
    );
  }
  return built;
}
