import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as tf from '../tf.js';
import { DataError, DivergedError, type EpochReport, type ParameterValues } from '@embsweep/core';
import { chooseBackend } from '../backends/choose-backend.js';
import type { PreparedData } from '../data/prepared-data.js';
import { smallData, tempDir } from '../testing/small-data.js';
import { trainTrial } from './train-trial.js';

const FIXTURES = new URL('../testing/fixtures/', import.meta.url).pathname;
const metric = { name: 'val_loss', goal: 'minimize' } as const;

async function train(
  data: PreparedData,
  params: ParameterValues,
  extra: {
    seed?: number;
    model?: string;
    stopAfterBatches?: number;
    diagnostics?: boolean;
    saveEmbeddings?: boolean;
  } = {},
) {
  const reports: EpochReport[] = [];
  const logs: string[] = [];
  let batches = 0;
  const summary = await trainTrial({
    params,
    seed: extra.seed ?? 0,
    data,
    metric,
    model: extra.model ?? 'embedding-classifier',
    ...(extra.diagnostics === undefined ? {} : { diagnostics: extra.diagnostics }),
    ...(extra.saveEmbeddings === undefined ? {} : { saveEmbeddings: extra.saveEmbeddings }),
    shouldStop: () => extra.stopAfterBatches !== undefined && batches++ >= extra.stopAfterBatches,
    onEpoch: (r) => reports.push(r),
    log: (m) => logs.push(m),
  });
  return { summary, reports, logs };
}

