import { fork } from 'node:child_process';
import { EmbsweepError, QueryError, StoreError, type SerializedError } from '@embsweep/core/errors';
import type { QueryReply, QueryRequest, QueryResult } from './query-protocol.js';

const QUERY_PROCESS = new URL('./query-process.js', import.meta.url);

export interface QueryLimits {
  /** Most rows returned; more are cut and `truncated` says 'rows'. @default 10000 */
  readonly maxRows?: number;
  /** Most bytes of values returned; past them `truncated` says 'bytes'. @default 64 MiB */
  readonly maxBytes?: number;
  /** Milliseconds before the query process is killed. @default 10000 */
  readonly timeoutMs?: number;
}

/** The longest time limit a query may have: one day (Node's timers overflow past 2^31 - 1 ms). */
export const MAX_QUERY_TIMEOUT_MS = 86_400_000;

/**
 * Runs one user-supplied SQL statement against a results database, strictly read-only and
 * bounded: in its own process, on a read-only connection with query_only on, refusing
 * anything SQLite does not classify as a read-only reader, with a row limit, and killed when
 * it exceeds the time limit. Used by `embsweep query`.
 */
export async function runQuery(path: string, sql: string, limits: QueryLimits = {}): Promise<QueryResult> {
  const maxRows = limits.maxRows ?? 10_000;
  const maxBytes = limits.maxBytes ?? 64 * 1024 * 1024;
  const timeoutMs = Math.min(limits.timeoutMs ?? 10_000, MAX_QUERY_TIMEOUT_MS);
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
      finish(() =>
        reject(
          new QueryError(
            'query_timeout',
            `the query ran longer than ${timeoutMs / 1000} s and was stopped; narrow it (WHERE, LIMIT) or raise --timeout`,
          ),
        ),
      );
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
