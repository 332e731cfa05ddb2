import { createRng } from '../random/rng.js';
import { intervalOf, resampleMeans, shareBetter, type Interval } from './bootstrap.js';
import { describeSample, type SampleDescription } from './describe-sample.js';
import { seedsToSeparate } from './seeds-to-separate.js';
import { welchTTest } from './welch-t-test.js';

/** Below this many seeds a configuration's interval is not worth trusting, and we say so. */
export const MIN_SEEDS_FOR_INTERVALS = 3;

/** One completed trial: a configuration (its parameters without the seed) run with one seed. */
export interface ConfigTrial {
  readonly configIndex: number;
  readonly params: Readonly<Record<string, unknown>>;
  readonly seed: number;
  /** The sweep metric at the trial's best epoch. */
  readonly best: number;
  /** The sweep metric at its last epoch. */
  readonly final: number | null;
}

export interface ValueStats extends SampleDescription {
  /** 95% percentile-bootstrap interval of the mean. */
  readonly interval: Interval;
}

export interface ConfigurationStats {
  readonly configIndex: number;
  readonly params: Readonly<Record<string, unknown>>;
  readonly seeds: readonly number[];
  readonly best: ValueStats;
  readonly final: ValueStats;
  /** At least MIN_SEEDS_FOR_INTERVALS seeds: the interval means something. */
  readonly enoughSeeds: boolean;
  /** P(this configuration better than the next one down the ranking), by the bootstrap. */
  readonly pBetterThanNext: number | undefined;
  /** Welch's two-sided p-value against the next one down. */
  readonly pValueVsNext: number | undefined;
  /** Cannot be told apart from the best: intervals overlap, or P(best better) < 0.95. */
  readonly tiedWithBest: boolean;
}

export interface Comparison {
  readonly goal: 'minimize' | 'maximize';
  readonly rankBy: 'mean' | 'iqm';
  /** Best first. */
  readonly configurations: readonly ConfigurationStats[];
  /** Seeds per configuration from the fewest to the most. */
  readonly seedsPerConfig: { readonly min: number; readonly max: number };
  /** Seeds each that would separate the top two (normal approximation); see seedsToSeparate. */
  readonly seedsToSeparateTopTwo: number | undefined;
  /** One plain sentence on what the comparison can and cannot say. */
  readonly verdict: string;
}

export interface CompareOptions {
  readonly goal: 'minimize' | 'maximize';
  readonly rankBy?: 'mean' | 'iqm';
  readonly resamples?: number;
  readonly seed?: number;
}

/** Groups completed trials by configuration and ranks the configurations with their uncertainty. */
export function compareConfigurations(trials: readonly ConfigTrial[], options: CompareOptions): Comparison {
  const { goal, rankBy = 'mean' } = options;
  const described = groupByConfig(trials).map((g) => describeConfig(g, options));
  const sign = goal === 'minimize' ? 1 : -1;
  described.sort(
    (a, b) =>
      sign * (a.stats.best[rankBy] - b.stats.best[rankBy]) || a.stats.configIndex - b.stats.configIndex,
  );
  const top = described[0];
  const ranked = described.map(({ stats, values, means }, i): ConfigurationStats => {
    const next = described[i + 1];
    // One seed says nothing about noise: such a configuration cannot be told apart from the best.
    const withNoise = (other: { values: readonly number[] } | undefined) =>
      other !== undefined && other.values.length >= 2 && values.length >= 2;
    const pBest = i > 0 && top && withNoise(top) ? shareBetter(top.means, means, goal) : undefined;
    return {
      ...stats,
      pBetterThanNext: next && withNoise(next) ? shareBetter(means, next.means, goal) : undefined,
      pValueVsNext: next === undefined ? undefined : nanToUndefined(welchTTest(values, next.values).p),
      tiedWithBest:
        i === 0 ||
        pBest === undefined ||
        pBest < 0.95 ||
        (top !== undefined && overlaps(stats.best.interval, top.stats.best.interval)),
    };
  });
  const counts = ranked.map((c) => c.seeds.length);
  const seedsPerConfig = { min: Math.min(...counts, Infinity), max: Math.max(...counts, 0) };
  const second = described[1];
  const separate = top && second ? seedsToSeparate(top.values, second.values) : undefined;
  return {
    goal,
    rankBy,
    configurations: ranked,
    seedsPerConfig,
    seedsToSeparateTopTwo: separate,
    verdict: verdict(ranked, seedsPerConfig, separate),
  };
}

