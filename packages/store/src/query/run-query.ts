import { fork } from 'node:child_process';
import { EmbsweepError, QueryError, StoreError, type SerializedError } from '@embsweep/core/errors';
import type { QueryReply, QueryRequest, QueryResult } from './query-protocol.js';
import { timeoutMessage, withDefaults, type QueryLimits } from './query-limits.js';

const QUERY_PROCESS = new URL('./query-process.js', import.meta.url);

/**
 * Runs one user-supplied SQL statement against a results database, strictly read-only and
 * bounded (see readQuery), in a process of its own that is killed when the query passes its
 * time limit, so the caller lives on. For callers that run for long; `embsweep query` uses
 * runQueryHere.
 */
export async function runQuery(path: string, sql: string, limits: QueryLimits = {}): Promise<QueryResult> {
  const { maxRows, maxBytes, timeoutMs } = withDefaults(limits);
  const child = fork(QUERY_PROCESS, [], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<QueryResult>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(() => reject(new QueryError('query_timeout', timeoutMessage(timeoutMs))));
    }, timeoutMs);
    child.once('message', (reply: QueryReply) => {
      // The answer is in: the process ends by itself, and need not hold this one open meanwhile.
      child.unref();
      child.channel?.unref();
      child.stderr?.destroy();
      finish(() => (reply.type === 'result' ? resolve(reply.result) : reject(revive(reply.error))));
    });
    child.once('exit', (code, signal) => {
      finish(() =>
        reject(
          new StoreError(
            'store_failed',
            `the query process ended without an answer (${signal ?? `exit code ${code}`}): ${stderr.trim()}`,
          ),
        ),
      );
    });
    const request: QueryRequest = { type: 'query', path, sql, maxRows, maxBytes, timeoutMs };
    child.send(request);
  });
}

function revive(error: SerializedError): EmbsweepError {
  const revived = new EmbsweepError(error.code, error.message);
  revived.name = error.name;
  return revived;
}
