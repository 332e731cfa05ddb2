import type { TrialProgress } from './early-stopper.js';

/** What a trial is compared with at one epoch when configurations have several seeds. */
export interface SeedAwareReference {
  /** One value per other configuration that completed a trial reaching the epoch. */
  readonly values: readonly number[];
  /**
   * The seed-to-seed spread at the epoch: the pooled standard deviation of the values of
   * configurations with two or more completed seeds there (0 while none has).
   */
  readonly spread: number;
}

/**
 * The reference for `trial` at 0-based `step` from the given trials of the other
 * configurations (the median rule passes completed ones, ASHA every trial at the rung): each configuration is one value, its trial of the judged trial's seed when
 * it has one reaching the step (paired: the same data order and initialisation luck), else
 * the mean of its seeds there. NaN values are left out.
 */
export function seedAwareReference(
  trial: TrialProgress,
  others: readonly TrialProgress[],
  step: number,
): SeedAwareReference {
  const byConfig = new Map<number | string, TrialProgress[]>();
  for (const t of others) {
    const key = t.config ?? t.id;
    if (key === (trial.config ?? trial.id) || !(t.values.length > step)) continue;
    if (Number.isNaN(t.values[step])) continue;
    byConfig.set(key, [...(byConfig.get(key) ?? []), t]);
  }
  const values: number[] = [];
  let squares = 0;
  let degrees = 0;
  for (const group of byConfig.values()) {
    const at = group.map((t) => t.values[step] ?? NaN);
    const mean = at.reduce((a, b) => a + b, 0) / at.length;
    const paired = group.find((t) => t.seed === trial.seed);
    values.push(paired?.values[step] ?? mean);
    if (at.length < 2) continue;
    squares += at.reduce((sum, v) => sum + (v - mean) ** 2, 0);
    degrees += at.length - 1;
  }
  return { values, spread: degrees === 0 ? 0 : Math.sqrt(squares / degrees) };
}
