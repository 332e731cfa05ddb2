// Benchmark of the scheduler (npm run bench): the quick example sweep's wall time at
// concurrency 1 and 2, against training the same trials one after another in one process
// without tracking; the difference is the cost of worker processes (spawn, tfjs start, data
// load) plus the database. Targets on the reference 2-core machine: 2 workers >= 1.8x the
// throughput of 1; scheduling and tracking < 2% of training time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SILENT_LOGGER, parseSweepJson, planTrials, validateSweep } from '@embsweep/core';
import { SqliteStore } from '@embsweep/store';
import { makeTempDir } from '@embsweep/store/testing';
import {
  chooseBackend,
  prepareData,
  readPrepared,
  resolveTrainingParams,
  trainTrial,
} from '@embsweep/trainer';
import { LocalProcessExecutor } from '../local-process-executor.js';
import { runSweep } from '../run-sweep.js';

/** Benchmarks report on standard output: their figures are the product. */
const print = (line: string): void => void process.stdout.write(`${line}\n`);

const SWEEP = fileURLToPath(new URL('../../../../sweeps/quick-grid.json', import.meta.url));

async function main(): Promise<void> {
  const spec = { ...validateSweep(parseSweepJson(readFileSync(SWEEP, 'utf8'))), name: 'bench' };
  const wall = async (concurrency: number) => {
    const dir = makeTempDir('sched-bench');
    const store = SqliteStore.open(join(dir, 'b.db'));
    const start = performance.now();
    await runSweep({
      spec: { ...spec, execution: { ...spec.execution, backend: 'wasm' } },
      sweepFile: SWEEP,
      store,
      executor: new LocalProcessExecutor({ backend: 'wasm' }),
      logger: SILENT_LOGGER,
      concurrency,
      cacheDir: join(dir, 'cache'),
    });
    const seconds = (performance.now() - start) / 1000;
    const epochsTime = store.listTrials(1).reduce(
      (sum, t) =>
        sum +
        store
          .trialCurves(t.id)
          .filter((c) => c.name === 'epoch_time_s')
          .reduce((s, c) => s + c.values.reduce((a, b) => a + b, 0), 0),
      0,
    );
    store.close();
    return { seconds, epochsTime };
  };

  // Training alone: the same trials, in this process, one after another, nothing recorded.
  await chooseBackend('wasm');
  const dir = makeTempDir('sched-bench');
  const trials = planTrials(spec);
  const started = performance.now();
  for (const trial of trials) {
    const p = resolveTrainingParams(trial.params);
    const data = readPrepared(
      prepareData({
        dataset: spec.dataset,
        vocabSize: p.vocab_size,
        maxLength: p.max_length,
        baseDir: '.',
        cacheDir: join(dir, 'cache'),
      }),
    );
    await trainTrial({
      params: trial.params,
      seed: trial.seed,
      data,
      metric: spec.metric,
      model: 'embedding-classifier',
      shouldStop: () => false,
      onEpoch: () => {},
      log: () => {},
    });
  }
  const alone = (performance.now() - started) / 1000;

  const one = await wall(1);
  const two = await wall(2);
  const overhead = (one.seconds - alone) / alone;
  print(`scheduler: the quick example (${trials.length} trials of 8 short epochs) on wasm`);
  print(`  training alone, one process, no tracking       ${alone.toFixed(2).padStart(7)} s`);
  print(
    `  embsweep run, concurrency 1                     ${one.seconds.toFixed(2).padStart(7)} s   overhead ${(overhead * 100).toFixed(0)}% of training (target < 2%: ${overhead < 0.02 ? 'ok' : 'MISSED'})`,
  );
  print(
    `  embsweep run, concurrency 2                     ${two.seconds.toFixed(2).padStart(7)} s   speed-up ${(one.seconds / two.seconds).toFixed(2)}x (target >= 1.8x: ${one.seconds / two.seconds >= 1.8 ? 'ok' : 'MISSED'})`,
  );
  print(
    `  per trial: ${((one.seconds - alone) / trials.length).toFixed(2)} s of process start, tfjs start and data load around ${(alone / trials.length).toFixed(2)} s of training`,
  );
}

await main();
