import { compareConfigurations, type Comparison, type ConfigTrial, type SweepSpec } from '@embsweep/core';
import type { CompletedTrialValue, ResultsReader } from '@embsweep/store';
import type { RowFormat } from '../format-rows.js';
import { showCell } from '../format-rows.js';
import { sweptParameters } from './trial-columns.js';

/**
 * Compares the completed configurations of a sweep by `metric` (the sweep's by default): what
 * `compare`, `best` and the end-of-run summary show when a sweep has several seeds.
 */
export function compareSweep(
  reader: ResultsReader,
  sweep: string,
  options: {
    readonly metric?: string;
    readonly goal?: 'minimize' | 'maximize';
    readonly rankBy?: 'mean' | 'iqm';
    readonly resamples?: number;
  } = {},
): Comparison {
  const spec = reader.sweepSpec(sweep);
  const metric = options.metric ?? spec.metric.name;
  const goal = options.goal ?? spec.metric.goal;
  return compareConfigurations(configTrials(reader.completedTrialValues(sweep, metric, goal)), {
    goal,
    ...(options.rankBy === undefined ? {} : { rankBy: options.rankBy }),
    ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
  });
}

export function configTrials(rows: readonly CompletedTrialValue[]): ConfigTrial[] {
  return rows.flatMap((r) =>
    r.best === null
      ? []
      : [
          {
            configIndex: r.config_index,
            params: JSON.parse(r.params) as Record<string, unknown>,
            seed: r.seed,
            best: r.best,
            final: r.final,
          },
        ],
  );
}

/**
 * One row per configuration, best first: rank, the swept parameters (not the seed), n, the mean
 * (or IQM) and 95% interval of the best and final values, P(better than the next one down),
 * Welch's p-value against it, and whether it is tied with the best. A table shows an interval
 * as "low .. high"; JSON and CSV get separate low and high columns.
 */
export function configurationRows(
  spec: SweepSpec,
  comparison: Comparison,
  metric: string,
  format: RowFormat,
  top = Infinity,
): Record<string, unknown>[] {
  const params = sweptParameters(spec).filter((p) => p !== 'seed');
  const { rankBy } = comparison;
  const hasFinal = comparison.configurations.some((c) => c.final.n > 0);
  return comparison.configurations.slice(0, top).map((c, i) => {
    const row: Record<string, unknown> = { rank: i + 1 };
    for (const name of params)
      row[name] = name
        .split('.')
        .reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], c.params);
    row['n'] = c.seeds.length;
    Object.assign(row, valueColumns(`best_${metric}`, c.best, rankBy, format));
    if (hasFinal) Object.assign(row, valueColumns(`final_${metric}`, c.final, rankBy, format));
    row['p_better_than_next'] = c.pBetterThanNext ?? null;
    row['p_value_vs_next'] = c.pValueVsNext ?? null;
    row['tied_with_best'] = format === 'table' ? (c.tiedWithBest ? 'yes' : '') : c.tiedWithBest;
    return row;
  });
}

function valueColumns(
  name: string,
  stats: Comparison['configurations'][number]['best'],
  rankBy: 'mean' | 'iqm',
  format: RowFormat,
): Record<string, unknown> {
  const centre = { [`${rankBy}_${name}`]: stats.n === 0 ? null : stats[rankBy] };
  if (format !== 'table')
    return {
      ...centre,
      [`sd_${name}`]: Number.isNaN(stats.sd) ? null : stats.sd,
      [`ci_low_${name}`]: nullIfNaN(stats.interval.low),
      [`ci_high_${name}`]: nullIfNaN(stats.interval.high),
    };
  const interval = stats.n < 2 ? '' : `${showCell(stats.interval.low)} .. ${showCell(stats.interval.high)}`;
  return { ...centre, [`95%_ci_${name}`]: interval };
}

function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
