// The public API of @embsweep/store.
export { SqliteStore } from './sqlite-store.js';
export { openDatabase, type Db } from './open-database.js';
export { migrate, loadMigrations, type Migration } from './migrations.js';
export { runQuery, MAX_QUERY_TIMEOUT_MS, type QueryLimits } from './query/run-query.js';
export type { QueryResult, Cell } from './query/query-protocol.js';
export type { CurveJson } from './curve-queries.js';
export { ResultsReader, type SweepSummary, type SummaryRow } from './results-reader.js';
