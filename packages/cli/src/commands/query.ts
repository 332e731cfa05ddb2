import { existsSync } from 'node:fs';
import { StoreError } from '@embsweep/core/errors';
// The query module alone: `embsweep query` should start about as fast as Node itself.
import { MAX_QUERY_TIMEOUT_MS, runQueryHere } from '@embsweep/store/query';
import { DB_FLAG_HELP, resolveDbPath } from '../db-path.js';
import { formatRows } from '../format-rows.js';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { parseFormat } from '../parse-format.js';

export const queryCommand: Command = {
  name: 'query',
  help: `Usage: embsweep query "<SQL>" [--format table|json|csv] [--max-rows N] [--max-mb M] [--timeout SECONDS] [--db PATH]

Runs one SELECT (or WITH ... SELECT, or VALUES) against the results database. The tables and
views (trial_summary, curves, config_summary, ...) are documented in docs/results-database.md.
Strictly read-only and bounded: writes, ATTACH, PRAGMA and more than one statement are
refused; a query is stopped after --timeout seconds (the command then says so and ends with
exit status 137: SQLite cannot be interrupted in the middle of a statement, so the process is
killed); at most --max-rows rows, and at most --max-mb megabytes of values, are printed.

Options:
  --format F       table (default), json or csv
  --max-rows N     most rows to print: a whole number from 1 (default 10000)
  --max-mb M       most megabytes of values to print (default 64)
  --timeout S      seconds before the query is stopped, above 0 and at most 86400 (default 10)
${DB_FLAG_HELP}
  -h, --help       show this help

Example:
  embsweep query "SELECT embedding_dim, MIN(best_value) FROM trial_summary GROUP BY embedding_dim"`,
  run(args, io) {
    const { positionals, values } = parseFlags('query', args, {
      db: { type: 'string' },
      format: { type: 'string' },
      'max-rows': { type: 'string' },
      'max-mb': { type: 'string' },
      timeout: { type: 'string' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const [sql, ...extra] = positionals;
    if (sql === undefined || extra.length > 0)
      throw new UsageError('expected the SQL as one argument (in quotes)', 'query');
    const format = parseFormat(values.format, 'query');
    const maxRows = boundedNumber(values['max-rows'], 10_000, '--max-rows', { whole: true, max: 10_000_000 });
    const maxMb = boundedNumber(values['max-mb'], 64, '--max-mb', { whole: false, max: 4096 });
    const timeoutS = boundedNumber(values.timeout, 10, '--timeout', {
      whole: false,
      max: MAX_QUERY_TIMEOUT_MS / 1000,
    });
    const path = resolveDbPath(values.db, io.cwd);
    if (!existsSync(path))
      throw new StoreError(
        'store_failed',
        `no results database at ${path}; run a sweep first, or point --db (or EMBSWEEP_DB) at one`,
      );
    const result = runQueryHere(path, sql, {
      maxRows,
      maxBytes: maxMb * 1024 * 1024,
      timeoutMs: timeoutS * 1000,
    });
    const rows = result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i]])));
    io.out(`${formatRows(result.columns, rows, format)}\n`);
    if (result.truncated === 'rows')
      io.err(`(only the first ${maxRows} rows are shown; raise --max-rows or add LIMIT)\n`);
    if (result.truncated === 'bytes')
      io.err(
        `(only the first ${result.rows.length} rows are shown: the next would pass ${maxMb} MB of values; select fewer or smaller columns, add LIMIT, or raise --max-mb)\n`,
      );
    return EXIT.ok;
  },
};

/** A number flag within (0, max], whole when asked; the usage message says what is allowed. */
function boundedNumber(
  value: unknown,
  fallback: number,
  flag: string,
  rule: { readonly whole: boolean; readonly max: number },
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  const kind = rule.whole ? 'a whole number from 1' : 'a number above 0';
  if (!Number.isFinite(n) || n <= 0 || n > rule.max || (rule.whole && !Number.isInteger(n)))
    throw new UsageError(`${flag} must be ${kind} up to ${rule.max}; got ${JSON.stringify(value)}`, 'query');
  return n;
}
