import { normalQuantile } from '../random/normal-quantile.js';
import { mean, sampleVariance } from './describe-sample.js';

/** The most seeds per configuration we would ever suggest; beyond it, "not worth separating". */
export const MAX_SEEDS_SUGGESTED = 1000;

/**
 * Roughly how many seeds per configuration would tell two configurations apart: the sample size
 * per group at which a two-sided test at `alpha` has `power` to detect the observed difference
 * of means, given the observed seed-to-seed variance (pooled): n = 2 (z(1-α/2) + z(power))² σ² / δ².
 * A normal approximation (it slightly understates n below ~10 seeds), which is all a planning
 * figure needs. Undefined when either has fewer than two values (no variance to go on);
 * Infinity when the means are equal or n would exceed MAX_SEEDS_SUGGESTED.
 */
export function seedsToSeparate(
  a: readonly number[],
  b: readonly number[],
  { alpha = 0.05, power = 0.8 }: { readonly alpha?: number; readonly power?: number } = {},
): number | undefined {
  if (a.length < 2 || b.length < 2) return undefined;
  const delta = Math.abs(mean(a) - mean(b));
  const pooled =
    ((a.length - 1) * sampleVariance(a) + (b.length - 1) * sampleVariance(b)) / (a.length + b.length - 2);
  if (pooled === 0) return delta === 0 ? Infinity : 2;
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  const n = Math.max(2, Math.ceil((2 * z * z * pooled) / (delta * delta)));
  return n > MAX_SEEDS_SUGGESTED ? Infinity : n;
}
