import { ResultsReader, sweepImportance } from '@embsweep/store';
import { DB_FLAG_HELP, resolveDbPath } from '../db-path.js';
import { formatRows } from '../format-rows.js';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { parseFormat } from '../parse-format.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';

export const importanceCommand: Command = {
  name: 'importance',
  help: `Usage: embsweep importance <sweep> [--quantile Q] [--format table|json|csv] [--db PATH]

How much each parameter the sweep varies mattered for reaching its best results: PED-ANOVA, as
Optuna computes it (and optuna-dashboard shows): how differently a parameter's values are
spread among the best trials (the top 10% of completed trials by the sweep's metric, at least
2) than among all of them. The importances sum to 1. With few trials they are rough; with two
or fewer they are equal.

Options:
  --quantile Q  the share of trials counted as the best, from 0 to 1 (default 0.1)
  --format F    table (default), json or csv
${DB_FLAG_HELP}
  -h, --help    show this help

Example:
  embsweep importance spam-assassin-bayes`,
  run(args, io) {
    const { positionals, values } = parseFlags('importance', args, {
      db: { type: 'string' },
      quantile: { type: 'string' },
      format: { type: 'string' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const [sweep, ...extra] = positionals;
    if (sweep === undefined || extra.length > 0)
      throw new UsageError('expected one sweep name (see "embsweep ls")', 'importance');
    const quantile = values.quantile === undefined ? 0.1 : Number(values.quantile);
    if (!(quantile > 0 && quantile <= 1))
      throw new UsageError(
        `--quantile must be a number above 0 and at most 1; got "${String(values.quantile)}"`,
        'importance',
      );
    const format = parseFormat(values.format, 'importance');
    const reader = ResultsReader.open(resolveDbPath(values.db, io.cwd));
    try {
      const { trials, importance } = sweepImportance(reader, sweep, quantile);
      const rows = Object.entries(importance).map(([parameter, value]) => ({ parameter, importance: value }));
      if (format !== 'table') {
        io.out(`${formatRows(['parameter', 'importance'], rows, format)}\n`);
        return EXIT.ok;
      }
      if (rows.length === 0) {
        io.out(`"${sweep}" varies no parameter, so there is nothing to rank.\n`);
        return EXIT.ok;
      }
      const bars = rows.map((r) => ({ ...r, '': '#'.repeat(Math.round(r.importance * 40)) }));
      io.out(
        `Parameter importance in "${sweep}" (PED-ANOVA over ${trials} completed trials, the best ${Math.round(quantile * 100)}% against all):\n` +
          `${formatRows(['parameter', 'importance', ''], bars, 'table')}\n`,
      );
      return EXIT.ok;
    } finally {
      reader.close();
    }
  },
};
