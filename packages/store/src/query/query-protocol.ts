import type { SerializedError } from '@embsweep/core';

/** What the parent sends the query process: one statement to run against one database. */
export interface QueryRequest {
  readonly type: 'query';
  readonly path: string;
  readonly sql: string;
  readonly maxRows: number;
}

/** Rows as JSON-safe values: numbers (NaN never occurs in SQLite), strings, null, blobs as hex. */
export type Cell = number | string | null;

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** True when the query had more rows than maxRows; only the first maxRows are returned. */
  readonly truncated: boolean;
}

/** What the query process answers: exactly one message, then it exits. */
export type QueryReply =
  | { readonly type: 'result'; readonly result: QueryResult }
  | { readonly type: 'error'; readonly error: SerializedError };
