import { dirname } from 'node:path';
import { countTrials } from '@embsweep/core';
import { checkSweepInputs } from '@embsweep/trainer/inputs';
import { EXIT } from '../io.js';
import { loadSweepFile } from '../load-sweep-file.js';
import { parseFlags } from '../parse-flags.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';

export const validateCommand: Command = {
  name: 'validate',
  help: `Usage: embsweep validate <sweep.json|sweep.yaml> [--skip-data]

Checks a sweep file against the sweep-file format (docs/sweep-file.md) and reports every
problem with its JSON path, e.g. "parameters.dropout.max: must be <= 1". Then checks the files
it names, as a run would: the data set loads (with the trainer's own loader and messages), a
custom model module loads and exports buildModel, every pretrained_embeddings file holds
vectors. Creates and writes nothing.

Options:
  --skip-data  do not load the data set (for a huge file; the run checks it before training)
  -h, --help   show this help

Exit status: 0 when the file and what it names are usable, 2 when not.

Examples:
  embsweep validate sweep.yaml
  embsweep validate big-data-sweep.json --skip-data`,
  async run(args, io) {
    const { positionals, values } = parseFlags('validate', args, { 'skip-data': { type: 'boolean' } });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const file = positionals[0];
    if (file === undefined || positionals.length > 1)
      throw new UsageError('expected one sweep file', 'validate');
    const { spec, path } = await loadSweepFile(file, io.cwd);
    const problems = await checkSweepInputs(spec, dirname(path), { data: values['skip-data'] !== true });
    if (problems.length > 0) {
      io.err(
        `${path}: the sweep file is valid, but what it names is not usable:\n${problems.map((p) => `  ${p}`).join('\n')}\n`,
      );
      return EXIT.usage;
    }
    const trials = countTrials(spec);
    io.out(
      `${path}: valid (${spec.method} search, sweep "${spec.name ?? ''}", ${trials} trial${trials === 1 ? '' : 's'})\n`,
    );
    return EXIT.ok;
  },
};
