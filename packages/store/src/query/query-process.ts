// The child process that runs one user query for runQuery, so that a runaway query (an endless
// recursive CTE) is stopped by ending this process while the caller lives on.
import { serializeError } from '@embsweep/core/errors';
import type { QueryReply, QueryRequest } from './query-protocol.js';
import { startWatchdog } from './query-watchdog.js';
import { readQuery } from './read-query.js';

process.once('message', (request: QueryRequest) => {
  // Also ends a query whose parent died (e.g. of a SIGINT) rather than let it run on.
  const watchdog = startWatchdog({ timeoutMs: request.timeoutMs, parentPid: process.ppid });
  let reply: QueryReply;
  try {
    const result = readQuery(request.path, request.sql, request, (dir) => watchdog.removeOnKill(dir));
    reply = { type: 'result', result };
  } catch (error) {
    reply = { type: 'error', error: serializeError(error) };
  }
  process.send?.(reply, () => process.exit(0));
});
