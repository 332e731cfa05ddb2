import { flattenParameters, planTrials, type PlannedTrial } from '@embsweep/core';
import { EXIT } from '../io.js';
import { loadSweepFile } from '../load-sweep-file.js';
import { parseFlags } from '../parse-flags.js';
import { formatTable } from '../format-table.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';

export const planCommand: Command = {
  name: 'plan',
  summary: 'print the trials a sweep file would run, in order, without training',
  help: `Usage: embsweep plan <sweep.json> [--json]

Validates the sweep file and prints every trial it would run, in the order they start:
each configuration the search proposes, once per seed, up to run_cap. Trains nothing and
writes nothing.

Options:
  --json     print a JSON array instead of a table; each element is
             {"index": 0, "seed": 0, "cell_id": "...", "params": {...}}
  -h, --help show this help`,
  async run(args, io) {
    const { positionals, values } = parseFlags('plan', args, { json: { type: 'boolean' } });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const file = positionals[0];
    if (file === undefined || positionals.length > 1) throw new UsageError('expected one sweep file', 'plan');
    const { spec } = await loadSweepFile(file, io.cwd);
    const trials = planTrials(spec);
    if (values.json) {
      const rows = trials.map((t) => ({ index: t.index, seed: t.seed, cell_id: t.cellId, params: t.params }));
      io.out(`${JSON.stringify(rows, null, 2)}\n`);
      return EXIT.ok;
    }
    const names = flattenParameters(spec.parameters).map((p) => p.path.join('.'));
    io.out(
      `${formatTable(
        ['#', 'seed', ...names],
        trials.map((t) => [String(t.index + 1), String(t.seed), ...names.map((n) => show(valueAt(t, n)))]),
      )}\n`,
    );
    const configs = new Set(trials.map((t) => t.configIndex)).size;
    io.out(
      `\n${trials.length} trial${trials.length === 1 ? '' : 's'}: ${configs} configuration${configs === 1 ? '' : 's'} x ${spec.seeds.length} seed${spec.seeds.length === 1 ? '' : 's'} (${spec.method} search${spec.run_cap !== undefined ? `, run_cap ${spec.run_cap}` : ''}) on ${spec.dataset.source} data, optimising ${spec.metric.name} (${spec.metric.goal})\n`,
    );
    return EXIT.ok;
  },
};

function valueAt(trial: PlannedTrial, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], trial.params);
}

function show(value: unknown): string {
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return typeof value === 'string' ? value : JSON.stringify(value);
}
