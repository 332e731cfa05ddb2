import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flattenParameters } from '../sweep-spec/parameter-spec.js';
import { validateSweep } from '../sweep-spec/validate-sweep.js';
import { proposeConfigs } from '../testing/propose-configs.js';
import { GridSearch, gridValues } from './grid-search.js';

function grid(parameters: Record<string, unknown>): GridSearch {
  const spec = validateSweep({
    method: 'grid',
    model: './m.js',
    dataset: { source: 'synthetic' },
    parameters,
  });
  return new GridSearch(flattenParameters(spec.parameters));
}

// Expected orders follow wandb/sweeps grid_search.py: parameters sorted by name
// (HyperParameterSet.from_config sorts), combined with itertools.product, last one fastest.
describe('GridSearch', () => {
  it('enumerates sorted parameter names with the last varying fastest', () => {
    const g = grid({ b: { values: [1, 2] }, a: { values: ['x', 'y'] }, c: { value: 0 } });
    assert.deepEqual(proposeConfigs(g, 10), [
      { a: 'x', b: 1, c: 0 },
      { a: 'x', b: 2, c: 0 },
      { a: 'y', b: 1, c: 0 },
      { a: 'y', b: 2, c: 0 },
    ]);
    assert.equal(g.size, 4);
  });

  it('starts with the first value, as the docstring of grid_search_next_runs shows', () => {
    assert.deepEqual(proposeConfigs(grid({ a: { values: [1, 2, 3] } }), 1), [{ a: 1 }]);
  });

  it('tries a repeated value once (3 and 3.0 hash alike in W&B, yaml_hash)', () => {
    assert.deepEqual(proposeConfigs(grid({ a: { values: [3, 3.0, 4, 3] } }), 10), [{ a: 3 }, { a: 4 }]);
    assert.deepEqual(
      proposeConfigs(
        grid({
          a: {
            values: [
              { x: 1, y: 2 },
              { y: 2, x: 1 },
            ],
          },
        }),
        10,
      ),
      [{ a: { x: 1, y: 2 } }],
    );
  });

  it('enumerates int_uniform inclusively and q_uniform like numpy.arange (max left out)', () => {
    assert.deepEqual(gridValues({ distribution: 'int_uniform', min: 2, max: 4 }), [2, 3, 4]);
    assert.deepEqual(
      gridValues({ distribution: 'q_uniform', min: 0, max: 1, q: 0.25 }),
      [0, 0.25, 0.5, 0.75],
    );
    // numpy.arange(0.1, 0.4, 0.1) has a 4th value, 0.4, by float rounding; max stays out here
    assert.deepEqual(gridValues({ distribution: 'q_uniform', min: 0.1, max: 0.4, q: 0.1 }), [0.1, 0.2, 0.3]);
  });

  it('skips configurations already proposed, so a resumed grid continues where it was', () => {
    const g = grid({ a: { values: [1, 2, 3] }, b: { values: [true, false] } });
    const all = proposeConfigs(g, 100);
    assert.equal(all.length, 6);
    assert.deepEqual(proposeConfigs(g, 100, all.slice(0, 2)), all.slice(2));
    // Out-of-order history (a changed grid resumed with --force-resume) is skipped too.
    assert.deepEqual(proposeConfigs(g, 2, [all[3] ?? {}]), [all[0], all[1]]);
    assert.deepEqual(proposeConfigs(g, 5, all), []);
  });

  it('nests the values of nested parameter groups and orders them depth first', () => {
    const g = grid({
      opt: { parameters: { lr: { values: [0.1, 0.2] }, name: { value: 'adam' } } },
      a: { values: [1] },
    });
    assert.deepEqual(proposeConfigs(g, 10), [
      { a: 1, opt: { lr: 0.1, name: 'adam' } },
      { a: 1, opt: { lr: 0.2, name: 'adam' } },
    ]);
  });
});

describe('GridSearch on a huge grid', () => {
  it('decodes any cell directly, without enumerating the cells before it', () => {
    const g = grid({ a: { min: 1, max: 1000 }, b: { min: 1, max: 1000 }, c: { values: ['x', 'y'] } });
    assert.equal(g.size, 2e6);
    assert.deepEqual(g.cell(0), { a: 1, b: 1, c: 'x' });
    assert.deepEqual(g.cell(2e6 - 1), { a: 1000, b: 1000, c: 'y' });
    assert.deepEqual(g.cell(2 * 1000 + 3), { a: 2, b: 2, c: 'y' });
  });
});
