import type { Comparison, SweepSpec } from '@embsweep/core';
import type { RowFormat } from '../format-rows.js';
import { showCell } from '../format-rows.js';
import { paramAt, sweptParameters } from './trial-columns.js';

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
    for (const name of params) row[name] = paramAt(c.params, name);
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
