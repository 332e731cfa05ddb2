import { existsSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { guessFields } from '@embsweep/trainer/inputs';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { starterSweep, type StarterData } from './starter-sweep.js';

export const initCommand: Command = {
  name: 'init',
  help: `Usage: embsweep init [--data FILE.csv|FILE.jsonl] [--name NAME] [--force]

Writes a commented starter sweep file, NAME.yaml, in the current folder: a small grid over
embedding width, dropout and L2, ready to run. With --data, it is for your own CSV (with a
header) or JSON Lines file: its fields are read to fill text_field and label_field (a field
named text, review, message... and one named label, class, category...; else the longest text
and the field with the fewest distinct values). Without it, the built-in synthetic data.
Prints the command that runs it.

Options:
  --data FILE  your data: CSV with a header row, or JSON Lines (.jsonl)
  --name NAME  the sweep's name and file name (default: the data file's name, or "sweep")
  --force      replace NAME.yaml if it exists
  -h, --help   show this help

Examples:
  embsweep init
  embsweep init --data reviews.csv --name reviews`,
  run(args, io) {
    const { positionals, values } = parseFlags('init', args, {
      data: { type: 'string' },
      name: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`, 'init');
    const dataFile = typeof values.data === 'string' ? resolve(io.cwd, values.data) : undefined;
    const name = typeof values.name === 'string' ? values.name : nameFrom(dataFile);
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(name))
      throw new UsageError(
        `--name must be letters, digits, _ . - (starting with a letter or digit); got "${name}"`,
        'init',
      );
    const file = join(io.cwd, `${name}.yaml`);
    if (existsSync(file) && values.force !== true)
      throw new UsageError(
        `${file} already exists; choose another --name, or add --force to replace it`,
        'init',
      );
    const data: StarterData | undefined =
      dataFile === undefined
        ? undefined
        : { ...guessFields(dataFile), path: relative(io.cwd, dataFile) || dataFile };
    writeFileSync(file, starterSweep(name, data));
    io.out(
      `Wrote ${name}.yaml: a grid over embedding_dim x dropout x l2 on ${data === undefined ? 'synthetic data' : data.path}` +
        `${data === undefined ? '' : ` (text: ${data.textField}, label: ${data.labelField})`}.\n` +
        `Next: npx embsweep run ${name}.yaml --dashboard\n`,
    );
    return EXIT.ok;
  },
};

function nameFrom(dataFile: string | undefined): string {
  if (dataFile === undefined) return 'sweep';
  const stem = basename(dataFile, extname(dataFile)).replace(/[^A-Za-z0-9_.-]/g, '-');
  return /^[A-Za-z0-9]/.test(stem) ? stem : `sweep-${stem}`;
}
