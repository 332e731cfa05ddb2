// Benchmark of the scheduler (npm run bench): the quick example sweep's wall time at
// concurrency 1 and 2, against training the same trials one after another in one process
// without tracking; the difference is the cost of worker processes (spawn, tfjs start, data
// load) plus the database. Targets on the reference 2-core machine: 2 workers >= 1.8x the
// throughput of 1; scheduling and tracking < 2% of training time. Timings on a shared virtual
// machine wander by 10-30%, so the runs are interleaved in rounds and each ratio is the median
// of its per-round ratios; the machine's own ceiling is measured too: two plain training
// processes at once, against one.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { GridSearch, NEVER_STOP, SILENT_LOGGER, flattenParameters, planTrials } from '@embsweep/core';
import { parseSweepJson, validateSweep } from '@embsweep/core/sweep-file';
import { describeTrialInputs } from '@embsweep/trainer/inputs';
import { SqliteStore } from '@embsweep/store';
import { makeTempDir } from '@embsweep/store/testing';
import { LocalProcessExecutor } from '../local-process-executor.js';
import { runSweep } from '../run-sweep.js';

/** Benchmarks report on standard output: their figures are the product. */
const print = (line: string): void => void process.stdout.write(`${line}\n`);

const SWEEP = fileURLToPath(new URL('../../../../sweeps/quick-grid.json', import.meta.url));
const TRAIN_ALONE = fileURLToPath(new URL('./train-alone.js', import.meta.url));
const ROUNDS = 5;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * Trains every `every`-th trial from `offset` in a fresh process: the seconds of its training
 * loop, and of the whole process (Node, tfjs and data start included, as for embsweep run).
 */
async function trainAlone(
  cacheDir: string,
  every: number,
  offset: number,
): Promise<{ loop: number; process: number }> {
  const start = performance.now();
  const args = [TRAIN_ALONE, SWEEP, cacheDir, String(every), String(offset)];
  const { stdout } = await promisify(execFile)(process.execPath, args);
  return {
    loop: (JSON.parse(stdout) as { seconds: number }).seconds,
    process: (performance.now() - start) / 1000,
  };
}

async function main(): Promise<void> {
  const spec = { ...validateSweep(parseSweepJson(readFileSync(SWEEP, 'utf8'))), name: 'bench' };
  const trials = planTrials(spec, new GridSearch(flattenParameters(spec.parameters))).length;
  // Every run shares one data cache, as runs in one folder do: data preparation is not timed.
  const cache = join(makeTempDir('sched-bench'), 'cache');
  const sweep = async (concurrency: number) => {
    const dir = makeTempDir('sched-bench');
    const store = SqliteStore.open(join(dir, 'b.db'));
    const start = performance.now();
    await runSweep({
      spec: { ...spec, execution: { ...spec.execution, backend: 'wasm' } },
      store,
      executor: new LocalProcessExecutor({ backend: 'wasm', sweepDir: dirname(SWEEP), cacheDir: cache }),
      strategy: new GridSearch(flattenParameters(spec.parameters)),
      stopper: NEVER_STOP,
      inputs: describeTrialInputs(spec, dirname(SWEEP)),
      logger: SILENT_LOGGER,
      concurrency,
    });
    store.close();
    return (performance.now() - start) / 1000;
  };

  await trainAlone(cache, 1, 0); // warm the data cache and the disk
  const runs = {
    loop: [] as number[],
    alone: [] as number[],
    pair: [] as number[],
    one: [] as number[],
    two: [] as number[],
  };
  for (let round = 0; round < ROUNDS; round++) {
    const alone = await trainAlone(cache, 1, 0);
    runs.loop.push(alone.loop);
    runs.alone.push(alone.process);
    const start = performance.now();
    await Promise.all([trainAlone(cache, 2, 0), trainAlone(cache, 2, 1)]);
    runs.pair.push((performance.now() - start) / 1000);
    runs.one.push(await sweep(1));
    runs.two.push(await sweep(2));
  }
  // Ratios are taken within a round (paired) and then the median: the machine's speed drifts
  // between rounds far more than the differences being measured.
  const paired = (a: number[], b: number[]) => median(a.map((x, i) => x / (b[i] ?? NaN)));
  const overhead = paired(runs.one, runs.alone) - 1;
  const loopOverhead = paired(runs.one, runs.loop) - 1;
  const ceiling = paired(runs.alone, runs.pair);
  const speedup = paired(runs.one, runs.two);
  const s = (x: number) => `${x.toFixed(2).padStart(6)} s`;
  print(
    `scheduler: the quick example (${trials} trials of 8 short epochs) on wasm; medians of ${ROUNDS} rounds, ratios paired within a round`,
  );
  print(
    `  training alone: one process, no tracking           ${s(median(runs.alone))}   (its training loop alone: ${s(median(runs.loop)).trim()})`,
  );
  print(
    `  two such processes at once, half the trials each   ${s(median(runs.pair))}   machine ceiling ${ceiling.toFixed(2)}x (what 2 cores give here)`,
  );
  print(
    `  embsweep run, concurrency 1                        ${s(median(runs.one))}   overhead ${(overhead * 100).toFixed(1)}% of training alone (target < 2%: ${overhead < 0.02 ? 'met' : 'MISSED'}); ${(loopOverhead * 100).toFixed(1)}% of its loop alone`,
  );
  print(
    `  embsweep run, concurrency 2                        ${s(median(runs.two))}   speed-up ${speedup.toFixed(2)}x (target >= 1.8x: ${speedup >= 1.8 ? 'met' : 'MISSED'}; ${((speedup / ceiling) * 100).toFixed(0)}% of the machine ceiling)`,
  );
  const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
  print(
    `  rounds: loop ${list(runs.loop)} | alone ${list(runs.alone)} | two processes ${list(runs.pair)} | c1 ${list(runs.one)} | c2 ${list(runs.two)}`,
  );
}

await main();
