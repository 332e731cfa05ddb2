import type { ParameterValues } from './parameter-values.js';

/** A configuration proposed earlier in this sweep, with what became of it so far. */
export interface ProposedConfig {
  readonly values: ParameterValues;
  /**
   * The best value of the sweep's metric any of its trials reached, when known. Grid and
   * random ignore it; a model-based strategy (bayes) learns from it.
   */
  readonly bestValue?: number | undefined;
}

/**
 * Proposes the configurations to try. One method, like Optuna's samplers: the scheduler asks,
 * runs, and asks again with the longer history. A strategy keeps no state between calls, so a
 * resumed sweep (or a second scheduler) that passes the same history gets the same answer.
 */
export interface SearchStrategy {
  /**
   * Up to `count` new configurations, in order, given every configuration already proposed
   * (in proposal order). Returns fewer, or none, when the search space is exhausted.
   */
  propose(history: readonly ProposedConfig[], count: number): ParameterValues[];
}
