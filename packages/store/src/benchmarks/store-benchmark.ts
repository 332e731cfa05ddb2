// Benchmark of the results database (npm run bench): metric points written per second
// through the batch primitive (at several batch sizes: throughput depends on points per
// transaction, since each commit writes its dirty pages), and the time to read the curves of
// 1,000 trials x 100 epochs.
// Targets on the reference 2-core machine: >= 200,000 points/s written; curves read < 100 ms.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type MetricPoint } from '@embsweep/core';
import { validateSweep } from '@embsweep/core/sweep-file';
import { SqliteStore } from '../sqlite-store.js';
import { gridPlan } from '../testing/grid-plan.js';

/** Benchmarks report on standard output: their figures are the product. */
const print = (line: string): void => void process.stdout.write(`${line}\n`);

const TRIALS = 1000;
const EPOCHS = 100;
const METRICS = ['loss', 'acc', 'val_loss', 'val_acc'];
/** Trials running at once, as on a machine with a handful of cores. */
const CONCURRENT = 8;
/** Epochs of each running trial in one batch: 8 x 4 x 32 = 1,024 points per transaction. */
const EPOCHS_PER_BATCH = 32;

function setup(dir: string) {
  mkdirSync(dir, { recursive: true });
  const store = SqliteStore.open(join(dir, 'bench.db'));
  const spec = validateSweep({
    method: 'grid',
    dataset: { source: 'synthetic' },
    parameters: { embedding_dim: { min: 1, max: TRIALS } },
  });
  const sweep = store.openSweep('bench', spec, 'h');
  store.addTrials(sweep.id, gridPlan(spec));
  const trials = Array.from({ length: TRIALS }, () => store.claimTrial(sweep.id, { pid: 1, host: 'bench' }));
  return { store, sweepId: sweep.id, trialIds: trials.map((t) => t?.id ?? -1) };
}

function points(trialIds: readonly number[], epoch: number): MetricPoint[] {
  return trialIds.flatMap((trialId) =>
    METRICS.map((name, m) => ({
      trialId,
      attempt: 1,
      name,
      step: epoch,
      value: Math.exp(-epoch / 30) + m + trialId * 1e-6,
    })),
  );
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function run(): void {
  const dir = mkdtempSync(join(tmpdir(), 'embsweep-bench-'));
  try {
    const { store, sweepId, trialIds } = setup(join(dir, 'main'));
    // The batch primitive at the size of a scheduler flush: CONCURRENT running trials x 4
    // metrics x EPOCHS_PER_BATCH epochs = ~1,000 points per transaction.
    let written = 0;
    const start = performance.now();
    for (let first = 0; first < TRIALS; first += CONCURRENT) {
      const running = trialIds.slice(first, first + CONCURRENT);
      for (let epoch = 1; epoch <= EPOCHS; epoch += EPOCHS_PER_BATCH) {
        const epochs = Array.from(
          { length: Math.min(EPOCHS_PER_BATCH, EPOCHS - epoch + 1) },
          (_, i) => epoch + i,
        );
        const batch = epochs.flatMap((e) => points(running, e));
        store.logMetrics(batch);
        written += batch.length;
      }
    }
    const rate = written / ((performance.now() - start) / 1000);

    // One transaction per tick: each running trial's one epoch report (32 points).
    const tick = setup(join(dir, 'tick'));
    let tickWritten = 0;
    const tickStart = performance.now();
    for (let first = 0; first < 200; first += CONCURRENT) {
      for (let epoch = 1; epoch <= EPOCHS; epoch++) {
        const batch = points(tick.trialIds.slice(first, first + CONCURRENT), epoch);
        tick.store.logMetrics(batch);
        tickWritten += batch.length;
      }
    }
    const tickRate = tickWritten / ((performance.now() - tickStart) / 1000);
    tick.store.close();

    // The same reports, one transaction per epoch report (4 points): an unbatched writer.
    const single = setup(join(dir, 'single'));
    let singleWritten = 0;
    const singleStart = performance.now();
    for (const trialId of single.trialIds.slice(0, 100)) {
      for (let epoch = 1; epoch <= EPOCHS; epoch++) {
        const batch = points([trialId], epoch);
        single.store.logMetrics(batch);
        singleWritten += batch.length;
      }
    }
    const singleRate = singleWritten / ((performance.now() - singleStart) / 1000);
    single.store.close();

    // Worst case: every trial of the sweep reports the same epoch in one batch (4,000 points
    // scattered over 4,000 places in the table).
    const wide = setup(join(dir, 'wide'));
    let wideWritten = 0;
    const wideStart = performance.now();
    for (let epoch = 1; epoch <= 20; epoch++) {
      const batch = points(wide.trialIds, epoch);
      wide.store.logMetrics(batch);
      wideWritten += batch.length;
    }
    const wideRate = wideWritten / ((performance.now() - wideStart) / 1000);
    wide.store.close();

    // Reads: the dashboard's question, one metric's curves of every trial.
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const curves = store.curves(sweepId, ['val_loss']);
      times.push(performance.now() - t0);
      if (curves.length !== TRIALS || curves[0]?.steps.length !== EPOCHS)
        throw new Error('benchmark read the wrong curves');
    }
    times.sort((a, b) => a - b);
    store.close();

    const line = (label: string, value: string, target: string, ok: boolean) =>
      print(
        `${label.padEnd(58)} ${value.padStart(14)}   target ${target.padEnd(12)} ${ok ? 'ok' : 'MISSED'}`,
      );
    print(
      `store: ${TRIALS} trials x ${EPOCHS} epochs x ${METRICS.length} metrics = ${written.toLocaleString('en')} points`,
    );
    line(
      `points/s written, batches of ~1,000 (${CONCURRENT} trials x 4 metrics x ${EPOCHS_PER_BATCH} epochs)`,
      Math.round(rate).toLocaleString('en'),
      '>= 200,000',
      rate >= 200_000,
    );
    line(
      `points/s written, one transaction per tick (${CONCURRENT} trials x 4 metrics)`,
      Math.round(tickRate).toLocaleString('en'),
      '(info)',
      true,
    );
    line(
      'points/s written (one transaction per epoch report)',
      Math.round(singleRate).toLocaleString('en'),
      '(info)',
      true,
    );
    line(
      'points/s written (all 1,000 trials in one batch: worst case)',
      Math.round(wideRate).toLocaleString('en'),
      '(info)',
      true,
    );
    line(
      `curves read, 1 metric x ${TRIALS} trials x ${EPOCHS} epochs, median`,
      `${percentile(times, 0.5).toFixed(1)} ms`,
      '< 100 ms',
      percentile(times, 0.5) < 100,
    );
    line(
      'curves read, 95th percentile',
      `${percentile(times, 0.95).toFixed(1)} ms`,
      '< 100 ms',
      percentile(times, 0.95) < 100,
    );
    print(`ratio: batched / one-transaction-per-report writes = ${(rate / singleRate).toFixed(1)}x`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

run();
