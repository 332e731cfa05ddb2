import { ResultsReader } from '@embsweep/store';
import { DB_FLAG_HELP, resolveDbPath } from '../db-path.js';
import { formatRows } from '../format-rows.js';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { parseFormat } from '../parse-format.js';
import { trialRows } from './trial-columns.js';

export const bestCommand: Command = {
  name: 'best',
  help: `Usage: embsweep best <sweep> [--top N] [--format table|json|csv] [--db PATH]

Prints the trials with the best value of the sweep's metric, best first by the sweep's goal.
A trial counts with its best epoch (the epoch whose weights it keeps), not its last one.

Options:
  --top N     how many trials (default 5)
  --format F  table (default), json or csv
${DB_FLAG_HELP}
  -h, --help  show this help`,
  run(args, io) {
    const { positionals, values } = parseFlags('best', args, {
      db: { type: 'string' },
      top: { type: 'string' },
      format: { type: 'string' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const [sweep, ...extra] = positionals;
    if (sweep === undefined || extra.length > 0)
      throw new UsageError('expected one sweep name (see "embsweep ls")', 'best');
    const top = values.top === undefined ? 5 : Number(values.top);
    if (!Number.isInteger(top) || top < 1)
      throw new UsageError(`--top must be a whole number from 1 up; got "${String(values.top)}"`, 'best');
    const format = parseFormat(values.format, 'best');
    const reader = ResultsReader.open(resolveDbPath(values.db, io.cwd));
    try {
      const spec = reader.sweepSpec(sweep);
      const rows = trialRows(spec, reader.bestTrials(sweep, top));
      if (rows.length === 0 && format === 'table') {
        io.out(`No trial of "${sweep}" has reported ${spec.metric.name} yet.\n`);
        return EXIT.ok;
      }
      const columns = Object.keys(trialRows(spec, [{ params: '{}' }])[0] ?? {});
      io.out(`${formatRows(columns, rows, format)}\n`);
      return EXIT.ok;
    } finally {
      reader.close();
    }
  },
};
