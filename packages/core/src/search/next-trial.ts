import type { SweepSpec } from '../sweep-spec/sweep-spec.js';
import { cellId } from './cell-id.js';
import type { ParameterValues } from './parameter-values.js';
import type { SearchHistory } from './search-history.js';
import type { SearchStrategy } from './search-strategy.js';

/** A trial to create: the store gives it the next index. */
export interface NewTrial {
  readonly configIndex: number;
  readonly params: ParameterValues;
  readonly seed: number;
  /** Deterministic identity of the cell, unique within the sweep. */
  readonly cellId: string;
}

/**
 * The sweep's next trial, given its history, in the sweep's seed order (see SEED_ORDERS).
 * Undefined when run_cap is reached or the strategy is exhausted. Pure: the store calls it
 * inside the write transaction that inserts its answer, so two schedulers never create the
 * same trial or pass run_cap, and a resumed sweep continues the same sequence.
 */
export function nextTrial(
  spec: Pick<SweepSpec, 'seeds' | 'run_cap'> & Partial<Pick<SweepSpec, 'seed_order'>>,
  strategy: SearchStrategy,
  history: SearchHistory,
): NewTrial | undefined {
  if (spec.run_cap !== undefined && history.trials.length >= spec.run_cap) return undefined;
  return spec.seed_order === 'config-major' || spec.seeds.length === 1
    ? configMajor(spec, strategy, history)
    : seedMajor(spec, strategy, history);
}

/**
 * The first seed of every configuration before the second seed of any: new configurations
 * (with the first seed) while the strategy has them and run_cap leaves room for all their
 * seeds, then the second seed of each configuration in order, then the third...
 */
function seedMajor(
  spec: Pick<SweepSpec, 'seeds' | 'run_cap'>,
  strategy: SearchStrategy,
  history: SearchHistory,
) {
  const configs = spec.run_cap === undefined ? Infinity : Math.ceil(spec.run_cap / spec.seeds.length);
  if (history.configCount < configs) {
    const params = strategy.next(history);
    if (params !== undefined) {
      const configIndex = (history.newestConfig?.configIndex ?? -1) + 1;
      return identified(history, { configIndex, params, seed: spec.seeds[0] ?? 0 });
    }
  }
  for (const seed of spec.seeds.slice(1)) {
    const config = history.configWithout(seed);
    if (config !== undefined) return identified(history, { ...config, seed });
  }
  return undefined;
}

/** All seeds of a configuration, one after another, before the next configuration. */
function configMajor(spec: Pick<SweepSpec, 'seeds'>, strategy: SearchStrategy, history: SearchHistory) {
  const newest = history.newestConfig;
  const missing = newest && spec.seeds.find((s) => !newest.seeds.has(s));
  if (newest !== undefined && missing !== undefined) {
    return identified(history, { configIndex: newest.configIndex, params: newest.params, seed: missing });
  }
  const params = strategy.next(history);
  if (params === undefined) return undefined;
  const configIndex = (newest?.configIndex ?? -1) + 1;
  return identified(history, { configIndex, params, seed: spec.seeds[0] ?? 0 });
}

/**
 * Gives the trial its cell id: a hash of (params, seed), or, when a random search drew a
 * configuration again, of (params, seed, configIndex), so the repeat is a trial of its own.
 */
function identified(history: SearchHistory, trial: Omit<NewTrial, 'cellId'>): NewTrial {
  const plain = cellId(trial.params, trial.seed);
  return {
    ...trial,
    cellId: history.hasCell(plain) ? cellId(trial.params, trial.seed, trial.configIndex) : plain,
  };
}
