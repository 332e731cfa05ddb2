// Benchmark of training throughput (npm run bench): real tokens per second for the reference
// shape (batch 64 x 200 tokens, none of them padding, so positions/s is the same figure;
// vocabulary 10,000, embedding_dim 64, dropout 0.25, l2 1e-4, Adam) on
// every available backend, against stock tfjs cpu as the baseline (without embsweep's kernels,
// and with dense updates through the layers: how tfjs alone would train this model).
// Each backend runs in its own process: kernel registration is global to a process.
// Targets on the reference 2-core machine with wasm: >= 1,000,000 real tokens/s per worker, a
// worker's resident memory under 400 MB; sparse embedding updates (the default) beside dense.
import { fork } from 'node:child_process';
import * as tf from '../tf.js';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { chooseBackend, type BackendChoice } from '../backends/choose-backend.js';
import type { PreparedData } from '../data/prepared-data.js';
import { BATCH, LENGTH, VOCAB, randomSplit } from './reference-shape.js';
import { trainTrial } from '../train/train-trial.js';

/** Benchmarks report on standard output: their figures are the product. */
const print = (line: string): void => void process.stdout.write(`${line}\n`);

/**
 * Runs in a child: trains `batches` steps per epoch and sends the last epoch's tokens/s (two
 * epochs, so the first absorbs warm-up; one for the stock baseline, whose single step takes
 * minutes at this vocabulary).
 */
async function measure(backend: string, stock: boolean, batches: number, sparse: boolean): Promise<void> {
  if (stock) {
    await tf.setBackend(backend); // no embsweep kernels: the baseline
    await tf.ready();
  } else {
    if (backend === 'wasm') setThreadsCount(1);
    await chooseBackend(backend as BackendChoice);
  }
  const data: PreparedData = {
    vocabulary: Array.from({ length: VOCAB }, (_, i) => `w${i}`),
    classes: ['a', 'b'],
    maxLength: LENGTH,
    train: randomSplit(BATCH * batches, 1),
    validation: randomSplit(8, 2),
    test: null,
  };
  const rates: number[] = [];
  await trainTrial({
    params: {
      embedding_dim: 64,
      dropout: 0.25,
      l2: 1e-4,
      optimizer: 'adam',
      batch_size: BATCH,
      epochs: stock ? 1 : 2,
      vocab_size: VOCAB,
      max_length: LENGTH,
      sparse_embedding_updates: sparse,
    },
    seed: 0,
    data,
    metric: { name: 'val_loss', goal: 'minimize' },
    model: 'embedding-classifier',
    shouldStop: () => false,
    onEpoch: (r) => rates.push(r.tokensPerSecond),
    log: () => {},
  });
  process.send?.({ rate: rates.at(-1) ?? NaN, rssMb: process.memoryUsage().rss / 2 ** 20 });
}

/** A measurement: tokens/s, or an upper bound when one step did not finish within the budget. */
type Measurement = { rate: number; rssMb?: number; bound?: boolean } | string;

function runChild(
  backend: string,
  stock: boolean,
  batches: number,
  budgetSeconds = 300,
  sparse = true,
): Promise<Measurement> {
  return new Promise((resolve) => {
    const child = fork(
      new URL(import.meta.url),
      ['--child', backend, stock ? 'stock' : 'embsweep', String(batches), sparse ? 'sparse' : 'dense'],
      { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] },
    );
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      // One step of BATCH x LENGTH tokens took longer than the budget.
      resolve({ rate: (BATCH * LENGTH * batches) / budgetSeconds, bound: true });
    }, budgetSeconds * 1000);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('message', (m: { rate: number; rssMb: number }) => {
      clearTimeout(timer);
      resolve({ rate: m.rate, rssMb: m.rssMb });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const reason =
        stderr.split('\n').find((line) => /Error\b|error:/.test(line)) ?? stderr.trim().split('\n')[0] ?? '';
      resolve(`cannot train (exit ${code}): ${reason.trim().slice(0, 100)}`);
    });
  });
}

async function main(): Promise<void> {
  const [flag, backend, mode, batches, updates] = process.argv.slice(2);
  if (flag === '--child' && backend !== undefined)
    return measure(backend, mode === 'stock', Number(batches), updates !== 'dense');
  print(
    `trainer: real tokens/s per worker (no padding in this shape), batch ${BATCH} x ${LENGTH} tokens, vocabulary ${VOCAB}, dim 64, dropout 0.25, l2 1e-4, Adam (single-threaded)`,
  );
  const baseline = await runChild('cpu', true, 1, 120, false);
  const results: [string, Measurement][] = [['cpu, stock tfjs kernels (baseline)', baseline]];
  results.push(['cpu, embsweep kernels', await runChild('cpu', false, 10)]);
  results.push(['wasm, stock tfjs kernels', await runChild('wasm', true, 1, 60, false)]);
  results.push(['wasm, embsweep kernels', await runChild('wasm', false, 40)]);
  results.push(['wasm, embsweep kernels, dense updates', await runChild('wasm', false, 40, 300, false)]);
  results.push(['tensorflow (tfjs-node)', await runChild('tensorflow', false, 40)]);
  const base = typeof baseline === 'string' ? undefined : baseline;
  for (const [label, m] of results) {
    let text: string;
    if (typeof m === 'string') text = m;
    else {
      const rate = `${m.bound ? '<' : ' '}${Math.round(m.rate).toLocaleString('en').padStart(11)} tokens/s`;
      const ratio =
        base === undefined
          ? ''
          : `   ${base.bound && !m.bound ? '>' : ' '}${(m.rate / base.rate).toFixed(0).padStart(6)}x baseline`;
      const rss = m.rssMb === undefined ? '' : `   resident ${m.rssMb.toFixed(0)} MB`;
      text = `${rate}${m.bound ? ' (one step did not finish within its time budget)' : `${ratio}${rss}`}`;
    }
    print(`  ${label.padEnd(40)} ${text}`);
  }
  const wasm = results.find(([label]) => label === 'wasm, embsweep kernels')?.[1];
  if (typeof wasm === 'object') {
    print(
      `  target wasm >= 1,000,000 real tokens/s: ${wasm.rate >= 1_000_000 ? 'met' : 'MISSED'} (${(wasm.rate / 1_000_000).toFixed(2)}x of target); resident memory < 400 MB: ${(wasm.rssMb ?? Infinity) < 400 ? 'met' : 'MISSED'} (${wasm.rssMb?.toFixed(0)} MB)`,
    );
  }
}

await main();
