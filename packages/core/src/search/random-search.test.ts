import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../random/rng.js';
import { quantize, roundHalfEven, sampleParameter } from '../random/sample-parameter.js';
import type { ParameterSpec } from '../sweep-spec/parameter-spec.js';
import { flattenParameters } from '../sweep-spec/parameter-spec.js';
import { validateSweep } from '../sweep-spec/validate-sweep.js';
import { proposeConfigs } from '../testing/propose-configs.js';
import { RandomSearch } from './random-search.js';

function search(seed: number): RandomSearch {
  const spec = validateSweep({
    method: 'random',
    run_cap: 10,
    dataset: { source: 'synthetic' },
    parameters: {
      dropout: { min: 0, max: 0.5 },
      embedding_dim: { values: [8, 16, 32] },
      learning_rate: { distribution: 'log_uniform_values', min: 1e-4, max: 1e-1 },
    },
  });
  return new RandomSearch(flattenParameters(spec.parameters), seed);
}

function draws(spec: ParameterSpec, n: number): number[] {
  const rng = createRng('statistics', spec.distribution);
  return Array.from({ length: n }, () => sampleParameter(spec, rng) as number);
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: readonly number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

describe('RandomSearch', () => {
  it('proposes the same configurations for the same seed, and others for another seed', () => {
    assert.deepEqual(proposeConfigs(search(7), 5), proposeConfigs(search(7), 5));
    assert.notDeepEqual(proposeConfigs(search(7), 5), proposeConfigs(search(8), 5));
  });

  it('gives proposal k the same values however the proposals were asked for (resume-safe)', () => {
    const s = search(3);
    const atOnce = proposeConfigs(s, 6);
    const first = proposeConfigs(s, 2);
    const rest = proposeConfigs(s, 4, first);
    assert.deepEqual([...first, ...rest], atOnce);
  });
});

// Each distribution is checked against the moments of its definition in W&B's params.py (ppf).
describe('sampleParameter', () => {
  const n = 20000;

  it('uniform: within [min, max), mean (min + max) / 2', () => {
    const xs = draws({ distribution: 'uniform', min: 2, max: 4 }, n);
    assert.ok(xs.every((x) => x >= 2 && x < 4));
    assert.ok(Math.abs(mean(xs) - 3) < 0.02);
  });

  it('int_uniform: every integer of min..max, both ends included, about equally often', () => {
    const xs = draws({ distribution: 'int_uniform', min: 1, max: 4 }, n);
    for (const k of [1, 2, 3, 4]) assert.ok(Math.abs(xs.filter((x) => x === k).length / n - 0.25) < 0.015);
    assert.ok(xs.every((x) => Number.isInteger(x) && x >= 1 && x <= 4));
  });

  it('categorical with probabilities: frequencies follow them', () => {
    const rng = createRng('categorical');
    const spec: ParameterSpec = {
      distribution: 'categorical',
      values: ['a', 'b', 'c'],
      probabilities: [0.7, 0.2, 0.1],
    };
    const xs = Array.from({ length: n }, () => sampleParameter(spec, rng));
    assert.ok(Math.abs(xs.filter((x) => x === 'a').length / n - 0.7) < 0.015);
    assert.ok(Math.abs(xs.filter((x) => x === 'c').length / n - 0.1) < 0.01);
  });

  it('log_uniform_values and inv_log_uniform_values: within [min, max], log uniform (median sqrt(min*max))', () => {
    for (const distribution of ['log_uniform_values', 'inv_log_uniform_values'] as const) {
      const xs = draws({ distribution, min: 1e-4, max: 1 }, n).sort((a, b) => a - b);
      assert.ok(
        xs.every((x) => x >= 1e-4 && x <= 1),
        distribution,
      );
      assert.ok(Math.abs(Math.log10(xs[n / 2] ?? 0) + 2) < 0.05, distribution);
    }
  });

  it('normal and log_normal: mean mu and standard deviation sigma of X (of log X)', () => {
    const xs = draws({ distribution: 'normal', mu: 5, sigma: 2 }, n);
    assert.ok(Math.abs(mean(xs) - 5) < 0.05 && Math.abs(std(xs) - 2) < 0.05);
    const logs = draws({ distribution: 'log_normal', mu: -1, sigma: 0.5 }, n).map(Math.log);
    assert.ok(Math.abs(mean(logs) + 1) < 0.02 && Math.abs(std(logs) - 0.5) < 0.02);
  });

  it('beta: within (0, 1) with mean a / (a + b)', () => {
    const xs = draws({ distribution: 'beta', a: 2, b: 5 }, n);
    assert.ok(xs.every((x) => x > 0 && x < 1));
    assert.ok(Math.abs(mean(xs) - 2 / 7) < 0.01);
    const small = draws({ distribution: 'beta', a: 0.5, b: 0.5 }, n);
    assert.ok(Math.abs(mean(small) - 0.5) < 0.02);
  });

  it('quantized forms round halves to even, as numpy.round does in W&B (2.5 -> 2, 3.5 -> 4)', () => {
    assert.deepEqual(
      [0.5, 1.5, 2.5, 3.5, -2.5, -1.5, 2.4, 2.6].map(roundHalfEven),
      [0, 2, 2, 4, -2, -2, 2, 3],
    );
    assert.equal(quantize(2.5, 1), 2);
    assert.equal(quantize(0.75, 0.5), 1);
    assert.equal(quantize(0.25, 0.5), 0);
  });

  it('quantized forms: multiples of q, written without float noise', () => {
    const xs = draws({ distribution: 'q_uniform', min: 0, max: 1, q: 0.1 }, 2000);
    assert.ok(
      xs.every((x) => Number.isInteger(Math.round(x * 10)) && String(x).length <= 3),
      String(xs.slice(0, 5)),
    );
    const dims = draws({ distribution: 'q_log_uniform_values', min: 8, max: 256, q: 8 }, 2000);
    assert.ok(dims.every((x) => x % 8 === 0 && x >= 8 && x <= 256));
    assert.ok(draws({ distribution: 'q_normal', mu: 0, sigma: 3, q: 2 }, 500).every((x) => x % 2 === 0));
  });
});
