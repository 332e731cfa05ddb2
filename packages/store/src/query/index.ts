// @embsweep/store/query: the bounded read-only query runners alone, for `embsweep query`,
// which should load nothing else.
export { runQuery } from './run-query.js';
export { runQueryHere } from './run-query-here.js';
export { MAX_QUERY_TIMEOUT_MS, type QueryLimits } from './query-limits.js';
export type { QueryResult, Cell } from './query-protocol.js';
