import { cellId } from '../search/cell-id.js';
import type { ParameterValues } from '../search/parameter-values.js';
import { SweepHistory } from '../search/search-history.js';
import type { SearchStrategy } from '../search/search-strategy.js';

/**
 * For tests and benchmarks: an ask-and-tell loop of `trials` configurations, each scored by
 * `objective` (minimised) as one completed one-epoch trial before the next is asked for.
 */
export function askAndTell(
  strategy: SearchStrategy,
  objective: (params: ParameterValues) => number,
  trials: number,
): { history: SweepHistory; proposals: ParameterValues[]; values: number[] } {
  const history = new SweepHistory('minimize');
  const proposals: ParameterValues[] = [];
  const values: number[] = [];
  for (let i = 0; i < trials; i++) {
    const params = strategy.next(history) ?? {};
    proposals.push(params);
    history.upsert({
      id: i,
      index: i,
      configIndex: i,
      cellId: cellId(params, 0, i),
      params,
      seed: 0,
      state: 'running',
    });
    const value = objective(params);
    values.push(value);
    history.recordEpoch(i, 1, value);
    history.setState(i, 'completed');
  }
  return { history, proposals, values };
}
