import {
  closestName,
  describeSmallestSufficient,
  MIN_SEEDS_FOR_INTERVALS,
  smallestSufficient,
  type Comparison,
} from '@embsweep/core';
import { ResultsReader, compareSweep } from '@embsweep/store';
import { DB_FLAG_HELP, resolveDbPath } from '../db-path.js';
import { formatRows } from '../format-rows.js';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { parseFormat } from '../parse-format.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { configurationRows } from './configuration-rows.js';

/** Metric names that are better higher, when --metric names one that is not the sweep's. */
const HIGHER_IS_BETTER = /acc|auc|f1|precision|recall|score/i;

export const compareCommand: Command = {
  name: 'compare',
  help: `Usage: embsweep compare <sweep> [--top K] [--metric M] [--goal minimize|maximize] [--rank-by mean|iqm] [--format table|json|csv] [--db PATH]

Ranks a sweep's configurations (a trial's parameters without its seed) over their completed
seeds, with the uncertainty that seeds reveal: for the best and the final value of the metric,
the mean (or interquartile mean) and a 95% percentile-bootstrap interval (10,000 seeded
resamples); P(better than the next configuration down) by the bootstrap; Welch's two-sided
p-value against it; and whether it is tied with the best (intervals overlap, or P(best better)
is under 0.95). A last line says what the comparison can tell, and roughly how many seeds each
would separate the top two. With fewer than ${MIN_SEEDS_FOR_INTERVALS} seeds per configuration intervals are too
narrow to trust, and it says so. Pruned and failed trials are left out.

Options:
  --top K        how many configurations (default 10)
  --metric M     compare by this metric instead of the sweep's (its best over epochs, and its last)
  --goal G       minimize or maximize M (default: the sweep's goal for its own metric; for another,
                 maximize when the name has acc, auc, f1, precision, recall or score in it)
  --rank-by R    mean (default) or iqm (the mean of the middle half of the seeds)
  --resamples N  bootstrap resamples (default 10000)
  --format F     table (default), json or csv
${DB_FLAG_HELP}
  -h, --help     show this help

Example:
  embsweep compare median-seeds --top 5`,
  run(args, io) {
    const { positionals, values } = parseFlags('compare', args, {
      db: { type: 'string' },
      top: { type: 'string' },
      metric: { type: 'string' },
      goal: { type: 'string' },
      'rank-by': { type: 'string' },
      resamples: { type: 'string' },
      format: { type: 'string' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const [sweep, ...extra] = positionals;
    if (sweep === undefined || extra.length > 0)
      throw new UsageError('expected one sweep name (see "embsweep ls")', 'compare');
    const top = wholeNumber(text(values.top), '--top', 10);
    const resamples = wholeNumber(text(values.resamples), '--resamples', 10_000);
    const format = parseFormat(values.format, 'compare');
    const rankBy = oneOf(text(values['rank-by']), '--rank-by', ['mean', 'iqm'] as const);
    const goalFlag = oneOf(text(values.goal), '--goal', ['minimize', 'maximize'] as const);
    const reader = ResultsReader.open(resolveDbPath(values.db, io.cwd));
    try {
      const spec = reader.sweepSpec(sweep);
      const metric = text(values.metric) ?? spec.metric.name;
      const known = reader.metricNames(reader.sweep(sweep).id);
      if (metric !== spec.metric.name && !known.includes(metric)) {
        const near = closestName(metric, known);
        throw new UsageError(
          `sweep "${sweep}" has no metric "${metric}"${near ? `; did you mean "${near}"?` : ''} Metrics: ${known.join(', ')}`,
          'compare',
        );
      }
      const goal =
        goalFlag ??
        (metric === spec.metric.name
          ? spec.metric.goal
          : HIGHER_IS_BETTER.test(metric)
            ? 'maximize'
            : 'minimize');
      const comparison = compareSweep(reader, sweep, { metric, goal, rankBy: rankBy ?? 'mean', resamples });
      const rows = configurationRows(spec, comparison, metric, format, top);
      if (format === 'json') {
        const json = {
          sweep,
          metric,
          goal,
          rank_by: comparison.rankBy,
          configurations: rows,
          seeds_to_separate_top_two: finiteOrNull(comparison.seedsToSeparateTopTwo),
          verdict: comparison.verdict,
          smallest_sufficient_embedding_dim: smallestSufficient(comparison) ?? null,
        };
        io.out(`${JSON.stringify(json, null, 2)}\n`);
        return EXIT.ok;
      }
      if (format === 'csv') {
        io.out(`${formatRows(Object.keys(rows[0] ?? {}), rows, 'csv')}\n`);
        return EXIT.ok;
      }
      const shown =
        rows.length < comparison.configurations.length
          ? ` (top ${rows.length} of ${comparison.configurations.length})`
          : '';
      io.out(
        `Configurations of "${sweep}" by ${metric} (${goal}), ${comparison.rankBy} over completed seeds${shown}:\n` +
          (rows.length === 0 ? '' : `${formatRows(Object.keys(rows[0] ?? {}), rows, 'table')}\n\n`) +
          `${comparison.verdict}\n` +
          sufficientLine(comparison),
      );
      return EXIT.ok;
    } finally {
      reader.close();
    }
  },
};

/** "Smallest sufficient embedding_dim: ..." when the sweep varies it; else nothing. */
export function sufficientLine(comparison: Comparison): string {
  const text = describeSmallestSufficient(smallestSufficient(comparison));
  return text === '' ? '' : `${text}\n`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function wholeNumber(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} must be a whole number from 1 up; got "${value}"`, 'compare');
  return n;
}

function oneOf<T extends string>(
  value: string | undefined,
  flag: string,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be ${allowed.join(' or ')}; got "${value}"`, 'compare');
}

function finiteOrNull(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}
