import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flattenParameters } from '../sweep-spec/parameter-spec.js';
import type { SweepSpec } from '../sweep-spec/sweep-spec.js';
import { validateSweep } from '../sweep-spec/validate-sweep.js';
import { GridSearch } from './grid-search.js';
import { countTrials, planTrials as planWith } from './plan-trials.js';
import { RandomSearch } from './random-search.js';

/** The plan of a grid or random sweep (the CLI's registry does this choice in the product). */
const planTrials = (spec: SweepSpec) =>
  planWith(
    spec,
    spec.method === 'grid'
      ? new GridSearch(flattenParameters(spec.parameters))
      : new RandomSearch(flattenParameters(spec.parameters), spec.search_seed),
  );

const grid = (extra: Record<string, unknown> = {}) =>
  validateSweep({
    method: 'grid',
    dataset: { source: 'synthetic' },
    parameters: { embedding_dim: { values: [8, 16] }, dropout: { values: [0, 0.5] } },
    ...extra,
  });

describe('planTrials', () => {
  it('runs each configuration once per seed, configuration by configuration (config-major)', () => {
    const trials = planTrials(grid({ seeds: [1, 2], seed_order: 'config-major' }));
    assert.equal(trials.length, 8);
    assert.deepEqual(
      trials.slice(0, 3).map((t) => [t.configIndex, t.seed, t.params]),
      [
        [0, 1, { dropout: 0, embedding_dim: 8 }],
        [0, 2, { dropout: 0, embedding_dim: 8 }],
        [1, 1, { dropout: 0, embedding_dim: 16 }],
      ],
    );
    assert.deepEqual(
      trials.map((t) => t.index),
      [0, 1, 2, 3, 4, 5, 6, 7],
    );
  });

  it('counts seeds in run_cap, as W&B counts runs', () => {
    assert.equal(planTrials(grid({ seeds: [0, 1, 2], run_cap: 5 })).length, 5);
    const random = validateSweep({
      method: 'random',
      run_cap: 7,
      seeds: [0, 1],
      dataset: { source: 'synthetic' },
      parameters: { dropout: { min: 0, max: 0.5 } },
    });
    const trials = planTrials(random);
    assert.equal(trials.length, 7);
    assert.equal(new Set(trials.map((t) => t.configIndex)).size, 4);
  });

  it('gives every cell a stable id that differs by parameters and by seed', () => {
    const a = planTrials(grid({ seeds: [0, 1] }));
    const b = planTrials(grid({ seeds: [0, 1] }));
    assert.deepEqual(
      a.map((t) => t.cellId),
      b.map((t) => t.cellId),
    );
    assert.equal(new Set(a.map((t) => t.cellId)).size, a.length);
    assert.match(a[0]?.cellId ?? '', /^[0-9a-f]{16}$/);
  });

  it('reproduces a random sweep exactly from the same file and search seed', () => {
    const spec = (search_seed: number) =>
      validateSweep({
        method: 'random',
        run_cap: 6,
        search_seed,
        dataset: { source: 'synthetic' },
        parameters: { l2: { distribution: 'log_uniform_values', min: 1e-6, max: 1e-2 } },
      });
    assert.deepEqual(planTrials(spec(5)), planTrials(spec(5)));
    assert.notDeepEqual(planTrials(spec(5)), planTrials(spec(6)));
  });

  it('counts trials without enumerating a huge grid', () => {
    const huge = validateSweep({
      method: 'grid',
      model: './m.js',
      seeds: [0, 1],
      dataset: { source: 'synthetic' },
      parameters: { a: { min: 1, max: 100000 }, b: { min: 1, max: 100000 } },
    });
    assert.equal(countTrials(huge), 2e10);
    assert.equal(countTrials({ ...huge, run_cap: 3 }), 3);
    assert.equal(countTrials(grid({ seeds: [0, 1, 2] })), planTrials(grid({ seeds: [0, 1, 2] })).length);
  });
});
