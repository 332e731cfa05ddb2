import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bootstrapInterval, probabilityBetter } from './bootstrap.js';
import { describeSample, interquartileMean } from './describe-sample.js';
import { seedsToSeparate } from './seeds-to-separate.js';
import { studentTCdf, studentTQuantile } from './student-t.js';
import { welchTTest } from './welch-t-test.js';

// Reference values from SciPy 1.10.1 (Debian's python3-scipy), computed with:
//   stats.ttest_ind(a, b, equal_var=False); stats.trim_mean(x, 0.25); stats.t.ppf / stats.t.cdf;
//   np.std(a, ddof=1); stats.bootstrap((x,), np.mean, n_resamples=100000, method='percentile')
const close = (actual: number, expected: number, tolerance = 1e-9) =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
    `${actual} vs ${expected}`,
  );

describe("Welch's t-test (against SciPy's ttest_ind(equal_var=False))", () => {
  it('matches t and the two-sided p-value on three pairs of samples', () => {
    const cases: [number[], number[], number, number][] = [
      [[0.5616, 0.5702, 0.5588, 0.565], [0.5729, 0.5811, 0.569], -2.410689702720866, 0.07728566980456067],
      [[1, 2, 3, 4, 5], [2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5], -2.3145502494313783, 0.043254457298141535],
      [[0.39, 0.41], [0.4, 0.43, 0.38], -0.18898223650461182, 0.8621762028528014],
    ];
    for (const [a, b, t, p] of cases) {
      const result = welchTTest(a, b);
      close(result.t, t);
      close(result.p, p, 1e-8);
    }
  });

  it('has no p-value for a sample of one, and p = 0 for two constant samples that differ', () => {
    assert.ok(Number.isNaN(welchTTest([1], [1, 2]).p));
    assert.equal(welchTTest([1, 1], [2, 2]).p, 0);
  });
});

describe("Student's t", () => {
  it('matches SciPy: t.ppf(0.975, 2), t.ppf(0.975, 9.5), t.cdf(-2.5, 3.7)', () => {
    close(studentTQuantile(0.975, 2), 4.302652729911275, 1e-9);
    close(studentTQuantile(0.975, 9.5), 2.244137461457777, 1e-9);
    close(studentTCdf(-2.5, 3.7), 0.035911011455913376, 1e-9);
  });
});

describe('describing a sample', () => {
  it('gives the sample standard deviation and the interquartile mean as SciPy does', () => {
    close(describeSample([0.5616, 0.5702, 0.5588, 0.565]).sd, 0.0049057789051960895);
    assert.equal(interquartileMean([3, 1, 2, 10, 4, 5, 6, 100]), 4.5);
    assert.equal(interquartileMean([1, 2, 3, 4, 5]), 3);
    assert.ok(Number.isNaN(describeSample([1]).sd));
  });
});

describe('the percentile bootstrap', () => {
  const x = [0.412, 0.398, 0.405, 0.421, 0.389, 0.417, 0.402, 0.409, 0.395, 0.414, 0.4, 0.408];

  it('gives the same interval for the same seed and a different one for another seed', () => {
    assert.deepEqual(bootstrapInterval(x, { seed: 3 }), bootstrapInterval(x, { seed: 3 }));
    assert.notDeepEqual(bootstrapInterval(x, { seed: 3 }), bootstrapInterval(x, { seed: 4 }));
  });

  it("agrees with SciPy's percentile bootstrap of the mean (0.400667 to 0.410917) to within resampling noise", () => {
    const { low, high } = bootstrapInterval(x, { seed: 1 });
    close(low, 0.4006666666666667, 0.0005);
    close(high, 0.41091666666666665, 0.0005);
  });

  it('says P(better) = 0.5 for identical samples, near 1 for a clearly better one, by the goal', () => {
    assert.ok(Math.abs(probabilityBetter(x, x, 'minimize') - 0.5) < 0.02);
    const lower = x.map((v) => v - 0.02);
    assert.ok(probabilityBetter(lower, x, 'minimize') > 0.99);
    assert.ok(probabilityBetter(lower, x, 'maximize') < 0.01);
  });
});

describe('seeds needed to separate two configurations', () => {
  it('follows n = 2 (z_0.975 + z_0.8)^2 sd^2 / delta^2 and grows as the difference shrinks', () => {
    // sd = 0.01 in both, delta = 0.01: 2 * (1.959964 + 0.841621)^2 = 15.7 -> 16.
    assert.equal(seedsToSeparate([0.39, 0.4, 0.41], [0.4, 0.41, 0.42]), 16);
    assert.equal(seedsToSeparate([0.39, 0.4, 0.41], [0.395, 0.405, 0.415]), 63);
    assert.equal(seedsToSeparate([1], [2, 3]), undefined);
    assert.equal(seedsToSeparate([1, 2], [1, 2]), Infinity);
  });
});
