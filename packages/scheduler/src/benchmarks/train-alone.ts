// Part of the scheduler benchmark: trains some trials of a sweep one after another in this
// process, with nothing recorded, and prints the seconds it took (after tfjs is up).
// Usage: node train-alone.js <sweep.json> <cache dir> <every> <offset>  (trials offset, offset + every, ...)
import { readFileSync } from 'node:fs';
import { GridSearch, flattenParameters, planTrials } from '@embsweep/core';
import { parseSweepJson, validateSweep } from '@embsweep/core/sweep-file';
import {
  chooseBackend,
  prepareData,
  readPrepared,
  resolveTrainingParams,
  trainTrial,
} from '@embsweep/trainer';

const [sweepFile = '', cacheDir = '', every = '1', offset = '0'] = process.argv.slice(2);
const spec = validateSweep(parseSweepJson(readFileSync(sweepFile, 'utf8')));
await chooseBackend('wasm');
const trials = planTrials(spec, new GridSearch(flattenParameters(spec.parameters))).filter(
  (_, i) => i % Number(every) === Number(offset),
);
// Each data set is prepared and read once, before the clock starts, as embsweep run does.
const data = new Map<string, ReturnType<typeof readPrepared>>();
const dataFor = (params: Readonly<Record<string, unknown>>) => {
  const p = resolveTrainingParams(params);
  const key = `${p.vocab_size}/${p.max_length}`;
  if (!data.has(key)) {
    const path = prepareData({
      dataset: spec.dataset,
      vocabSize: p.vocab_size,
      maxLength: p.max_length,
      baseDir: '.',
      cacheDir,
    });
    data.set(key, readPrepared(path));
  }
  return data.get(key)!;
};
for (const trial of trials) dataFor(trial.params);
const started = performance.now();
for (const trial of trials) {
  await trainTrial({
    params: trial.params,
    seed: trial.seed,
    data: dataFor(trial.params),
    metric: spec.metric,
    model: 'embedding-classifier',
    shouldStop: () => false,
    onEpoch: () => {},
    log: () => {},
  });
}
process.stdout.write(
  `${JSON.stringify({ seconds: (performance.now() - started) / 1000, trials: trials.length })}\n`,
);
