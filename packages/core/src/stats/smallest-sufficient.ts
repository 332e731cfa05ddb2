import type { Comparison } from './compare-configurations.js';

/** Without seed noise to go on, "as good as the best" means within this share of its value. */
export const SINGLE_SEED_TOLERANCE = 0.01;

export interface SmallestSufficient {
  /** The smallest value of the parameter whose configuration is as good as the best. */
  readonly value: number;
  readonly configIndex: number;
  /** `seeds`: tied with the best by the seed statistics; `tolerance`: within 1% of the best value. */
  readonly basis: 'seeds' | 'tolerance';
}

/**
 * The smallest value of a numeric parameter (embedding_dim, by default) among the configurations
 * as good as the best: tied with it by the seed statistics when the configurations have several
 * seeds, else within SINGLE_SEED_TOLERANCE of the best mean. "How wide an embedding does this
 * task need?" Undefined when the parameter is not a number in the configurations.
 */
export function smallestSufficient(
  comparison: Comparison,
  parameter = 'embedding_dim',
): SmallestSufficient | undefined {
  const [best] = comparison.configurations;
  if (best === undefined) return undefined;
  const seeded = comparison.seedsPerConfig.min >= 2;
  const sufficient = comparison.configurations.filter((c) =>
    seeded
      ? c.tiedWithBest
      : Math.abs(c.best.mean - best.best.mean) <= SINGLE_SEED_TOLERANCE * Math.abs(best.best.mean),
  );
  let out: SmallestSufficient | undefined;
  for (const c of sufficient) {
    const value = c.params[parameter];
    if (typeof value !== 'number') continue;
    if (out === undefined || value < out.value)
      out = { value, configIndex: c.configIndex, basis: seeded ? 'seeds' : 'tolerance' };
  }
  return out;
}

/** The sentence compare, best and the dashboard show. */
export function describeSmallestSufficient(
  found: SmallestSufficient | undefined,
  parameter = 'embedding_dim',
): string {
  if (found === undefined) return '';
  return found.basis === 'seeds'
    ? `Smallest sufficient ${parameter}: ${found.value} (the smallest tied with the best across seeds).`
    : `Smallest sufficient ${parameter}: ${found.value} (within ${100 * SINGLE_SEED_TOLERANCE}% of the best; with one seed per configuration there is no noise to judge by).`;
}
