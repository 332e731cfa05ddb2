import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { betaCdf, betaQuantile, logNormalCdf, normalCdf } from './distributions.js';
import { normalQuantile } from './normal-quantile.js';

// Reference values: scipy.stats' norm.cdf and norm.logcdf; the beta CDFs were checked by numerical
// integration of the density (two million midpoints).
describe('distribution functions', () => {
  it('normal CDF and its log match scipy, deep into the tails', () => {
    assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-15);
    assert.ok(Math.abs(normalCdf(1.96) - 0.9750021048517795) < 1e-13);
    assert.ok(Math.abs(normalCdf(-3) - 0.0013498980316301035) < 1e-15);
    assert.ok(Math.abs(logNormalCdf(-10) - -53.23128515051247) < 1e-6);
    assert.ok(Math.abs(logNormalCdf(-40) - -804.6084420137538) < 1e-6);
    for (const p of [1e-9, 0.01, 0.3, 0.5, 0.77, 0.999])
      assert.ok(Math.abs(normalCdf(normalQuantile(p)) - p) < 1e-12 * Math.max(1, p / 1e-3));
  });

  it('beta CDF matches scipy, and the quantile inverts it', () => {
    assert.ok(Math.abs(betaCdf(0.3, 2, 5) - 0.579825) < 1e-6);
    assert.ok(Math.abs(betaCdf(0.5, 0.5, 0.5) - 0.5) < 1e-12);
    assert.ok(Math.abs(betaCdf(0.9, 3, 1.5) - 0.877659383) < 1e-9);
    for (const p of [0.05, 0.5, 0.95]) assert.ok(Math.abs(betaCdf(betaQuantile(p, 2, 5), 2, 5) - p) < 1e-12);
  });
});
