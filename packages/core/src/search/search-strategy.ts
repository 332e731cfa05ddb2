import type { ParameterValues } from './parameter-values.js';
import type { SearchHistory } from './search-history.js';

/**
 * Proposes configurations, one at a time, asked and told like Optuna's samplers: whenever a
 * slot is free the scheduler asks `next` with the sweep's whole history in hand (every trial's
 * parameters, seed, state and metric curve, and what is running now), runs what it gets, and
 * the results become part of the history it passes next time.
 *
 * Rules every strategy keeps:
 * - the answer depends only on the history (and the strategy's own settings): a strategy's
 *   random stream is derived from its seed and the configuration number, never from how many
 *   times it was called, so a resumed sweep, or a second scheduler handed the same history,
 *   gets the same answer;
 * - it may keep caches to answer faster, but only ones that stay valid as the history grows.
 *
 * New strategies are classes passed to runSweep; the one place that maps a sweep file's
 * `method` to a class is the CLI (packages/cli/src/registry.ts).
 */
export interface SearchStrategy {
  /**
   * The next configuration to try (configuration number `history.configCount`), or undefined
   * when the search space is exhausted.
   */
  next(history: SearchHistory): ParameterValues | undefined;
  /**
   * How many configurations it proposes without looking at results: 'all' for grid and
   * random (so `embsweep plan` lists the whole plan); a model-based strategy gives the size
   * of its random start-up, which is all `plan` can show of it.
   */
  readonly plansAhead: number | 'all';
}
