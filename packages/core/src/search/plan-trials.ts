import { flattenParameters } from '../sweep-spec/parameter-spec.js';
import type { SweepSpec } from '../sweep-spec/sweep-spec.js';
import { GridSearch } from './grid-search.js';
import { nextTrial, type NewTrial } from './next-trial.js';
import { SweepHistory } from './search-history.js';
import type { SearchStrategy } from './search-strategy.js';

/** One trial of a sweep's plan: a configuration, the seed it trains with, and its position. */
export interface PlannedTrial extends NewTrial {
  /** Position in the sweep's order, from 0. */
  readonly index: number;
}

/**
 * The trials a sweep would start, in order, as far as the strategy proposes without results
 * (all of them for grid and random; the start-up of a model-based strategy): exactly what the
 * scheduler creates when nothing has finished yet. Lazy, so `embsweep plan` can stream a huge
 * plan and stop early.
 */
export function* iteratePlan(
  spec: Pick<SweepSpec, 'seeds' | 'run_cap' | 'metric'> & Partial<Pick<SweepSpec, 'seed_order'>>,
  strategy: SearchStrategy,
): Generator<PlannedTrial> {
  const history = new SweepHistory(spec.metric.goal);
  const configLimit = strategy.plansAhead === 'all' ? Infinity : strategy.plansAhead;
  for (let index = 0; ; index++) {
    const trial = nextTrial(spec, strategy, history);
    if (trial === undefined || trial.configIndex >= configLimit) return;
    history.upsert({ ...trial, id: index, index, state: 'pending' });
    yield { ...trial, index };
  }
}

/** The first `limit` trials of the plan (all of them by default), as an array. */
export function planTrials(
  spec: Pick<SweepSpec, 'seeds' | 'run_cap' | 'metric'> & Partial<Pick<SweepSpec, 'seed_order'>>,
  strategy: SearchStrategy,
  limit = Infinity,
): PlannedTrial[] {
  const out: PlannedTrial[] = [];
  if (limit <= 0) return out;
  for (const trial of iteratePlan(spec, strategy)) {
    out.push(trial);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * How many trials a sweep will run, without enumerating them (a grid can be astronomically
 * large): the grid size times the seeds, or run_cap when it is smaller.
 */
export function countTrials(spec: SweepSpec): number {
  const cap = spec.run_cap ?? Infinity;
  if (spec.method !== 'grid') return cap;
  const grid = new GridSearch(flattenParameters(spec.parameters));
  return Math.min(cap, grid.size * spec.seeds.length);
}