describe('trainTrial (wasm)', () => {
  let data: PreparedData;
  before(async () => {
    await chooseBackend('wasm');
    data = smallData().data;
  });

  it('measures the embedding every epoch without changing what the seeded run learns', async () => {
    const params = { embedding_dim: 8, epochs: 3, batch_size: 32, learning_rate: 0.02, l2: 0.001 };
    const on = await train(data, params);
    const off = await train(data, params, { diagnostics: false });
    const curve = (r: EpochReport[]) =>
      r.map((e) => [e.metrics['loss'], e.metrics['val_loss'], e.metrics['val_acc']]);
    assert.deepEqual(curve(on.reports), curve(off.reports));
    const names = [
      'emb_norm_mean',
      'emb_norm_median',
      'emb_norm_p95',
      'emb_norm_frequent',
      'emb_norm_rare',
      'emb_effective_rank',
      'emb_top10_variance',
      'emb_movement',
    ];
    for (const r of on.reports)
      for (const name of names) assert.ok(Number.isFinite(r.metrics[name]), `${name} at epoch ${r.epoch}`);
    assert.ok(off.reports.every((r) => Object.keys(r.metrics).every((k) => !k.startsWith('emb_'))));
    const rank = on.reports[2]?.metrics['emb_effective_rank'] ?? 0;
    assert.ok(rank >= 1 && rank <= 8, `effective rank ${rank} of a width-8 embedding`);
    // The nearest neighbours of a few frequent words at the best epoch; no matrix unless asked.
    assert.deepEqual(
      on.summary.artifacts?.map((a) => a.name),
      ['neighbours'],
    );
    const neighbours = JSON.parse(on.summary.artifacts?.[0]?.data ?? '{}') as {
      epoch: number;
      neighbours: Record<string, { word: string; similarity: number }[]>;
    };
    assert.equal(neighbours.epoch, on.summary.bestEpoch);
    assert.ok(Object.keys(neighbours.neighbours).length > 0);
    assert.deepEqual(off.summary.artifacts, []);
  });

  it('returns the best epoch embedding and its vocabulary when asked to save it', async () => {
    const { summary } = await train(
      data,
      { embedding_dim: 8, epochs: 2 },
      { diagnostics: false, saveEmbeddings: true },
    );
    const byName = new Map(summary.artifacts?.map((a) => [a.name, a]));
    const vocabulary = JSON.parse(byName.get('vocabulary')?.data ?? '{}') as { dim: number; words: string[] };
    assert.equal(vocabulary.dim, 8);
    assert.deepEqual(vocabulary.words, data.vocabulary);
    const bytes = Buffer.from(byName.get('embedding')?.data ?? '', 'base64');
    assert.equal(bytes.byteLength, data.vocabulary.length * 8 * 4);
  });

  it('takes the same first step through the fused lower half (sparse) as through the layers (dense)', async () => {
    // One batch of every training text, L2 off: a first Adam step from zero moments moves the
    // touched rows alike either way and leaves the others, so the saved matrices agree.
    const embeddingAfterOneStep = async (sparse: boolean) => {
      const params = {
        embedding_dim: 8,
        dropout: 0.3,
        hidden_units: 6,
        epochs: 1,
        batch_size: data.train.count,
        learning_rate: 0.05,
        sparse_embedding_updates: sparse,
      };
      const { summary, reports } = await train(data, params, { diagnostics: false, saveEmbeddings: true });
      const bytes = Buffer.from(summary.artifacts?.find((a) => a.name === 'embedding')?.data ?? '', 'base64');
      return {
        matrix: new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4),
        report: reports[0],
      };
    };
    const fused = await embeddingAfterOneStep(true);
    const layered = await embeddingAfterOneStep(false);
    assert.equal(fused.matrix.length, data.vocabulary.length * 8);
    fused.matrix.forEach((v, i) =>
      assert.ok(Math.abs(v - (layered.matrix[i] ?? NaN)) < 1e-5, `weight ${i}: ${v} vs ${layered.matrix[i]}`),
    );
    assert.ok(Math.abs((fused.report?.metrics['loss'] ?? 0) - (layered.report?.metrics['loss'] ?? 1)) < 1e-5);
    assert.ok(
      Math.abs((fused.report?.metrics['val_loss'] ?? 0) - (layered.report?.metrics['val_loss'] ?? 1)) < 1e-5,
    );
  });

  it('counts real tokens per second, not padding; padded positions per second beside them', async () => {
    // The last quarter of every text is padding (id 0).
    const { maxLength } = data;
    const ids = data.train.ids.map((id, i) => (i % maxLength >= (maxLength * 3) / 4 ? 0 : id));
    const padded = { ...data, train: { ...data.train, ids } };
    const { reports } = await train(padded, { embedding_dim: 8, epochs: 1 });
    const real = ids.filter((id) => id !== 0).length;
    const positions = data.train.count * maxLength;
    assert.ok(real <= positions * 0.75);
    const [r] = reports;
    assert.ok(Math.abs((r?.tokensPerSecond ?? 0) / (r?.positionsPerSecond ?? 1) - real / positions) < 1e-9);
  });

  it('reports every epoch: loss, acc, val_loss, val_acc, time, real tokens/s and positions/s, tensors', async () => {
    const { reports, summary } = await train(data, {
      embedding_dim: 8,
      epochs: 3,
      batch_size: 32,
      learning_rate: 0.02,
    });
    assert.equal(reports.length, 3);
    for (const r of reports) {
      for (const name of ['loss', 'acc', 'val_loss', 'val_acc', 'reg_loss'])
        assert.ok(Number.isFinite(r.metrics[name]), name);
      assert.ok(r.epochSeconds > 0 && r.tokensPerSecond > 0 && r.tensors > 0);
    }
    assert.ok((reports[2]?.metrics['loss'] ?? 1) < (reports[0]?.metrics['loss'] ?? 0), 'it learns');
    assert.equal(summary.epochs, 3);
    assert.ok(
      summary.bestEpoch !== null && summary.bestValue === reports[summary.bestEpoch - 1]?.metrics['val_loss'],
    );
  });

  it('gives the same curve for the same parameters and seed, and another for another seed', async () => {
    const params = { embedding_dim: 16, dropout: 0.3, l2: 1e-3, epochs: 2, batch_size: 16 };
    const curve = async (seed: number) =>
      (await train(data, params, { seed })).reports.map((r) => [r.metrics['loss'], r.metrics['val_loss']]);
    assert.deepEqual(await curve(1), await curve(1));
    assert.notDeepEqual(await curve(1), await curve(2));
  });

  it('applies L1/L2 to the embedding: a penalty is reported and the curve changes', async () => {
    const plain = await train(data, { embedding_dim: 16, epochs: 2 });
    const l2 = await train(data, { embedding_dim: 16, epochs: 2, l2: 0.01 });
    const l1 = await train(data, { embedding_dim: 16, epochs: 2, l1: 0.01 });
    assert.equal(plain.reports[1]?.metrics['reg_loss'], 0);
    assert.ok((l2.reports[1]?.metrics['reg_loss'] ?? 0) > 0 && (l1.reports[1]?.metrics['reg_loss'] ?? 0) > 0);
    assert.notEqual(l2.reports[1]?.metrics['loss'], plain.reports[1]?.metrics['loss']);
    assert.notEqual(l1.reports[1]?.metrics['loss'], plain.reports[1]?.metrics['loss']);
    assert.notEqual(l1.reports[1]?.metrics['loss'], l2.reports[1]?.metrics['loss']);
  });

  it('applies dropout while training: the curve changes with the rate, and evaluation is deterministic', async () => {
    const params = { embedding_dim: 16, epochs: 2, batch_size: 16 };
    const none = await train(data, params);
    const half = await train(data, { ...params, dropout: 0.5 });
    const most = await train(data, { ...params, dropout: 0.9 });
    const loss = (r: typeof none) => r.reports.map((e) => e.metrics['loss']);
    assert.notDeepEqual(loss(half), loss(none), 'dropout 0.5 trains differently from no dropout');
    assert.notDeepEqual(loss(most), loss(half), 'the rate matters');
    // Heavy dropout slows learning on the training batches (they are what dropout touches).
    assert.ok((most.reports[1]?.metrics['loss'] ?? 0) > (none.reports[1]?.metrics['loss'] ?? 1));
    const again = await train(data, { ...params, dropout: 0.5 });
    assert.deepEqual(
      again.reports.map((e) => e.metrics['val_loss']),
      half.reports.map((e) => e.metrics['val_loss']),
    );
  });

  it('leaks no tensor across epochs or trials', async () => {
    const before = tf.memory().numTensors;
    const { reports } = await train(data, {
      embedding_dim: 8,
      dropout: 0.2,
      l1: 1e-4,
      l2: 1e-4,
      hidden_units: 4,
      pooling: 'max',
      epochs: 4,
      batch_size: 32,
      optimizer: 'rmsprop',
    });
    assert.equal(
      new Set(reports.map((r) => r.tensors)).size,
      1,
      `tensor counts per epoch: ${reports.map((r) => r.tensors).join(', ')}`,
    );
    await train(data, { embedding_dim: 8, epochs: 1, optimizer: 'sgd', learning_rate: 0.1 });
    assert.equal(tf.memory().numTensors, before);
  });

  it('stops at the next batch when told to', async () => {
    const { summary, reports } = await train(data, { embedding_dim: 8, epochs: 5 }, { stopAfterBatches: 3 });
    assert.equal(summary.stopped, true);
    assert.equal(reports.length, 0);
  });

  it('stops after `patience` epochs without improvement and keeps the best epoch', async () => {
    const { summary, reports, logs } = await train(data, {
      embedding_dim: 128,
      epochs: 30,
      batch_size: 16,
      learning_rate: 0.05,
      patience: 2,
    });
    assert.equal(summary.stoppedEarly, true);
    assert.ok(reports.length < 30);
    assert.equal(reports.length, (summary.bestEpoch ?? 0) + 2);
    assert.match(logs.join('\n'), /no improvement of val_loss for 2 epochs/);
  });

  it('scores the test split with the best weights', async () => {
    const withTest = smallData({ test_split: 0.2 }).data;
    const { summary } = await train(withTest, { embedding_dim: 8, epochs: 2 });
    assert.ok(
      Number.isFinite(summary.testMetrics?.['test_loss']) &&
        Number.isFinite(summary.testMetrics?.['test_acc']),
    );
  });

  it('trains multi-class data with a softmax output', async () => {
    const three = smallData({ classes: 3 }).data;
    const { reports } = await train(three, { embedding_dim: 8, epochs: 3, learning_rate: 0.02 });
    assert.ok((reports[2]?.metrics['val_acc'] ?? 0) > 0.4, 'above chance (1/3)');
  });

  it('ends a diverging trial as diverged, keeping the epochs before it', async () => {
    const reports: EpochReport[] = [];
    await assert.rejects(
      trainTrial({
        params: {},
        seed: 0,
        data,
        metric,
        model: join(FIXTURES, 'diverging-model.js'),
        shouldStop: () => false,
        onEpoch: (r) => reports.push(r),
        log: () => {},
      }),
      (e: unknown) =>
        e instanceof DivergedError && e.code === 'diverged' && /became NaN at epoch 8/.test(e.message),
    );
    assert.equal(reports.length, 7);
  });

  it('initialises the embedding from pretrained vectors, frozen when asked', async () => {
    const dir = tempDir();
    const file = join(dir, 'vectors.txt');
    const words = data.vocabulary.slice(2, 6);
    writeFileSync(
      file,
      `${words.length} 4\n${words.map((w, i) => `${w} ${[i, i + 0.5, -i, 1].join(' ')}`).join('\n')}\nnot-in-vocab 9 9 9 9\n`,
    );
    const { logs, summary } = await train(data, {
      embedding_dim: 4,
      pretrained_embeddings: file,
      embedding_trainable: false,
      epochs: 1,
    });
    assert.match(logs.join('\n'), /pretrained vectors cover 4 of 198 words \(frozen\)/);
    assert.equal(summary.epochs, 1);
    await assert.rejects(
      train(data, { embedding_dim: 8, pretrained_embeddings: file, epochs: 1 }),
      (e: unknown) =>
        e instanceof DataError && /vectors have 4 dimensions, but embedding_dim is 8/.test(e.message),
    );
  });

  it("trains a user's own model module, and explains one with the wrong output", async () => {
    const { reports } = await train(
      data,
      { width: 6, epochs: 2 },
      { model: join(FIXTURES, 'tiny-model.js') },
    );
    assert.equal(reports.length, 2);
    await assert.rejects(
      train(data, {}, { model: join(FIXTURES, 'wrong-output-model.js') }),
      /output shape \[null,3\]; with 2 classes it must be \[null,1\]/,
    );
    await assert.rejects(
      train(data, {}, { model: join(FIXTURES, 'no-such-model.js') }),
      /cannot load the model module/,
    );
  });
});
