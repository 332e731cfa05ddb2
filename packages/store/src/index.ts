// The public API of @embsweep/store.
export { SqliteStore } from './sqlite-store.js';
export { openDatabase, type Db } from './open-database.js';
export { migrate, loadMigrations, type Migration } from './migrations.js';
export * from './query/index.js';
export { thinCurve, type ThinCurve } from './curve-thumbnails.js';
export {
  ResultsReader,
  type SweepSummary,
  type SummaryRow,
  type CompletedTrialValue,
  type ArtifactInfo,
} from './results-reader.js';
export type { TrialFit } from './trial-fits.js';
export { MAX_ARTIFACT_BYTES } from './sqlite-store.js';
export { compareSweep, type CompareSweepOptions } from './compare-sweep.js';
export { sweepImportance } from './sweep-importance.js';
