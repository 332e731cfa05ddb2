import type { SerializedError } from '@embsweep/core';

/** What the parent sends the query process: one statement to run against one database. */
export interface QueryRequest {
  readonly type: 'query';
  readonly path: string;
  readonly sql: string;
  readonly maxRows: number;
  /** Most bytes of cell values (strings as UTF-8, blobs as their hex text, numbers as 8). */
  readonly maxBytes: number;
  /** The query process kills itself this many milliseconds after it got the request. */
  readonly timeoutMs: number;
}

/** Rows as JSON-safe values: numbers (NaN never occurs in SQLite), strings, null, blobs as hex. */
export type Cell = number | string | null;

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /**
   * Why the rows stop early: 'rows' when the query had more than maxRows, 'bytes' when its
   * values passed maxBytes; false when every row is there.
   */
  readonly truncated: false | 'rows' | 'bytes';
}

/** What the query process answers: exactly one message, then it exits. */
export type QueryReply =
  | { readonly type: 'result'; readonly result: QueryResult }
  | { readonly type: 'error'; readonly error: SerializedError };
