export interface QueryLimits {
  /** Most rows returned; more are cut and `truncated` says 'rows'. @default 10000 */
  readonly maxRows?: number;
  /** Most bytes of values returned; past them `truncated` says 'bytes'. @default 64 MiB */
  readonly maxBytes?: number;
  /** Milliseconds before the query is stopped. @default 10000 */
  readonly timeoutMs?: number;
}

/** The longest time limit a query may have: one day (Node's timers overflow past 2^31 - 1 ms). */
export const MAX_QUERY_TIMEOUT_MS = 86_400_000;

/** Every limit, with its default where none was given. */
export function withDefaults(limits: QueryLimits): Required<QueryLimits> {
  return {
    maxRows: limits.maxRows ?? 10_000,
    maxBytes: limits.maxBytes ?? 64 * 1024 * 1024,
    timeoutMs: Math.min(limits.timeoutMs ?? 10_000, MAX_QUERY_TIMEOUT_MS),
  };
}

export function timeoutMessage(timeoutMs: number): string {
  return `the query ran longer than ${timeoutMs / 1000} s and was stopped; narrow it (WHERE, LIMIT) or raise --timeout`;
}
