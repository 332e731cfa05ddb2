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
Only completed trials count, unless --include-partial: a pruned trial's best comes from fewer
epochs (shown as "pruned at epoch k") and is not comparable with a finished trial's.

Options:
  --top N     how many trials (default 5)
  --include-partial  also rank pruned, interrupted and failed trials by what they reached
  --format F  table (default), json or csv
${DB_FLAG_HELP}
  -h, --help  show this help`,
  run(args, io) {
    const { positionals, values } = parseFlags('best', args, {
      db: { type: 'string' },
      top: { type: 'string' },
      format: { type: 'string' },
      'include-partial': { type: 'boolean' },
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
      const includePartial = values['include-partial'] === true;
      const rows = trialRows(spec, reader.bestTrials(sweep, top, { includePartial }));
      if (rows.length === 0 && format === 'table') {
        io.out(
          includePartial
            ? `No trial of "${sweep}" has reported ${spec.metric.name} yet.\n`
            : `No trial of "${sweep}" has completed yet (--include-partial shows the others).\n`,
        );
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
