// Benchmark of the scheduler (npm run bench): the quick example sweep's wall time at
// concurrency 1 and 2, against training the same trials one after another in one process
// without tracking; the difference is the cost of worker processes (spawn, tfjs start, data
// load) plus the database. Targets on the reference 2-core machine: 2 workers >= 1.8x the
// throughput of 1; scheduling and tracking < 2% of training time. Timings on a shared virtual
// machine wander by 10-30%, so each figure is the median of several rounds, and the machine's
// own ceiling is measured too: two plain training processes at once, against one.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SILENT_LOGGER, parseSweepJson, planTrials, validateSweep } from '@embsweep/core';
import { SqliteStore } from '@embsweep/store';
import { makeTempDir } from '@embsweep/store/testing';
import { LocalProcessExecutor } from '../local-process-executor.js';
import { runSweep } from '../run-sweep.js';

/** Benchmarks report on standard output: their figures are the product. */
const print = (line: string): void => void process.stdout.write(`${line}\n`);

const SWEEP = fileURLToPath(new URL('../../../../sweeps/quick-grid.json', import.meta.url));
const TRAIN_ALONE = fileURLToPath(new URL('./train-alone.js', import.meta.url));
const ROUNDS = 3;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Trains every `every`-th trial from `offset` in a fresh process; its training seconds. */
async function trainAlone(cacheDir: string, every: number, offset: number): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    TRAIN_ALONE,
    SWEEP,
    cacheDir,
    String(every),
    String(offset),
  ]);
  return (JSON.parse(stdout) as { seconds: number }).seconds;
}

async function main(): Promise<void> {
  const spec = { ...validateSweep(parseSweepJson(readFileSync(SWEEP, 'utf8'))), name: 'bench' };
  const trials = planTrials(spec).length;
  const sweep = async (concurrency: number) => {
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
    store.close();
    return (performance.now() - start) / 1000;
  };

  const cache = join(makeTempDir('sched-bench'), 'cache');
  await trainAlone(cache, 1, 0); // warm the data cache and the disk
  const runs = { alone: [] as number[], pair: [] as number[], one: [] as number[], two: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.alone.push(await trainAlone(cache, 1, 0));
    const start = performance.now();
    await Promise.all([trainAlone(cache, 2, 0), trainAlone(cache, 2, 1)]);
    runs.pair.push((performance.now() - start) / 1000);
    runs.one.push(await sweep(1));
    runs.two.push(await sweep(2));
  }
  const alone = median(runs.alone);
  const pair = median(runs.pair);
  const one = median(runs.one);
  const two = median(runs.two);
  const overhead = (one - alone) / alone;
  const ceiling = alone / pair;
  const speedup = one / two;
  const s = (x: number) => `${x.toFixed(2).padStart(6)} s`;
  print(
    `scheduler: the quick example (${trials} trials of 8 short epochs) on wasm, median of ${ROUNDS} rounds`,
  );
  print(`  training alone, one process, no tracking           ${s(alone)}`);
  print(
    `  two such processes at once, half the trials each   ${s(pair)}   machine ceiling ${ceiling.toFixed(2)}x (what 2 cores give here)`,
  );
  print(
    `  embsweep run, concurrency 1                        ${s(one)}   overhead ${(overhead * 100).toFixed(1)}% of training (target < 2%: ${overhead < 0.02 ? 'met' : 'MISSED'}), ${((one - alone) / trials).toFixed(3)} s per trial`,
  );
  print(
    `  embsweep run, concurrency 2                        ${s(two)}   speed-up ${speedup.toFixed(2)}x (target >= 1.8x: ${speedup >= 1.8 ? 'met' : 'MISSED'}; ${((speedup / ceiling) * 100).toFixed(0)}% of the machine ceiling)`,
  );
  print(
    `  rounds: alone ${runs.alone.map((x) => x.toFixed(2)).join(' ')} | two processes ${runs.pair.map((x) => x.toFixed(2)).join(' ')} | c1 ${runs.one.map((x) => x.toFixed(2)).join(' ')} | c2 ${runs.two.map((x) => x.toFixed(2)).join(' ')}`,
  );
}

await main();
