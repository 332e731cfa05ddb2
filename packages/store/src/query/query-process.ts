// The child process that runs one user query, so that a runaway query (an endless recursive
// CTE) can be stopped by killing the process: SQLite cannot be interrupted from JavaScript
// while a statement runs, and worker.terminate() does not stop it either.
import { Worker } from 'node:worker_threads';
import { QueryError, serializeError } from '@embsweep/core/errors';
import { rmSync } from 'node:fs';
import { openForReading } from '../open-for-reading.js';
import { checkQueryText } from './check-query.js';
import type { Cell, QueryReply, QueryRequest, QueryResult } from './query-protocol.js';

function run(request: QueryRequest): QueryResult {
  checkQueryText(request.sql);
  const { db, snapshotDir } = openForReading(request.path);
  try {
    db.pragma('query_only = ON');
    let statement;
    try {
      statement = db.prepare(request.sql);
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
    if (!statement.reader || !statement.readonly) {
      throw new QueryError(
        'query_rejected',
        'only reading queries run here (SELECT, WITH ... SELECT, VALUES)',
      );
    }
    statement.raw(true);
    const columns = statement.columns().map((c) => c.name);
    const rows: Cell[][] = [];
    let bytes = 0;
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      if (rows.length === request.maxRows) return { columns, rows, truncated: 'rows' };
      const cells = row.map(toCell);
      bytes += cells.reduce<number>((n, c) => n + cellBytes(c), 0);
      if (bytes > request.maxBytes) return { columns, rows, truncated: 'bytes' };
      rows.push(cells);
    }
    return { columns, rows, truncated: false };
  } finally {
    db.close();
    if (snapshotDir !== undefined) rmSync(snapshotDir, { recursive: true, force: true });
  }
}

function cellBytes(cell: Cell): number {
  return typeof cell === 'string' ? Buffer.byteLength(cell) : 8;
}

/**
 * A thread that ends this process when the time limit passes or when the parent is gone (its
 * pid changed: we were orphaned, e.g. the parent died of a SIGINT). The main thread cannot do
 * it: while SQLite runs a statement, no timer or message of the main thread runs.
 */
function startWatchdog(timeoutMs: number): void {
  const source = `
    const { workerData } = require('node:worker_threads');
    const deadline = Date.now() + workerData.timeoutMs;
    setInterval(() => {
      if (Date.now() > deadline || process.ppid !== workerData.parent) process.kill(process.pid, 'SIGKILL');
    }, 50);`;
  new Worker(source, { eval: true, workerData: { timeoutMs, parent: process.ppid } }).unref();
}

function toCell(value: unknown): Cell {
  if (value === null || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return `x'${value.toString('hex')}'`;
  return JSON.stringify(value) ?? typeof value;
}

process.once('message', (request: QueryRequest) => {
  startWatchdog(request.timeoutMs);
  let reply: QueryReply;
  try {
    reply = { type: 'result', result: run(request) };
  } catch (error) {
    const serialized = serializeError(error);
    // SQLite's own errors (a bad column name, a syntax error) are the user's query, not ours.
    const code = (error as { code?: string }).code;
    reply = {
      type: 'error',
      error:
        typeof code === 'string' && code.startsWith('SQLITE_')
          ? { ...serialized, code: 'query_rejected', message: `SQLite: ${serialized.message}` }
          : serialized,
    };
  }
  process.send?.(reply, () => process.exit(0));
});
