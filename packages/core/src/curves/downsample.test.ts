import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { downsample } from './downsample.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('downsample', () => {
  it('returns short curves unchanged', () => {
    assert.deepEqual(downsample([1, 2, 3], [3, 2, 1], 300), { steps: [1, 2, 3], values: [3, 2, 1] });
  });

  it('keeps about the target number of points, in step order, with first and last', () => {
    const steps = range(10_000);
    const out = downsample(
      steps,
      steps.map((s) => Math.sin(s / 100)),
      300,
    );
    assert.ok(out.steps.length <= 302 && out.steps.length >= 200, `${out.steps.length} points`);
    assert.equal(out.steps[0], 1);
    assert.equal(out.steps.at(-1), 10_000);
    assert.deepEqual(
      out.steps,
      [...out.steps].sort((a, b) => a - b),
    );
  });

  it('keeps the extremes: a one-step spike and dip survive', () => {
    const steps = range(5000);
    const values = steps.map(() => 1);
    values[1234] = 50;
    values[4321] = -50;
    const out = downsample(steps, values, 200);
    assert.ok(out.values.includes(50) && out.values.includes(-50));
    assert.equal(out.steps[out.values.indexOf(50)], 1235);
  });

  it('keeps non-finite values so a diverged curve still ends diverged', () => {
    const steps = range(1000);
    const values = steps.map((s) => (s > 990 ? NaN : 1 / s));
    const out = downsample(steps, values, 100);
    assert.ok(Number.isNaN(out.values.at(-1)));
    assert.ok(out.values.some((v) => Number.isNaN(v)));
  });
});
