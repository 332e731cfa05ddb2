import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { describe, it } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetSpec, ParentMessage, TrialAssignment, WorkerMessage } from '@embsweep/core';
import { sourceFingerprint } from '../data/load-texts.js';
import { SMALL_DATASET, tempDir } from '../testing/small-data.js';
import { WORKER_MAIN } from './worker-path.js';

/** The sweep's folder as the worker sees it, and another folder to run the worker in. */
const sweepDir = tempDir();
const elsewhere = tempDir();

function startWorker(): {
  child: ChildProcess;
  messages: WorkerMessage[];
  next: (type: WorkerMessage['type']) => Promise<WorkerMessage>;
  exit: Promise<number | null>;
} {
  const child = fork(WORKER_MAIN, [], {
    cwd: elsewhere,
    env: {
      ...process.env,
      EMBSWEEP_BACKEND: 'wasm',
      EMBSWEEP_HEARTBEAT_MS: '50',
      EMBSWEEP_SWEEP_DIR: sweepDir,
      EMBSWEEP_CACHE_DIR: join(sweepDir, 'cache'),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const messages: WorkerMessage[] = [];
  const waiters: { type: string; resolve: (m: WorkerMessage) => void }[] = [];
  child.on('message', (m: WorkerMessage) => {
    messages.push(m);
    for (const w of waiters.filter((w) => w.type === m.type)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(m);
    }
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const next = (type: WorkerMessage['type']) =>
    new Promise<WorkerMessage>((resolve) => {
      const seen = messages.find((m) => m.type === type);
      if (seen) resolve(seen);
      else waiters.push({ type, resolve });
    });
  return { child, messages, next, exit };
}

const send = (child: ChildProcess, message: ParentMessage) => child.send(message);

describe('the worker process (forked)', { timeout: 60_000 }, () => {
  const dataset = SMALL_DATASET;
  const trial = (params: Record<string, unknown>, spec: DatasetSpec = dataset): TrialAssignment => ({
    trialId: 7,
    attempt: 1,
    params: { vocab_size: 200, max_length: 20, ...params },
    seed: 0,
    metric: { name: 'val_loss', goal: 'minimize' },
    inputs: {
      dataset: { spec, fingerprint: sourceFingerprint(spec, sweepDir) },
      model: { kind: 'built-in', name: 'embedding-classifier' },
      files: {},
    },
  });

  it('says ready with its backend, streams epochs and heartbeats, then done, and exits 0 on shutdown', async () => {
    const w = startWorker();
    const ready = await w.next('ready');
    assert.ok(ready.type === 'ready' && ready.backend === 'wasm' && ready.versions['tfjs'] === '4.22.0');
    send(w.child, { type: 'start', trial: trial({ embedding_dim: 8, epochs: 3 }) });
    const done = await w.next('done');
    assert.equal(w.child.exitCode, null, 'waits for the next trial');
    send(w.child, { type: 'shutdown' });
    assert.equal(await w.exit, 0);
    assert.ok(done.type === 'done' && done.trialId === 7 && done.summary.epochs === 3);
    const epochs = w.messages.filter((m) => m.type === 'epoch');
    assert.deepEqual(
      epochs.map((m) => m.type === 'epoch' && m.report.epoch),
      [1, 2, 3],
    );
    assert.ok(w.messages.some((m) => m.type === 'heartbeat'));
  });

  it('obeys a stop message at the next batch and reports done with stopped', async () => {
    const w = startWorker();
    await w.next('ready');
    send(w.child, { type: 'start', trial: trial({ embedding_dim: 8, epochs: 500 }) });
    await w.next('epoch');
    send(w.child, { type: 'stop', reason: 'test' });
    const done = await w.next('done');
    assert.ok(done.type === 'done' && done.summary.stopped);
    w.child.disconnect();
    assert.equal(await w.exit, 0, 'an idle worker whose parent goes away exits cleanly');
  });

  it('trains trial after trial, each exactly as a fresh worker would', async () => {
    const epochsOf = (w: ReturnType<typeof startWorker>, trialId: number) =>
      w.messages.flatMap((m) => (m.type === 'epoch' && m.trialId === trialId ? [m.report.metrics] : []));
    const doneOf = (w: ReturnType<typeof startWorker>, trialId: number) =>
      new Promise<void>((resolve) => {
        const check = (m: WorkerMessage) => {
          if (m.type === 'done' && m.trialId === trialId) {
            w.child.off('message', check);
            resolve();
          }
        };
        w.child.on('message', check);
      });
    const first = { ...trial({ embedding_dim: 8, epochs: 2, dropout: 0.3 }), trialId: 1, seed: 3 };
    const second = { ...trial({ embedding_dim: 16, epochs: 2, l2: 0.01 }), trialId: 2, seed: 5 };

    const reused = startWorker();
    await reused.next('ready');
    for (const t of [first, second, { ...first, trialId: 3 }]) {
      const finished = doneOf(reused, t.trialId);
      send(reused.child, { type: 'start', trial: t });
      await finished;
    }
    const fresh = startWorker();
    await fresh.next('ready');
    const finished = doneOf(fresh, 1);
    send(fresh.child, { type: 'start', trial: first });
    await finished;
    for (const w of [reused, fresh]) send(w.child, { type: 'shutdown' });
    assert.deepEqual([await reused.exit, await fresh.exit], [0, 0]);

    assert.equal(epochsOf(reused, 1).length, 2);
    assert.deepEqual(epochsOf(reused, 1), epochsOf(fresh, 1), 'first trial of a reused worker = fresh');
    assert.deepEqual(epochsOf(reused, 3), epochsOf(fresh, 1), 'the same trial after others = fresh');
    const tensors = reused.messages.flatMap((m) => (m.type === 'epoch' ? [m.report.tensors] : []));
    assert.equal(tensors[1], tensors[5], 'no tensors left behind by the trials between');
  });

  it('reports a failure as {name, code, message, stack} and exits non-zero', async () => {
    const w = startWorker();
    await w.next('ready');
    const missing: DatasetSpec = {
      ...dataset,
      source: 'file',
      path: 'no-such.csv',
      format: 'csv',
      text_field: 'text',
      label_field: 'label',
    };
    send(w.child, { type: 'start', trial: trial({}, missing) });
    const failed = await w.next('failed');
    assert.ok(failed.type === 'failed' && failed.trialId === 7);
    assert.match(failed.error.message, /no-such\.csv/);
    assert.ok(failed.error.name.length > 0 && typeof failed.error.stack === 'string');
    assert.equal(await w.exit, 1);
  });

  it('resolves a relative pretrained_embeddings path against the sweep folder, not its working directory', async () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    writeFileSync(join(sweepDir, 'vectors.txt'), words.map((w) => `${w} 0.1 0.2 0.3 0.4`).join('\n'));
    const w = startWorker();
    await w.next('ready');
    send(w.child, {
      type: 'start',
      trial: trial({ embedding_dim: 4, epochs: 1, pretrained_embeddings: 'vectors.txt' }),
    });
    const done = await w.next('done');
    assert.equal(done.type, 'done');
    const logs = w.messages.flatMap((m) => (m.type === 'log' ? [m.message] : []));
    assert.ok(
      logs.some((l) => /pretrained vectors cover/.test(l)),
      logs.join('\n'),
    );
    send(w.child, { type: 'shutdown' });
    assert.equal(await w.exit, 0);
  });

  it('refuses a data set whose content is not the one the scheduler fingerprinted', async () => {
    const w = startWorker();
    await w.next('ready');
    const assignment = trial({ epochs: 1 });
    send(w.child, {
      type: 'start',
      trial: {
        ...assignment,
        inputs: { ...assignment.inputs, dataset: { spec: dataset, fingerprint: 'f00d' } },
      },
    });
    const failed = await w.next('failed');
    assert.ok(failed.type === 'failed');
    assert.equal(failed.error.code, 'data_invalid');
    assert.match(failed.error.message, /not the one the sweep started with/);
    assert.equal(await w.exit, 1);
  });
});
