// Benchmark of the embedding diagnostics' cost (npm run bench): an epoch's wall time (training,
// validation and, when on, the emb_* measurements) with diagnostics on and off, on wasm, for the
// reference shape (batch 64 x 200 tokens, vocabulary 10,000, dim 64; 40 batches an epoch) and a
// wide embedding (dim 256). Target: under 5% of epoch time for the reference shape.
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { chooseBackend } from '../backends/choose-backend.js';
import type { PreparedData } from '../data/prepared-data.js';
import { BATCH, LENGTH, VOCAB, randomSplit } from './reference-shape.js';
import { trainTrial } from '../train/train-trial.js';

const print = (line: string): void => void process.stdout.write(`${line}\n`);

const BATCHES = 40;
const EPOCHS = 4;

/** Median wall time of an epoch after the first (which absorbs warm-up), in seconds. */
async function epochSeconds(data: PreparedData, dim: number, diagnostics: boolean): Promise<number> {
  const marks: number[] = [performance.now()];
  await trainTrial({
    params: { embedding_dim: dim, dropout: 0.25, l2: 1e-4, batch_size: BATCH, epochs: EPOCHS },
    seed: 0,
    data,
    metric: { name: 'val_loss', goal: 'minimize' },
    model: 'embedding-classifier',
    diagnostics,
    shouldStop: () => false,
    onEpoch: () => marks.push(performance.now()),
    log: () => {},
  });
  const times = marks.slice(2).map((t, i) => (t - (marks[i + 1] ?? t)) / 1000);
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
}

setThreadsCount(1);
await chooseBackend('wasm');
const data: PreparedData = {
  vocabulary: Array.from({ length: VOCAB }, (_, i) => `w${i}`),
  classes: ['a', 'b'],
  maxLength: LENGTH,
  train: randomSplit(BATCH * BATCHES, 1),
  validation: randomSplit(256, 2),
  test: null,
};
print(
  `diagnostics: epoch wall time with and without the emb_* measurements (wasm, ${BATCHES} batches of ${BATCH} x ${LENGTH}, vocabulary ${VOCAB})`,
);
for (const dim of [64, 256]) {
  // Alternated and repeated, so drift in the machine's speed falls on both alike.
  const off: number[] = [];
  const on: number[] = [];
  for (let round = 0; round < 3; round++) {
    off.push(await epochSeconds(data, dim, false));
    on.push(await epochSeconds(data, dim, true));
  }
  const a = Math.min(...off);
  const b = Math.min(...on);
  const cost = (b - a) / a;
  const target = dim === 64 ? `   target < 5%: ${cost < 0.05 ? 'ok' : 'MISSED'}` : '';
  print(
    `  dim ${String(dim).padStart(3)}: off ${a.toFixed(3)} s, on ${b.toFixed(3)} s, cost ${(100 * cost).toFixed(1)}% of an epoch${target}`,
  );
}
