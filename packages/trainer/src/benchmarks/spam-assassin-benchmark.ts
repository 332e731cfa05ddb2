// Benchmark of sparse against dense embedding updates on real text (npm run bench): the
// SpamAssassin split of sweeps/spam-assassin-grid.json, embedding_dim 64, 12 epochs, on wasm,
// the same seeds each way. Prints test accuracy (at the best epoch by val_loss) and real
// tokens/s side by side; the target is that sparse updates lose no accuracy. Skipped with a
// reason when the optional SpamAssassin corpus is not installed.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { validateSweep } from '@embsweep/core/sweep-file';
import { chooseBackend } from '../backends/choose-backend.js';
import { describeTrialInputs, openTrialInputs } from '../inputs.js';
import { trainTrial } from '../train/train-trial.js';

const print = (line: string): void => void process.stdout.write(`${line}\n`);
const SEEDS = [0, 1];
const PARAMS = {
  embedding_dim: 64,
  dropout: 0.2,
  l2: 0.0001,
  vocab_size: 20000,
  max_length: 300,
  epochs: 12,
  learning_rate: 0.002,
};

async function main(): Promise<void> {
  setThreadsCount(1);
  await chooseBackend('wasm');
  const spec = validateSweep({
    method: 'grid',
    metric: { name: 'val_loss', goal: 'minimize' },
    dataset: { source: 'spam-assassin', validation_split: 0.15, test_split: 0.15, seed: 1 },
    parameters: Object.fromEntries(Object.entries(PARAMS).map(([k, v]) => [k, { value: v }])),
  });
  let data;
  try {
    data = openTrialInputs(describeTrialInputs(spec, process.cwd()), PARAMS, {
      sweepDir: process.cwd(),
      cacheDir: join(tmpdir(), 'embsweep-cache'),
    }).data;
  } catch (error) {
    print(`spam-assassin: skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return;
  }
  print(
    `spam-assassin: sparse against dense embedding updates, embedding_dim 64, 12 epochs, wasm, seeds ${SEEDS.join(', ')} (${data.train.count} training texts, max_length 300)`,
  );
  const accuracy: Record<string, number[]> = { sparse: [], dense: [] };
  for (const seed of SEEDS)
    for (const sparse of [true, false]) {
      const rates: number[] = [];
      const summary = await trainTrial({
        params: { ...PARAMS, sparse_embedding_updates: sparse },
        seed,
        data,
        metric: spec.metric,
        model: 'embedding-classifier',
        diagnostics: false,
        shouldStop: () => false,
        onEpoch: (r) => rates.push(r.tokensPerSecond),
        log: () => {},
      });
      const acc = summary.testMetrics?.['test_acc'] ?? NaN;
      const mode = sparse ? 'sparse' : 'dense';
      accuracy[mode]?.push(acc);
      const rate = rates.slice(1).reduce((a, b) => a + b, 0) / Math.max(1, rates.length - 1);
      print(
        `  seed ${seed}, ${mode.padEnd(6)}  test_acc ${acc.toFixed(4)} (best epoch ${summary.bestEpoch})   ${Math.round(rate).toLocaleString('en').padStart(9)} real tokens/s (mean of epochs 2-12)`,
      );
    }
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [sparse, dense] = [mean(accuracy['sparse'] ?? []), mean(accuracy['dense'] ?? [])];
  print(
    `  mean test_acc: sparse ${sparse.toFixed(4)}, dense ${dense.toFixed(4)}; target sparse not lower: ${sparse >= dense ? 'met' : 'MISSED'}`,
  );
}

await main();
