import { flatParams, importanceDomains, pedAnova } from '@embsweep/core';
import type { ResultsReader } from './results-reader.js';

/**
 * PED-ANOVA importance of the parameters a sweep varies, over its completed trials by the
 * sweep's metric (see pedAnova): what `embsweep importance` prints and the dashboard draws.
 */
export function sweepImportance(
  reader: ResultsReader,
  sweep: string,
  quantile = 0.1,
): { readonly trials: number; readonly importance: Readonly<Record<string, number>> } {
  const spec = reader.sweepSpec(sweep);
  const trials = reader
    .completedTrialValues(sweep, spec.metric.name, spec.metric.goal)
    .flatMap((t) =>
      t.best === null
        ? []
        : [{ params: flatParams(JSON.parse(t.params) as Record<string, unknown>), value: t.best }],
    );
  return {
    trials: trials.length,
    importance: pedAnova(trials, importanceDomains(spec, trials), spec.metric.goal, quantile),
  };
}
