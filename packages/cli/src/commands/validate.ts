import { countTrials } from '@embsweep/core';
import { EXIT } from '../io.js';
import { loadSweepFile } from '../load-sweep-file.js';
import { parseFlags } from '../parse-flags.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';

export const validateCommand: Command = {
  name: 'validate',
  help: `Usage: embsweep validate <sweep.json>

Checks a sweep file against the sweep-file format (docs/sweep-file.md) and reports every
problem with its JSON path, e.g. "parameters.dropout.max: must be <= 1". Creates and writes
nothing.

Exit status: 0 when the file is valid, 2 when it is not.`,
  async run(args, io) {
    const { positionals, values } = parseFlags('validate', args, {});
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const file = positionals[0];
    if (file === undefined || positionals.length > 1)
      throw new UsageError('expected one sweep file', 'validate');
    const { spec, path } = await loadSweepFile(file, io.cwd);
    const trials = countTrials(spec);
    io.out(
      `${path}: valid (${spec.method} search, sweep "${spec.name ?? ''}", ${trials} trial${trials === 1 ? '' : 's'})\n`,
    );
    return EXIT.ok;
  },
};
