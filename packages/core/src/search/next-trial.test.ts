import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flattenParameters } from '../sweep-spec/parameter-spec.js';
import { validateSweep } from '../sweep-spec/validate-sweep.js';
import { GridSearch } from './grid-search.js';
import { nextTrial } from './next-trial.js';
import type { ParameterValues } from './parameter-values.js';
import { iteratePlan, planTrials } from './plan-trials.js';
import { RandomSearch } from './random-search.js';
import { SweepHistory, type SearchHistory } from './search-history.js';
import type { TrialState } from '../trials/trial-state.js';
import type { SearchStrategy } from './search-strategy.js';

const spec = (extra: Record<string, unknown> = {}) =>
  validateSweep({
    method: 'grid',
    dataset: { source: 'synthetic' },
    parameters: { embedding_dim: { values: [8, 16, 32] } },
    ...extra,
  });

/** Adds what nextTrial proposed to the history, as the store would, with a state. */
function take(
  history: SweepHistory,
  s: ReturnType<typeof spec>,
  strategy: SearchStrategy,
  state: TrialState = 'pending',
) {
  const trial = nextTrial(s, strategy, history);
  if (trial === undefined) return undefined;
  const index = history.trials.length;
  history.upsert({ ...trial, id: 100 + index, index, state });
  return trial;
}

describe('nextTrial (ask and tell)', () => {
  it('runs the first seed of every configuration before the second of any (seed-major, the default)', () => {
    const s = spec({ seeds: [0, 1, 2] });
    const history = new SweepHistory('minimize');
    const strategy = new GridSearch(flattenParameters(s.parameters));
    const taken = Array.from({ length: 10 }, () => take(history, s, strategy));
    assert.deepEqual(
      taken.map((t) => t && [t.configIndex, t.seed]),
      [[0, 0], [1, 0], [2, 0], [0, 1], [1, 1], [2, 1], [0, 2], [1, 2], [2, 2], undefined],
    );
  });

  it('with seed-major order and run_cap, takes only the configurations whose seeds all fit', () => {
    const s = spec({ seeds: [0, 1], run_cap: 4 });
    const history = new SweepHistory('minimize');
    const strategy = new GridSearch(flattenParameters(s.parameters));
    const taken = Array.from({ length: 5 }, () => take(history, s, strategy));
    assert.deepEqual(
      taken.map((t) => t && [t.configIndex, t.seed]),
      [[0, 0], [1, 0], [0, 1], [1, 1], undefined],
    );
  });

  it('gives every seed of a configuration before asking the strategy for the next one (config-major)', () => {
    const s = spec({ seeds: [5, 6], seed_order: 'config-major' });
    const history = new SweepHistory('minimize');
    const strategy = new GridSearch(flattenParameters(s.parameters));
    const taken = Array.from({ length: 7 }, () => take(history, s, strategy));
    assert.deepEqual(
      taken.map((t) => t && [t.configIndex, t.seed, t.params['embedding_dim']]),
      [[0, 5, 8], [0, 6, 8], [1, 5, 16], [1, 6, 16], [2, 5, 32], [2, 6, 32], undefined],
    );
  });

  it('stops at run_cap, counting seeds', () => {
    const s = spec({ seeds: [0, 1], run_cap: 3 });
    const history = new SweepHistory('minimize');
    const strategy = new GridSearch(flattenParameters(s.parameters));
    assert.equal(Array.from({ length: 5 }, () => take(history, s, strategy)).filter(Boolean).length, 3);
  });

  it('hands the strategy the whole history: states, curves, best and final values, running trials', () => {
    const s = spec();
    const seen: Pick<SearchHistory, 'configCount' | 'trials' | 'running'>[] = [];
    const strategy: SearchStrategy = {
      plansAhead: 'all',
      next(history) {
        // What it was shown at the time of asking (the live history grows afterwards).
        seen.push(
          structuredClone({
            configCount: history.configCount,
            trials: history.trials,
            running: history.running,
          }),
        );
        return { embedding_dim: history.configCount };
      },
    };
    const history = new SweepHistory('minimize');
    take(history, s, strategy, 'running');
    history.recordEpoch(100, 1, 0.9);
    history.recordEpoch(100, 2, 0.4);
    history.recordEpoch(100, 3, 0.5);
    take(history, s, strategy, 'running');
    history.setState(100, 'completed');
    take(history, s, strategy);
    const last = seen.at(-1);
    assert.equal(last?.configCount, 2);
    assert.deepEqual(
      last?.trials.map((t) => [t.state, t.values, t.bestValue, t.finalValue]),
      [
        ['completed', [0.9, 0.4, 0.5], 0.4, 0.5],
        ['running', [], null, null],
      ],
    );
    assert.deepEqual(last?.running, [{ embedding_dim: 1 }]);
  });

  it('gives a configuration that random search draws again a cell of its own', () => {
    const s = validateSweep({
      method: 'random',
      run_cap: 40,
      dataset: { source: 'synthetic' },
      parameters: { embedding_dim: { values: [8, 16] } },
    });
    const trials = planTrials(s, new RandomSearch(flattenParameters(s.parameters), 0));
    assert.equal(trials.length, 40);
    assert.equal(new Set(trials.map((t) => t.cellId)).size, 40);
    assert.ok(new Set(trials.map((t) => JSON.stringify(t.params))).size < 40, 'configurations repeat');
  });

  it('is deterministic given the history: the same proposals after a resume as in one go', () => {
    const s = validateSweep({
      method: 'random',
      run_cap: 10,
      seeds: [0, 1, 2],
      search_seed: 4,
      dataset: { source: 'synthetic' },
      parameters: { dropout: { min: 0, max: 0.5 } },
    });
    const make = () => new RandomSearch(flattenParameters(s.parameters), s.search_seed);
    const inOneGo = planTrials(s, make());
    const resumed = new SweepHistory('minimize');
    for (const t of inOneGo.slice(0, 4)) resumed.upsert({ ...t, id: t.index, state: 'completed' });
    const rest = Array.from({ length: 6 }, () => take(resumed, s, make()));
    assert.deepEqual(
      rest.map((t) => t?.cellId),
      inOneGo.slice(4).map((t) => t.cellId),
    );
  });

  it('plans only as far as a strategy proposes without results', () => {
    const startup: SearchStrategy = {
      plansAhead: 2,
      next: (history): ParameterValues => ({ embedding_dim: 8 * (history.configCount + 1) }),
    };
    const trials = [...iteratePlan(spec({ seeds: [0, 1], seed_order: 'config-major' }), startup)];
    assert.deepEqual(
      trials.map((t) => [t.configIndex, t.seed]),
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
    );
    // Seed-major: the start-up configurations, first seeds; their second seeds follow them.
    const seedMajor = [...iteratePlan(spec({ seeds: [0, 1] }), startup)];
    assert.deepEqual(
      seedMajor.map((t) => [t.configIndex, t.seed]),
      [
        [0, 0],
        [1, 0],
      ],
    );
  });
});

describe('GridSearch on a grid of a million cells', () => {
  it('proposes its first trials at once and keeps proposing in constant time per trial', () => {
    const s = validateSweep({
      method: 'grid',
      model: './m.js',
      dataset: { source: 'synthetic' },
      parameters: { a: { min: 1, max: 1000 }, b: { min: 1, max: 1000 } },
    });
    const grid = new GridSearch(flattenParameters(s.parameters));
    const first = planTrials(s, grid, 20_000);
    assert.equal(first.length, 20_000);
    assert.deepEqual(first[19_999]?.params, { a: 20, b: 1000 });
  });
});
