import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ResultsReader } from '@embsweep/store';
import { DB_FLAG_HELP, resolveDbPath } from '../db-path.js';
import { formatRows } from '../format-rows.js';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { parseFormat } from '../parse-format.js';

export const exportCommand: Command = {
  name: 'export',
  help: `Usage: embsweep export <sweep> --format csv|json [--out PATH] [--db PATH]

Exports every trial of the sweep (the trial_summary view: parameters, state, best and final
values, ...) and every curve point (the curves view: trial, metric, epoch, value).

  --format json  one document {"sweep", "spec", "trials": [...], "curves": [...]}, to standard
                 output or to the file --out
  --format csv   two files, <sweep>.trials.csv and <sweep>.curves.csv, in the folder --out
                 (default: the current folder)

Options:
  --format F  csv or json (required)
  --out PATH  where to write (see above)
  --force     replace files that exist (without it, an existing file is never overwritten)
${DB_FLAG_HELP}
  -h, --help  show this help

Examples:
  embsweep export quick-grid --format csv
  embsweep export quick-grid --format json --out quick-grid.json`,
  run(args, io) {
    const { positionals, values } = parseFlags('export', args, {
      db: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const [sweep, ...extra] = positionals;
    if (sweep === undefined || extra.length > 0)
      throw new UsageError('expected one sweep name (see "embsweep ls")', 'export');
    if (values.format === undefined) throw new UsageError('--format is required: csv or json', 'export');
    const format = parseFormat(values.format, 'export', ['csv', 'json']);
    const reader = ResultsReader.open(resolveDbPath(values.db, io.cwd));
    try {
      const spec = reader.sweepSpec(sweep);
      const trials = reader.trialSummaries(sweep);
      const curves = reader.curveRows(sweep);
      const out = typeof values.out === 'string' ? resolve(io.cwd, values.out) : undefined;
      const folder = out ?? io.cwd;
      const files =
        format === 'json'
          ? out === undefined
            ? []
            : [out]
          : ['trials', 'curves'].map((what) => join(folder, `${sweep}.${what}.csv`));
      const existing = files.filter((f) => existsSync(f));
      if (existing.length > 0 && values.force !== true) {
        throw new UsageError(
          `${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written. Add --force to replace, or choose another --out`,
          'export',
        );
      }
      if (format === 'json') {
        const text = `${JSON.stringify({ sweep, spec, trials, curves }, null, 2)}\n`;
        if (out === undefined) io.out(text);
        else {
          writeFileSync(out, text);
          io.err(`wrote ${out}\n`);
        }
        return EXIT.ok;
      }
      for (const [what, rows] of [
        ['trials', trials],
        ['curves', curves],
      ] as const) {
        const file = join(folder, `${sweep}.${what}.csv`);
        const columns = rows[0] ? Object.keys(rows[0]) : [];
        writeFileSync(file, `${formatRows(columns, rows, 'csv')}\n`);
        io.out(`wrote ${file} (${rows.length} rows)\n`);
      }
      return EXIT.ok;
    } finally {
      reader.close();
    }
  },
};
