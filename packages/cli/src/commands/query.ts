import { existsSync } from 'node:fs';
import { StoreError } from '@embsweep/core';
import { runQuery } from '@embsweep/store';
import { DB_FLAG_HELP, resolveDbPath } from '../db-path.js';
import { formatRows } from '../format-rows.js';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { parseFormat } from './show.js';

export const queryCommand: Command = {
  name: 'query',
  help: `Usage: embsweep query "<SQL>" [--format table|json|csv] [--max-rows N] [--timeout SECONDS] [--db PATH]

Runs one SELECT (or WITH ... SELECT, or VALUES) against the results database. The tables and
views (trial_summary, curves, config_summary, ...) are documented in docs/results-database.md.
Strictly read-only and bounded: writes, ATTACH, PRAGMA and more than one statement are
refused; a query is stopped after --timeout seconds; at most --max-rows rows are printed.

Options:
  --format F       table (default), json or csv
  --max-rows N     most rows to print (default 10000)
  --timeout S      seconds before the query is stopped (default 10)
${DB_FLAG_HELP}
  -h, --help       show this help

Example:
  embsweep query "SELECT embedding_dim, MIN(best_value) FROM trial_summary GROUP BY embedding_dim"`,
  async run(args, io) {
    const { positionals, values } = parseFlags('query', args, {
      db: { type: 'string' },
      format: { type: 'string' },
      'max-rows': { type: 'string' },
      timeout: { type: 'string' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const [sql, ...extra] = positionals;
    if (sql === undefined || extra.length > 0)
      throw new UsageError('expected the SQL as one argument (in quotes)', 'query');
    const format = parseFormat(values.format, 'query');
    const maxRows = positiveNumber(values['max-rows'], 10_000, '--max-rows');
    const timeoutS = positiveNumber(values.timeout, 10, '--timeout');
    const path = resolveDbPath(values.db, io.cwd);
    if (!existsSync(path))
      throw new StoreError(
        'store_failed',
        `no results database at ${path}; run a sweep first, or point --db (or EMBSWEEP_DB) at one`,
      );
    const result = await runQuery(path, sql, { maxRows, timeoutMs: timeoutS * 1000 });
    const rows = result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i]])));
    io.out(`${formatRows(result.columns, rows, format)}\n`);
    if (result.truncated)
      io.err(`(only the first ${maxRows} rows are shown; raise --max-rows or add LIMIT)\n`);
    return EXIT.ok;
  },
};

function positiveNumber(value: unknown, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`${flag} must be a number above 0; got ${JSON.stringify(value)}`, 'query');
  return n;
}