function groupByConfig(trials: readonly ConfigTrial[]): ConfigTrial[][] {
  const groups = new Map<number, ConfigTrial[]>();
  for (const t of trials) {
    if (!Number.isFinite(t.best)) continue;
    const group = groups.get(t.configIndex) ?? [];
    group.push(t);
    groups.set(t.configIndex, group);
  }
  return [...groups.values()];
}

/**
 * A configuration's summary, with its best values and their resampled means (drawn once, from
 * a stream of its own, for its interval and for every P(better) it takes part in).
 */
function describeConfig(
  group: readonly ConfigTrial[],
  options: CompareOptions,
): {
  stats: Omit<ConfigurationStats, 'pBetterThanNext' | 'pValueVsNext' | 'tiedWithBest'>;
  values: number[];
  means: Float64Array;
} {
  const first = group[0];
  const configIndex = first?.configIndex ?? -1;
  const best = group.map((t) => t.best);
  const final = group.flatMap((t) => (t.final === null || !Number.isFinite(t.final) ? [] : [t.final]));
  const stream = (what: string) => createRng('compare', what, options.seed ?? 0, configIndex);
  const means = resampleMeans(best, stream('best'), options.resamples);
  const interval = (values: readonly number[], m: () => Float64Array) =>
    values.length < 2 ? { low: NaN, high: NaN } : intervalOf(m());
  return {
    stats: {
      configIndex,
      params: first?.params ?? {},
      seeds: group.map((t) => t.seed).sort((a, b) => a - b),
      best: { ...describeSample(best), interval: interval(best, () => means) },
      final: {
        ...describeSample(final),
        interval: interval(final, () => resampleMeans(final, stream('final'), options.resamples)),
      },
      enoughSeeds: group.length >= MIN_SEEDS_FOR_INTERVALS,
    },
    values: best,
    means,
  };
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.low <= b.high && b.low <= a.high;
}

function nanToUndefined(value: number): number | undefined {
  return Number.isNaN(value) ? undefined : value;
}

function seedsPhrase(count: { readonly min: number; readonly max: number }): string {
  const n = count.min === count.max ? `${count.min}` : `${count.min}-${count.max}`;
  return `${n} seed${count.max === 1 ? '' : 's'} each`;
}

function verdict(
  ranked: readonly ConfigurationStats[],
  count: { readonly min: number; readonly max: number },
  separate: number | undefined,
): string {
  if (ranked.length === 0) return 'No configuration has completed yet.';
  if (ranked.length === 1)
    return `Only one configuration has completed (${seedsPhrase(count)}); nothing to compare it with.`;
  if (count.max < 2)
    return 'Each configuration ran with one seed, so nothing here tells a real difference from seed noise; add seeds (e.g. "seeds": [0, 1, 2]) to compare.';
  const tied = ranked.filter((c) => c.tiedWithBest).length;
  const caveat =
    count.min < MIN_SEEDS_FOR_INTERVALS
      ? ` (with fewer than ${MIN_SEEDS_FOR_INTERVALS} seeds the intervals are too narrow to trust)`
      : '';
  if (tied === 1)
    return `The best configuration is ahead of every other with ${seedsPhrase(count)}: no other one's interval overlaps it, and P(best better) is at least 0.95 against each${caveat}.`;
  const more =
    separate === undefined
      ? ''
      : separate === Infinity
        ? '; the top two are so close that no practical number of seeds would separate them'
        : separate > count.min
          ? `; about ${separate} seeds each would separate the top two`
          : `; the top two differ by more than their seed spread, so a few more seeds (about ${Math.max(separate, count.min + 1)}) should settle it`;
  return `The top ${tied} configurations cannot be told apart with ${seedsPhrase(count)}${caveat}${more}.`;
}
