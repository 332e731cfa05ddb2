// The public API of @embsweep/core: pure types and logic, no I/O. Reading a sweep file (zod
// schemas, validation) is the second entry point, @embsweep/core/sweep-file, so that the
// commands that never read one (ls, query, dashboard) do not pay for loading zod.
export * from './errors.js';
export * from './json-path.js';
export * from './logger.js';
export { closestName } from './suggest.js';

export type { ParsedJson } from './sweep-spec/parse-sweep-json.js';
export * from './sweep-spec/sweep-spec.js';
export * from './sweep-spec/parameter-spec.js';
export * from './sweep-spec/trainer-parameters.js';

export { createRng, sfc32State, type Rng } from './random/rng.js';
export { sampleParameter } from './random/sample-parameter.js';

export type { SearchStrategy } from './search/search-strategy.js';
export {
  SweepHistory,
  type SearchHistory,
  type HistoryTrial,
  type NewestConfig,
} from './search/search-history.js';
export { type ParameterValues, canonicalJson } from './search/parameter-values.js';
export { GridSearch } from './search/grid-search.js';
export { RandomSearch } from './search/random-search.js';
export { nextTrial, type NewTrial } from './search/next-trial.js';
export { cellId } from './search/cell-id.js';
export { planTrials, iteratePlan, countTrials, type PlannedTrial } from './search/plan-trials.js';

export * from './early-stopping/early-stopper.js';
export { hyperbandBands } from './early-stopping/hyperband-bands.js';
export { HyperbandStopper } from './early-stopping/hyperband.js';
export { MedianStopper } from './early-stopping/median.js';
export { NEVER_STOP } from './early-stopping/never-stop.js';

export * from './trials/trial-state.js';
export { topTrials } from './trials/top-trials.js';
export { searchSpaceHash } from './search/search-space-hash.js';

export type * from './store/records.js';
export type * from './store/store.js';
export * from './protocol/worker-messages.js';
export * from './protocol/executor.js';
export { resolveSweepPath, sweepFiles, PATH_PARAMETER } from './sweep-spec/sweep-files.js';
export { MAX_CONCURRENCY } from './sweep-spec/limits.js';
export { decodeUtf8Text, type DecodedText } from './text/decode-text.js';
export { TpeSearch, type TpeOptions } from './search/tpe/tpe-search.js';
export { AshaStopper } from './early-stopping/asha.js';
export * from './stats/index.js';
export { downsample, keptIndices } from './curves/downsample.js';
