// Part of the scheduler benchmark: trains some trials of a sweep one after another in this
// process, with nothing recorded, and prints the seconds it took (after tfjs is up).
// Usage: node train-alone.js <sweep.json> <cache dir> <every> <offset>  (trials offset, offset + every, ...)
import { readFileSync } from 'node:fs';
import { parseSweepJson, planTrials, validateSweep } from '@embsweep/core';
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
const trials = planTrials(spec).filter((_, i) => i % Number(every) === Number(offset));
const started = performance.now();
for (const trial of trials) {
  const p = resolveTrainingParams(trial.params);
  const data = readPrepared(
    prepareData({
      dataset: spec.dataset,
      vocabSize: p.vocab_size,
      maxLength: p.max_length,
      baseDir: '.',
      cacheDir,
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
process.stdout.write(
  `${JSON.stringify({ seconds: (performance.now() - started) / 1000, trials: trials.length })}\n`,
);
