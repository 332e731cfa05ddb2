// Benchmark (npm run bench): how well method "bayes" (TPE) optimises standard test functions,
// against random search, beside the figures measured with Optuna 5.0's default TPE and its
// random sampler (100 trials x 30 seeds; median [25th, 75th percentile] of the best value).
// Targets: at 100 trials embsweep's median lies inside Optuna's interquartile range or beats
// it, on all three; at 25 and 50 trials it beats random search. Also the time to propose with
// 1,000 finished trials in the history (target: under 50 ms).
import { cellId } from '../search/cell-id.js';
import type { ParameterValues } from '../search/parameter-values.js';
import { RandomSearch } from '../search/random-search.js';
import { SweepHistory } from '../search/search-history.js';
import type { SearchStrategy } from '../search/search-strategy.js';
import { TpeSearch } from '../search/tpe/tpe-search.js';
import { askAndTell } from '../testing/ask-and-tell.js';
import { flattenParameters, type FlatParameter } from '../sweep-spec/parameter-spec.js';
import { validateSweep } from '../sweep-spec/validate-sweep.js';

const print = (line: string): void => void process.stdout.write(`${line}\n`);
const SEEDS = 30;
const TRIALS = 100;
const CHECKPOINTS = [25, 50, 100] as const;

interface TestFunction {
  readonly name: string;
  readonly parameters: Record<string, unknown>;
  readonly f: (p: ParameterValues) => number;
  /** Optuna 5.0 TPE at 25, 50, 100 (median), with the interquartile range at 100; random at 25, 50, 100. */
  readonly optuna: {
    readonly tpe: readonly number[];
    readonly iqr: readonly [number, number];
    readonly random: readonly number[];
  };
}

const uniform = (min: number, max: number) => ({ distribution: 'uniform', min, max });
const x = (p: ParameterValues, k: string) => p[k] as number;

const HARTMANN_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const HARTMANN_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((row) => row.map((v) => v * 1e-4));
const HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2];

const FUNCTIONS: readonly TestFunction[] = [
  {
    name: 'Branin (0.398)',
    parameters: { x1: uniform(-5, 10), x2: uniform(0, 15) },
    f: (p) => {
      const [a, b] = [x(p, 'x1'), x(p, 'x2')];
      return (
        (b - (5.1 / (4 * Math.PI ** 2)) * a * a + (5 / Math.PI) * a - 6) ** 2 +
        10 * (1 - 1 / (8 * Math.PI)) * Math.cos(a) +
        10
      );
    },
    optuna: { tpe: [0.89, 0.529, 0.418], iqr: [0.405, 0.432], random: [2.07, 1.16, 0.888] },
  },
  {
    name: 'Hartmann 6-D (-3.322)',
    parameters: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`x${i}`, uniform(0, 1)])),
    f: (p) =>
      -HARTMANN_ALPHA.reduce((sum, alpha, i) => {
        const inner = (HARTMANN_A[i] ?? []).reduce(
          (s, a, j) => s + a * (x(p, `x${j}`) - (HARTMANN_P[i]?.[j] ?? 0)) ** 2,
          0,
        );
        return sum + alpha * Math.exp(-inner);
      }, 0),
    optuna: { tpe: [-2.4, -2.98, -3.19], iqr: [-3.24, -3.13], random: [-1.18, -1.74, -2.12] },
  },
  {
    name: 'Sphere 5-D (0)',
    parameters: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`x${i}`, uniform(-5, 5)])),
    f: (p) => Array.from({ length: 5 }, (_, i) => x(p, `x${i}`) ** 2).reduce((a, b) => a + b, 0),
    optuna: { tpe: [3.78, 1.31, 0.228], iqr: [0.17, 0.31], random: [9.9, 8.14, 6.45] },
  },
];

function paramsOf(parameters: Record<string, unknown>): FlatParameter[] {
  const spec = validateSweep({
    method: 'bayes',
    run_cap: TRIALS,
    model: './m.js',
    dataset: { source: 'synthetic' },
    parameters,
  });
  return flattenParameters(spec.parameters);
}

