// The API of the `embsweep` package, for TypeScript and JavaScript code: define a sweep as a
// typed object (or point at a sweep file), run it, and read its results. The same validation,
// errors and results database as the command line (docs/api.md).
export { defineSweep } from './define-sweep.js';
export { loadSweep, type LoadOptions } from './load-sweep.js';
export { runSweep, type RunOptions, type SweepOutcome } from './run-sweep.js';
export { openResults, compareSweep } from './open-results.js';
export type { SweepFile, ParameterInput } from '@embsweep/core/sweep-file';
export {
  EmbsweepError,
  ConfigError,
  DataError,
  SILENT_LOGGER,
  type Logger,
  type SweepSpec,
  type TrialRecord,
  type Comparison,
  type ConfigurationStats,
} from '@embsweep/core';
export type { ResultsReader, SummaryRow } from '@embsweep/store';
export type { ModelContext } from '@embsweep/trainer';
