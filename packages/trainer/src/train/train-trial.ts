import * as tf from '../tf.js';
import {
  DivergedError,
  TRAINER_METRICS,
  type EpochReport,
  type MetricSpec,
  type ParameterValues,
  type TrialSummary,
} from '@embsweep/core';
import type { PreparedData } from '../data/prepared-data.js';
import { shuffledIndexes } from '../data/prepare-data.js';
import { countTokens } from '../data/vectorizer.js';
import { loadModel } from '../model/load-model.js';
import { batchLoss } from './batch-losses.js';
import { evaluate } from './evaluate.js';
import { makeOptimizer } from './make-optimizer.js';
import { EmbeddingWatch } from '../diagnostics/embedding-watch.js';
import { embeddingArtifacts } from '../diagnostics/embedding-artifacts.js';
import { resolveTrainingParams, type TrainingParams } from './training-params.js';
import { SparseEmbeddingUpdate } from './sparse-embedding-update.js';
import { FusedPoolingStep } from './fused-pooling-step.js';

export interface TrainTrialOptions {
  readonly params: ParameterValues;
  readonly seed: number;
  readonly data: PreparedData;
  readonly metric: MetricSpec;
  /** `embedding-classifier` or an absolute path to a custom model module. */
  readonly model: string;
  /**
   * Measure the embedding layer after every epoch (emb_* metrics; see embedding-diagnostics.ts)
   * and record the nearest neighbours of probe words at the best epoch. @default true
   */
  readonly diagnostics?: boolean;
  /** The words whose neighbours to record (default: a few frequent content words). */
  readonly probeWords?: readonly string[];
  /** Return the embedding matrix of the best epoch and its vocabulary as artifacts. */
  readonly saveEmbeddings?: boolean;
  /** Asked at every batch boundary; true ends the trial there (the parent's stop). */
  readonly shouldStop: () => boolean;
  readonly onEpoch: (report: EpochReport) => void;
  readonly log: (message: string) => void;
}

/**
 * Trains one trial and reports after every epoch: loss and acc (training, over the epoch),
 * val_loss and val_acc, epoch time, real tokens/s (and padded positions/s) and the live tensor count. Losses are the
 * cross-entropy alone, so trials with different l1/l2 compare fairly; the penalty is reported
 * as reg_loss. A NaN or infinite loss throws DivergedError (reported epochs stay reported).
 * With `patience`, stops after that many epochs without improvement of the sweep's metric and
 * restores the best weights; the test split, if any, is scored with the best weights.
 * Everything is seeded: the same parameters and seed give the same curve on the same backend.
 * Leaves no tensor behind.
 */
