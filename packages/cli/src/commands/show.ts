import { closestName, type TrialState } from '@embsweep/core';
import { ResultsReader } from '@embsweep/store';
import { DB_FLAG_HELP, resolveDbPath } from '../db-path.js';
import { formatRows, showCell } from '../format-rows.js';
import { parseFormat } from '../parse-format.js';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { trialRows } from './trial-columns.js';

export const showCommand: Command = {
  name: 'show',
  help: `Usage: embsweep show <sweep> [--sort COLUMN] [--desc] [--state STATE] [--format table|json|csv] [--db PATH]

Prints one row per trial of the sweep: its place in the plan, seed, the parameters the sweep
varies, state, best value of the sweep's metric and the epoch it was reached, epochs run,
duration, and the failure reason if any.

Options:
  --sort COLUMN  sort by any column shown (default: trial); numbers sort numerically
  --desc         sort descending
  --state STATE  only trials in this state (pending, running, completed, failed, pruned, interrupted)
  --format F     table (default), json or csv
${DB_FLAG_HELP}
  -h, --help     show this help

Examples:
  embsweep show quick-grid --sort best_val_loss
  embsweep show quick-grid --state failed --format json`,
  run(args, io) {
    const { positionals, values } = parseFlags('show', args, {
      db: { type: 'string' },
      sort: { type: 'string' },
      desc: { type: 'boolean' },
      state: { type: 'string' },
      format: { type: 'string' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const [sweep, ...extra] = positionals;
    if (sweep === undefined || extra.length > 0)
      throw new UsageError('expected one sweep name (see "embsweep ls")', 'show');
    const format = parseFormat(values.format, 'show');
    const reader = ResultsReader.open(resolveDbPath(values.db, io.cwd));
    try {
      const spec = reader.sweepSpec(sweep);
      let rows = trialRows(spec, reader.trialSummaries(sweep));
      if (typeof values.state === 'string') {
        const state = values.state as TrialState;
        const states = ['pending', 'running', 'completed', 'failed', 'pruned', 'interrupted'];
        if (!states.includes(state))
          throw new UsageError(`--state must be one of ${states.join(', ')}; got "${state}"`, 'show');
        rows = rows.filter((r) => String(r['state']).split(' ')[0] === state);
      }
      const columns = Object.keys(trialRows(spec, [{ params: '{}' }])[0] ?? {});
      const sortBy = typeof values.sort === 'string' ? values.sort : 'trial';
      if (!columns.includes(sortBy)) {
        const near = closestName(sortBy, columns);
        throw new UsageError(
          `cannot sort by "${sortBy}"${near ? `; did you mean "${near}"?` : ''} Columns: ${columns.join(', ')}`,
          'show',
        );
      }
      rows.sort((a, b) => compare(a[sortBy], b[sortBy]) * (values.desc ? -1 : 1));
      io.out(`${formatRows(columns, rows, format)}\n`);
      return EXIT.ok;
    } finally {
      reader.close();
    }
  },
};

/** Numbers numerically, text alphabetically, empty values last in either direction of --desc. */
function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return showCell(a).localeCompare(showCell(b));
}
