import { ResultsReader } from '@embsweep/store';
import { DB_FLAG_HELP, resolveDbPath } from '../db-path.js';
import { formatRows } from '../format-rows.js';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';

export const lsCommand: Command = {
  name: 'ls',
  help: `Usage: embsweep ls [--db PATH]

Lists every sweep: method, status, trials by state (done = completed + pruned + failed), and the
best value of its metric so far.

Options:
${DB_FLAG_HELP}
  -h, --help show this help

Examples:
  embsweep ls
  EMBSWEEP_DB=results/embsweep.db embsweep ls`,
  run(args, io) {
    const { positionals, values } = parseFlags('ls', args, { db: { type: 'string' } });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`, 'ls');
    const reader = ResultsReader.open(resolveDbPath(values.db, io.cwd));
    try {
      const sweeps = reader.listSweeps();
      if (sweeps.length === 0) {
        io.out(`No sweeps in ${reader.path} yet. Run one with "embsweep run <sweep.json|sweep.yaml>".\n`);
        return EXIT.ok;
      }
      const rows = sweeps.map((s) => ({
        sweep: s.name,
        method: s.method,
        status: s.status,
        done: `${s.completed + s.pruned + s.failed}/${s.trials}`,
        running: s.running,
        completed: s.completed,
        pruned: s.pruned,
        failed: s.failed,
        metric: `${s.metric} (${s.goal === 'minimize' ? 'min' : 'max'})`,
        best: s.bestValue,
        started: s.createdAt.slice(0, 19).replace('T', ' '),
      }));
      io.out(`${formatRows(Object.keys(rows[0] ?? {}), rows, 'table')}\n`);
      return EXIT.ok;
    } finally {
      reader.close();
    }
  },
};
