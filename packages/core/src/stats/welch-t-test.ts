import { mean, sampleVariance } from './describe-sample.js';
import { studentTCdf } from './student-t.js';

export interface WelchResult {
  /** (mean(a) - mean(b)) / standard error. */
  readonly t: number;
  /** Welch-Satterthwaite degrees of freedom. */
  readonly df: number;
  /** Two-sided p-value. NaN when either sample has fewer than two values. */
  readonly p: number;
}

/**
 * Welch's unequal-variance t-test, as scipy.stats.ttest_ind(a, b, equal_var=False) computes it.
 * Two samples with zero variance give t = ±Infinity (p = 0) if their means differ, NaN if not.
 */
export function welchTTest(a: readonly number[], b: readonly number[]): WelchResult {
  if (a.length < 2 || b.length < 2) return { t: NaN, df: NaN, p: NaN };
  const va = sampleVariance(a) / a.length;
  const vb = sampleVariance(b) / b.length;
  const t = (mean(a) - mean(b)) / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  if (!Number.isFinite(t)) return { t, df, p: Number.isNaN(t) ? NaN : 0 };
  return { t, df, p: 2 * studentTCdf(-Math.abs(t), df) };
}
