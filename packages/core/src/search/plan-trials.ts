import { createHash } from 'node:crypto';
import { flattenParameters } from '../sweep-spec/parameter-spec.js';
import type { SweepSpec } from '../sweep-spec/sweep-spec.js';
import { GridSearch } from './grid-search.js';
import { canonicalJson, type ParameterValues } from './parameter-values.js';
import { RandomSearch } from './random-search.js';
import type { SearchStrategy } from './search-strategy.js';

/** One trial a sweep will run: a configuration and the seed it trains with. */
export interface PlannedTrial {
  /** Position in the sweep's order, from 0. */
  readonly index: number;
  /** Which proposed configuration this is, from 0; seeds of one configuration share it. */
  readonly configIndex: number;
  readonly params: ParameterValues;
  readonly seed: number;
  /** Deterministic identity of (params, seed): the same cell in any run of the same sweep. */
  readonly cellId: string;
}

/** The strategy a sweep's `method` names. The composition of strategies lives here only. */
export function createSearchStrategy(spec: SweepSpec): SearchStrategy {
  const params = flattenParameters(spec.parameters);
  switch (spec.method) {
    case 'grid':
      return new GridSearch(params);
    case 'random':
      return new RandomSearch(params, spec.search_seed);
  }
}

/**
 * Every trial of a sweep, in the order they are started: each proposed configuration once per
 * seed (configuration-major, so all seeds of a configuration finish close together), stopping
 * at run_cap or when the grid is exhausted. Used by `embsweep plan` and by the scheduler.
 */
export function planTrials(spec: SweepSpec): PlannedTrial[] {
  const strategy = createSearchStrategy(spec);
  const cap = spec.run_cap ?? Infinity;
  const configsNeeded = Math.ceil(cap / spec.seeds.length);
  const configs: ParameterValues[] = [];
  const batch = 256;
  while (configs.length < configsNeeded) {
    const wanted = Math.min(batch, configsNeeded - configs.length);
    const next = strategy.propose(
      configs.map((values) => ({ values })),
      wanted,
    );
    configs.push(...next);
    if (next.length < wanted) break;
  }
  const trials: PlannedTrial[] = [];
  for (const [configIndex, params] of configs.entries()) {
    for (const seed of spec.seeds) {
      if (trials.length >= cap) return trials;
      trials.push({ index: trials.length, configIndex, params, seed, cellId: cellId(params, seed) });
    }
  }
  return trials;
}

/** A short stable id for (params, seed): 16 hex digits of SHA-256 over their canonical JSON. */
export function cellId(params: ParameterValues, seed: number): string {
  return createHash('sha256').update(canonicalJson({ params, seed })).digest('hex').slice(0, 16);
}

/**
 * How many trials a sweep will run, without enumerating them (a grid can be astronomically
 * large): the grid size times the seeds, or run_cap when it is smaller.
 */
export function countTrials(spec: SweepSpec): number {
  const cap = spec.run_cap ?? Infinity;
  if (spec.method === 'random') return cap;
  const grid = new GridSearch(flattenParameters(spec.parameters));
  return Math.min(cap, grid.size * spec.seeds.length);
}
