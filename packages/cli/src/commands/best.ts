import { ResultsReader, compareSweep } from '@embsweep/store';
import { DB_FLAG_HELP, resolveDbPath } from '../db-path.js';
import { formatRows } from '../format-rows.js';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { parseFormat } from '../parse-format.js';
import { trialRows } from './trial-columns.js';
import { configurationRows } from './configuration-rows.js';
import { sufficientLine } from './compare.js';

export const bestCommand: Command = {
  name: 'best',
  help: `Usage: embsweep best <sweep> [--top N] [--format table|json|csv] [--db PATH]

Prints the trials with the best value of the sweep's metric, best first by the sweep's goal.
A trial counts with its best epoch (the epoch whose weights it keeps), not its last one.
Only completed trials count, unless --include-partial: a pruned trial's best comes from fewer
epochs (shown as "pruned at epoch k") and is not comparable with a finished trial's. With
--at-epoch K, every trial that ran K epochs (pruned ones too) is ranked by its value at epoch K:
a like-for-like comparison at an epoch of your choosing.

When the sweep has several seeds, it prints the best configurations instead (a configuration is
a trial's parameters without its seed): the mean over their completed seeds with a 95% interval,
as "embsweep compare" does. --by-trial prints single trials.

Options:
  --top N     how many trials (default 5)
  --include-partial  also rank pruned, interrupted and failed trials by what they reached
  --at-epoch K       rank every trial that reached epoch K by its value there
  --by-trial         with several seeds, rank single trials, not configurations
  --format F  table (default), json or csv
${DB_FLAG_HELP}
  -h, --help  show this help

Examples:
  embsweep best quick-grid --top 3
  embsweep best median-seeds --by-trial --format csv
  embsweep best median-seeds --at-epoch 4`,
  run(args, io) {
    const { positionals, values } = parseFlags('best', args, {
      db: { type: 'string' },
      top: { type: 'string' },
      format: { type: 'string' },
      'include-partial': { type: 'boolean' },
      'at-epoch': { type: 'string' },
      'by-trial': { type: 'boolean' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const [sweep, ...extra] = positionals;
    if (sweep === undefined || extra.length > 0)
      throw new UsageError('expected one sweep name (see "embsweep ls")', 'best');
    const top = values.top === undefined ? 5 : Number(values.top);
    if (!Number.isInteger(top) || top < 1)
      throw new UsageError(`--top must be a whole number from 1 up; got "${String(values.top)}"`, 'best');
    const format = parseFormat(values.format, 'best');
    const atEpoch = values['at-epoch'] === undefined ? undefined : Number(values['at-epoch']);
    if (atEpoch !== undefined && (!Number.isInteger(atEpoch) || atEpoch < 1))
      throw new UsageError(
        `--at-epoch must be a whole number from 1 up; got "${String(values['at-epoch'])}"`,
        'best',
      );
    if (atEpoch !== undefined && values['include-partial'] === true)
      throw new UsageError(
        '--at-epoch already compares every trial that reached the epoch; leave out --include-partial',
        'best',
      );
    const reader = ResultsReader.open(resolveDbPath(values.db, io.cwd));
    try {
      const spec = reader.sweepSpec(sweep);
      const includePartial = values['include-partial'] === true;
      if (atEpoch !== undefined) {
        const ranked = reader.trialsAtEpoch(sweep, atEpoch, top);
        const rows = trialRows(spec, ranked).map((row, i) => ({
          ...row,
          [`${spec.metric.name}_at_epoch_${atEpoch}`]: ranked[i]?.['value_at_epoch'] ?? null,
        }));
        if (rows.length === 0 && format === 'table') {
          io.out(`No trial of "${sweep}" has reached epoch ${atEpoch}.\n`);
          return EXIT.ok;
        }
        io.out(`${formatRows(Object.keys(rows[0] ?? {}), rows, format)}\n`);
        return EXIT.ok;
      }
      if (spec.seeds.length > 1 && !includePartial && values['by-trial'] !== true) {
        const comparison = compareSweep(reader, sweep);
        const rows = configurationRows(spec, comparison, spec.metric.name, format, top);
        if (format !== 'table') io.out(`${formatRows(Object.keys(rows[0] ?? {}), rows, format)}\n`);
        else
          io.out(
            rows.length === 0
              ? `No trial of "${sweep}" has completed yet (--include-partial shows the others).\n`
              : `Best configurations of "${sweep}" by ${spec.metric.name} (${spec.metric.goal}), mean over completed seeds:\n` +
                  `${formatRows(Object.keys(rows[0] ?? {}), rows, 'table')}\n${comparison.verdict}\n${sufficientLine(comparison)}`,
          );
        return EXIT.ok;
      }
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
