import { rmSync } from 'node:fs';
import { QueryError } from '@embsweep/core/errors';
import type { Db } from '../open-database.js';
import { openForReading } from '../open-for-reading.js';
import { checkQueryText } from './check-query.js';
import type { Cell, QueryResult } from './query-protocol.js';

export interface ReadLimits {
  readonly maxRows: number;
  /** Most bytes of cell values (strings as UTF-8, blobs as their hex text, numbers as 8). */
  readonly maxBytes: number;
}

/**
 * Runs one user-supplied statement on a read-only connection with query_only on, refusing
 * anything SQLite does not classify as a read-only reader, and stopping at the row and byte
 * limits. It runs synchronously and cannot be interrupted: callers bound its time (see
 * runQuery and runQueryHere). SQLite's own errors (a bad column, a syntax error) come back
 * as QueryErrors, since they are the user's query, not a failure of ours. `onSnapshot` learns
 * the folder of a snapshot copy (see openForReading) as soon as there is one, so that whoever
 * may kill this process can remove it.
 */
export function readQuery(
  path: string,
  sql: string,
  limits: ReadLimits,
  onSnapshot?: (dir: string) => void,
): QueryResult {
  try {
    checkQueryText(sql);
    const { db, snapshotDir } = openForReading(path);
    if (snapshotDir !== undefined) onSnapshot?.(snapshotDir);
    try {
      return read(db, sql, limits);
    } finally {
      db.close();
      if (snapshotDir !== undefined) rmSync(snapshotDir, { recursive: true, force: true });
    }
  } catch (error) {
    throw asQueryError(error);
  }
}

function read(db: Db, sql: string, limits: ReadLimits): QueryResult {
  db.pragma('query_only = ON');
  const statement = prepare(db, sql);
  statement.raw(true);
  const columns = statement.columns().map((c) => c.name);
  const rows: Cell[][] = [];
  let bytes = 0;
  for (const row of statement.iterate() as Iterable<unknown[]>) {
    if (rows.length === limits.maxRows) return { columns, rows, truncated: 'rows' };
    const cells = row.map(toCell);
    bytes += cells.reduce<number>((n, c) => n + cellBytes(c), 0);
    if (bytes > limits.maxBytes) return { columns, rows, truncated: 'bytes' };
    rows.push(cells);
  }
  return { columns, rows, truncated: false };
}

function prepare(db: Db, sql: string) {
  let statement;
  try {
    statement = db.prepare(sql);
  } catch (error) {
    const message = (error as Error).message;
    throw new QueryError(
      'query_rejected',
      /more than one statement/.test(message)
        ? 'give one statement only (no ";" between statements)'
        : `SQLite cannot run this query: ${message}`,
    );
  }
  // SQLite's own classification: a statement that returns rows and changes nothing.
  if (!statement.reader || !statement.readonly)
    throw new QueryError('query_rejected', 'only reading queries run here (SELECT, WITH ... SELECT, VALUES)');
  return statement;
}

function asQueryError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_'))
    return new QueryError('query_rejected', `SQLite: ${(error as Error).message}`);
  return error;
}

function cellBytes(cell: Cell): number {
  return typeof cell === 'string' ? Buffer.byteLength(cell) : 8;
}

function toCell(value: unknown): Cell {
  if (value === null || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return `x'${value.toString('hex')}'`;
  return JSON.stringify(value) ?? typeof value;
}
