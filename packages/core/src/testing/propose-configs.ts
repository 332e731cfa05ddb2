import { cellId } from '../search/cell-id.js';
import type { ParameterValues } from '../search/parameter-values.js';
import { SweepHistory } from '../search/search-history.js';
import type { SearchStrategy } from '../search/search-strategy.js';

/**
 * For tests: asks a strategy for up to `count` configurations in a row, after a history that
 * already holds `existing` (one trial each), as the scheduler would with one seed.
 */
export function proposeConfigs(
  strategy: SearchStrategy,
  count: number,
  existing: readonly ParameterValues[] = [],
): ParameterValues[] {
  const history = new SweepHistory('minimize');
  const add = (params: ParameterValues) => {
    const index = history.trials.length;
    history.upsert({
      id: index,
      index,
      configIndex: index,
      cellId: cellId(params, index),
      params,
      seed: 0,
      state: 'pending',
    });
  };
  existing.forEach(add);
  const out: ParameterValues[] = [];
  while (out.length < count) {
    const next = strategy.next(history);
    if (next === undefined) break;
    out.push(next);
    add(next);
  }
  return out;
}
