import { compareConfigurations, type Comparison, type ConfigTrial } from '@embsweep/core';
import type { CompletedTrialValue, ResultsReader } from './results-reader.js';

export interface CompareSweepOptions {
  /** Compare by this metric (default: the sweep's). */
  readonly metric?: string;
  /** Its goal (default: the sweep's). */
  readonly goal?: 'minimize' | 'maximize';
  readonly rankBy?: 'mean' | 'iqm';
  readonly resamples?: number;
}

/**
 * The completed configurations of a sweep compared across their seeds (see
 * compareConfigurations): what `embsweep compare`, `best`, and the dashboard's configurations
 * table show.
 */
export function compareSweep(
  reader: ResultsReader,
  sweep: string,
  options: CompareSweepOptions = {},
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

function configTrials(rows: readonly CompletedTrialValue[]): ConfigTrial[] {
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
