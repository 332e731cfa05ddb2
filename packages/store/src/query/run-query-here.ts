import type { QueryResult } from './query-protocol.js';
import { timeoutMessage, withDefaults, type QueryLimits } from './query-limits.js';
import { startWatchdog } from './query-watchdog.js';
import { readQuery } from './read-query.js';

/**
 * Runs one user query like runQuery, but in this process, for a short-lived program whose
 * only job is the query (`embsweep query`): it saves starting a second Node process, which
 * is most of the command's time. Past the time limit this process writes
 * `embsweep: <why>` to stderr and is killed (exit status 137): nothing else can stop SQLite
 * in the middle of a statement. A long-lived caller (a server) must use runQuery.
 */
export function runQueryHere(path: string, sql: string, limits: QueryLimits = {}): QueryResult {
  const { maxRows, maxBytes, timeoutMs } = withDefaults(limits);
  const watchdog = startWatchdog({ timeoutMs, lastWords: `embsweep: ${timeoutMessage(timeoutMs)}\n` });
  try {
    return readQuery(path, sql, { maxRows, maxBytes }, (dir) => watchdog.removeOnKill(dir));
  } finally {
    watchdog.stop();
  }
}
