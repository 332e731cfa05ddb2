// The public API of @embsweep/core: pure types and logic, no I/O.
export * from './errors.js';
export * from './json-path.js';
export * from './logger.js';
export { closestName } from './suggest.js';

export { parseSweepJson, type ParsedJson } from './sweep-spec/parse-sweep-json.js';
export { validateSweep, SCHEMA_VERSION } from './sweep-spec/validate-sweep.js';
export * from './sweep-spec/sweep-spec.js';
export * from './sweep-spec/parameter-spec.js';
export { DISTRIBUTIONS } from './sweep-spec/parameter-schema.js';
export * from './sweep-spec/trainer-parameters.js';

export { createRng, type Rng } from './random/rng.js';
export { sampleParameter } from './random/sample-parameter.js';

export type { SearchStrategy, ProposedConfig } from './search/search-strategy.js';
export { type ParameterValues, canonicalJson } from './search/parameter-values.js';
export { GridSearch } from './search/grid-search.js';
export { RandomSearch } from './search/random-search.js';
export {
  planTrials,
  countTrials,
  createSearchStrategy,
  cellId,
  type PlannedTrial,
} from './search/plan-trials.js';

export * from './early-stopping/early-stopper.js';
export { hyperbandBands } from './early-stopping/hyperband-bands.js';
export { HyperbandStopper } from './early-stopping/hyperband.js';
export { MedianStopper } from './early-stopping/median.js';
export { createEarlyStopper, NEVER_STOP } from './early-stopping/create-early-stopper.js';

export * from './trials/trial-state.js';
export { searchSpaceHash } from './search/search-space-hash.js';

export type * from './store/records.js';
export type * from './store/store.js';
export * from './protocol/worker-messages.js';
export * from './protocol/executor.js';