/** Best value after each checkpoint of one ask-and-tell run. */
function run(strategy: SearchStrategy, f: (p: ParameterValues) => number, trials = TRIALS): number[] {
  const { values } = askAndTell(strategy, f, trials);
  return CHECKPOINTS.map((c) => Math.min(...values.slice(0, c)));
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return (s[lo] ?? NaN) + ((s[lo + 1] ?? s[lo] ?? NaN) - (s[lo] ?? NaN)) * (pos - lo);
}

const fmt = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(2) : v.toPrecision(3));
const tpeOptions = { nStartupTrials: 10, nEiCandidates: 24, multivariate: true, constantLiar: true };

print(
  `Method "bayes" (TPE) against random search: best value found, median [25th, 75th percentile] of ${SEEDS} seeds`,
);
print('| function | sampler | after 25 | after 50 | after 100 | Optuna at 25, 50, 100 | verdict |');
print('|---|---|---|---|---|---|---|');
for (const fn of FUNCTIONS) {
  const params = paramsOf(fn.parameters);
  const tpe = Array.from({ length: SEEDS }, (_, s) =>
    run(new TpeSearch(params, s, 'minimize', tpeOptions), fn.f),
  );
  const random = Array.from({ length: SEEDS }, (_, s) => run(new RandomSearch(params, s), fn.f));
  const at = (runs: number[][], c: number) => runs.map((r) => r[c] ?? NaN);
  const med = (runs: number[][], c: number) => quantile(at(runs, c), 0.5);
  const cell = (runs: number[][], c: number) =>
    `${fmt(med(runs, c))} [${fmt(quantile(at(runs, c), 0.25))}, ${fmt(quantile(at(runs, c), 0.75))}]`;
  const cells = (runs: number[][]) => CHECKPOINTS.map((_, c) => cell(runs, c)).join(' | ');
  const beatsRandom = [0, 1].every((c) => med(tpe, c) < med(random, c));
  const withinOptuna = med(tpe, 2) <= fn.optuna.iqr[1];
  const optunaTpe = `${fn.optuna.tpe.map(fmt).join(', ')} [${fmt(fn.optuna.iqr[0])}, ${fmt(fn.optuna.iqr[1])}]`;
  print(
    `| ${fn.name} | embsweep bayes | ${cells(tpe)} | TPE: ${optunaTpe} | ${withinOptuna ? 'inside or better than Optuna IQR' : 'MISSED Optuna IQR'}; ${beatsRandom ? 'beats random at 25 and 50' : 'MISSED: not better than random'} |`,
  );
  print(`| | embsweep random | ${cells(random)} | random: ${fn.optuna.random.map(fmt).join(', ')} | |`);
}

// Proposal time with 1,000 finished trials.
const params = paramsOf({
  x: uniform(0, 1),
  y: { distribution: 'log_uniform_values', min: 1e-4, max: 1 },
  c: { values: [1, 2, 3] },
});
const filled = new SweepHistory('minimize');
const filler = new RandomSearch(params, 0);
for (let i = 0; i < 1000; i++) {
  const p = filler.proposal(i);
  filled.upsert({
    id: i,
    index: i,
    configIndex: i,
    cellId: cellId(p, 0, i),
    params: p,
    seed: 0,
    state: 'running',
  });
  filled.recordEpoch(i, 1, (p['x'] as number) ** 2);
  filled.setState(i, 'completed');
}
const tpe = new TpeSearch(params, 1, 'minimize', tpeOptions);
const times: number[] = [];
for (let i = 0; i < 15; i++) {
  const start = performance.now();
  tpe.next(filled);
  times.push(performance.now() - start);
}
const ms = quantile(times, 0.5);
print(
  `Proposing with 1,000 finished trials: median ${ms.toFixed(1)} ms (target under 50 ms: ${ms < 50 ? 'met' : 'MISSED'})`,
);
