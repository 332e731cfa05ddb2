import { GridSearch, flattenParameters, planTrials, type PlannedTrial, type SweepSpec } from '@embsweep/core';

/** For tests and benchmarks: every trial of a grid sweep, in order (the CLI picks strategies in the product). */
export function gridPlan(spec: SweepSpec): PlannedTrial[] {
  return planTrials(spec, new GridSearch(flattenParameters(spec.parameters)));
}