export async function trainTrial(options: TrainTrialOptions): Promise<TrialSummary> {
  const params = resolveTrainingParams(options.params);
  const { data } = options;
  const startTensors = tf.memory().numTensors;
  // Throughput counts the words trained on, not the padding that fills each text to max_length.
  const realTokens = countTokens(data.train.ids);
  const model = await loadModel(
    options.model,
    {
      tf,
      params: options.params,
      vocabSize: data.vocabulary.length,
      maxLength: data.maxLength,
      numClasses: data.classes.length,
      seed: options.seed,
      vocabulary: data.vocabulary,
    },
    params,
    options.log,
  );
  const optimizer = makeOptimizer(params);
  const monitored = TRAINER_METRICS.includes(options.metric.name)
    ? options.metric
    : { name: 'val_loss', goal: 'minimize' as const };
  const better = (a: number, b: number) => (monitored.goal === 'maximize' ? a > b : a < b);
  const keepBest = params.patience > 0 || data.test !== null;
  let best: { epoch: number; value: number; weights: tf.Tensor[] | null } | null = null;
  let epochsRun = 0;
  let stoppedEarly = false;
  let stopped = false;
  try {
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const sparse = sparseEmbedding(model, params);
    // The built-in model's embedding, dropout and pooling in one pass, when it can (fused-pooling-step.ts).
    const fused = params.pooling === 'average' ? FusedPoolingStep.of(model, sparse?.update) : undefined;
    const diagnostics = options.diagnostics !== false;
    const watch =
      diagnostics || options.saveEmbeddings === true
        ? EmbeddingWatch.of(model, params.pretrained_embeddings !== null)
        : undefined;
    let bestMatrix: { readonly data: Float32Array; readonly dim: number } | undefined;
    for (let epoch = 1; epoch <= params.epochs && !stopped; epoch++) {
      const started = performance.now();
      const order = shuffledIndexes(data.train.count, options.seed, `epoch-${epoch}`);
      let lossSum = 0;
      let correct = 0;
      for (let start = 0; start < order.length; start += params.batch_size) {
        if (options.shouldStop()) {
          stopped = true;
          break;
        }
        const rows = order.slice(start, start + params.batch_size);
        const batch = batchArrays(data, rows);
        const [loss, right] = fused
          ? fused.step(batch.ids, batch.labels, data.maxLength, optimizer)
          : trainBatch(model, optimizer, variables, batch, data.maxLength, sparse);
        if (!Number.isFinite(loss)) {
          throw new DivergedError(
            `the training loss became ${loss} at epoch ${epoch}, batch ${Math.floor(start / params.batch_size) + 1}; lower learning_rate or raise regularisation`,
          );
        }
        lossSum += loss * rows.length;
        correct += right;
        await new Promise((resolve) => setImmediate(resolve)); // let stop messages and heartbeats through
      }
      if (stopped) break;
      const seconds = (performance.now() - started) / 1000;
      const validation = evaluate(model, data.validation, data.maxLength, 256);
      const metrics: Record<string, number> = {
        loss: lossSum / data.train.count,
        acc: correct / data.train.count,
        val_loss: validation.loss,
        val_acc: validation.acc,
        reg_loss: regularisation(model),
        ...(diagnostics ? watch?.measure() : {}),
      };
      epochsRun = epoch;
      options.onEpoch({
        epoch,
        metrics,
        epochSeconds: seconds,
        tokensPerSecond: realTokens / seconds,
        positionsPerSecond: (data.train.count * data.maxLength) / seconds,
        tensors: tf.memory().numTensors,
      });
      const value = metrics[monitored.name] ?? NaN;
      if (Number.isFinite(value) && (best === null || better(value, best.value))) {
        best?.weights?.forEach((w) => w.dispose());
        best = { epoch, value, weights: keepBest ? model.getWeights().map((w) => w.clone()) : null };
        bestMatrix = watch?.matrix();
      } else if (params.patience > 0 && best !== null && epoch - best.epoch >= params.patience) {
        options.log(
          `no improvement of ${monitored.name} for ${params.patience} epochs; stopping at epoch ${epoch} and keeping epoch ${best.epoch}`,
        );
        stoppedEarly = true;
        break;
      }
    }
    if (best?.weights) model.setWeights(best.weights);
    let testMetrics: Record<string, number> | null = null;
    if (data.test !== null && !stopped) {
      const test = evaluate(model, data.test, data.maxLength, 256);
      testMetrics = { test_loss: test.loss, test_acc: test.acc };
    }
    return {
      epochs: epochsRun,
      bestEpoch: best?.epoch ?? null,
      bestValue: best?.value ?? null,
      stoppedEarly,
      stopped,
      testMetrics,
      artifacts: embeddingArtifacts(bestMatrix, best?.epoch ?? null, data.vocabulary, {
        neighbours: diagnostics,
        probeWords: options.probeWords,
        matrix: options.saveEmbeddings === true,
      }),
    };
  } finally {
    best?.weights?.forEach((w) => w.dispose());
    optimizer.dispose();
    model.dispose();
    const leaked = tf.memory().numTensors - startTensors;
    if (leaked > 0) options.log(`warning: ${leaked} tensors were left after the trial`);
  }
}

/** The embedding matrix updated row by row (sparse-embedding-update.ts), when that is on. */
interface SparseEmbedding {
  readonly layer: tf.layers.Layer;
  readonly variable: tf.Variable;
  readonly update: SparseEmbeddingUpdate;
}

/**
 * The model's trainable embedding layer (the built-in one, or a custom model's first
 * tf.layers.embedding) with its sparse update, unless sparse_embedding_updates is false.
 */
function sparseEmbedding(model: tf.LayersModel, params: TrainingParams): SparseEmbedding | undefined {
  if (!params.sparse_embedding_updates) return undefined;
  const layer = model.layers.find((l) => l.getClassName() === 'Embedding' && l.trainable);
  const variable = layer?.trainableWeights[0]?.read() as tf.Variable | undefined;
  if (layer === undefined || variable === undefined || variable.shape.length !== 2) return undefined;
  return { layer, variable, update: new SparseEmbeddingUpdate(variable, params) };
}

/** The word ids (rows x max_length) and labels of a batch of training rows. */
function batchArrays(data: PreparedData, rows: readonly number[]): { ids: Int32Array; labels: Int32Array } {
  const { maxLength } = data;
  const ids = new Int32Array(rows.length * maxLength);
  const labels = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    ids.set(data.train.ids.subarray(row * maxLength, (row + 1) * maxLength), i * maxLength);
    labels[i] = data.train.labels[row] ?? 0;
  });
  return { ids, labels };
}

/** One optimizer step on a batch, through the model's layers; returns its mean loss and correct count. */
function trainBatch(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  { ids, labels }: { ids: Int32Array; labels: Int32Array },
  maxLength: number,
  sparse: SparseEmbedding | undefined,
): [number, number] {
  return tf.tidy(() => {
    const x = tf.tensor2d(ids, [labels.length, maxLength], 'int32');
    const y = tf.tensor1d(labels, 'int32');
    let correct: tf.Scalar | undefined;
    let dataLoss: tf.Scalar | undefined;
    const { grads } = tf.variableGrads(() => {
      const result = batchLoss(model.apply(x, { training: true }) as tf.Tensor, y);
      correct = tf.keep(result.correct);
      dataLoss = tf.keep(result.loss);
      // With sparse updates, the embedding's own penalty acts on the touched rows only (there).
      const penalties = penaltiesOf(model, sparse?.layer);
      return penalties.length === 0 ? result.loss : tf.addN<tf.Scalar>([result.loss, ...penalties]);
    }, variables);
    if (sparse === undefined) optimizer.applyGradients(grads);
    else {
      const { [sparse.variable.name]: embeddingGrad, ...others } = grads;
      optimizer.applyGradients(others);
      if (embeddingGrad !== undefined) sparse.update.apply(embeddingGrad, ids);
    }
    const result: [number, number] = [dataLoss?.dataSync()[0] ?? NaN, correct?.dataSync()[0] ?? 0];
    // Kept out of variableGrads' own cleanup above; tidy does not free kept tensors either.
    dataLoss?.dispose();
    correct?.dispose();
    return result;
  });
}

/**
 * The regulariser penalties of every layer, on the current weights. Read from the layers: a
 * functional tf.LayersModel's own `losses` is empty even when its layers have regularisers.
 */
function penaltiesOf(model: tf.LayersModel, except?: tf.layers.Layer): tf.Scalar[] {
  return model.layers
    .filter((layer) => layer !== except)
    .flatMap((layer) => layer.losses.map((penalty) => penalty()));
}

/** The current L1/L2 penalty of the model's weights (0 without regularisers). */
function regularisation(model: tf.LayersModel): number {
  return tf.tidy(() => {
    const penalties = penaltiesOf(model);
    return penalties.length === 0 ? 0 : (tf.addN(penalties).dataSync()[0] ?? 0);
  });
}
