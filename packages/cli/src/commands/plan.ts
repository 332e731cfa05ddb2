import { flattenParameters, iteratePlan, type PlannedTrial, type SweepSpec } from '@embsweep/core';
import { EXIT, type CommandIo } from '../io.js';
import { loadSweepFile } from '../load-sweep-file.js';
import { parseFlags } from '../parse-flags.js';
import { searchStrategyFor } from '../registry.js';
import { UsageError } from '../usage-error.js';
import { paramAt } from './trial-columns.js';
import type { Command } from './command.js';

/** Rows are written in pages, so a plan of a million trials streams in constant memory. */
const PAGE = 1000;

export const planCommand: Command = {
  name: 'plan',
  help: `Usage: embsweep plan <sweep.json|sweep.yaml> [--json]

Validates the sweep file and prints every trial it would run, in the order they start:
each configuration the search proposes, once per seed, up to run_cap. The output streams, so
a huge grid starts printing at once (pipe it to head to see the first trials). A strategy that
learns from results cannot plan ahead; for it, plan shows what it proposes before any result
(its start-up trials) and says so. Trains nothing and writes nothing.

Options:
  --json     print a JSON array instead of a table; each element is
             {"index": 0, "seed": 0, "cell_id": "...", "params": {...}}
  -h, --help show this help

Examples:
  embsweep plan sweeps/quick-grid.json
  embsweep plan sweep.yaml --json`,
  async run(args, io) {
    const { positionals, values } = parseFlags('plan', args, { json: { type: 'boolean' } });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const file = positionals[0];
    if (file === undefined || positionals.length > 1) throw new UsageError('expected one sweep file', 'plan');
    const { spec } = await loadSweepFile(file, io.cwd);
    const strategy = searchStrategyFor(spec);
    const trials = iteratePlan(spec, strategy);
    const shown = values.json ? await writeJson(trials, io) : await writeTable(spec, trials, io);
    if (!values.json) io.out(`\n${summary(spec, shown)}\n`);
    if (strategy.plansAhead !== 'all') {
      io.err(
        `embsweep plan: ${spec.method} search chooses each trial from the results of earlier ones, so it cannot plan ahead; these are its first ${shown.trials} trials, proposed before any result\n`,
      );
    }
    return EXIT.ok;
  },
};

interface Shown {
  readonly trials: number;
  readonly configs: number;
}

async function writeJson(trials: Iterable<PlannedTrial>, io: CommandIo): Promise<Shown> {
  let n = 0;
  let configs = 0;
  let page: string[] = [];
  io.out('[');
  for (const t of trials) {
    configs = t.configIndex + 1;
    const row = { index: t.index, seed: t.seed, cell_id: t.cellId, params: t.params };
    page.push(`${n++ === 0 ? '\n' : ',\n'}${indent(JSON.stringify(row, null, 2))}`);
    if (page.length >= PAGE) page = await flush(page, io);
  }
  await flush(page, io);
  io.out(n === 0 ? ']\n' : '\n]\n');
  return { trials: n, configs };
}

async function writeTable(spec: SweepSpec, trials: Iterable<PlannedTrial>, io: CommandIo): Promise<Shown> {
  const names = flattenParameters(spec.parameters).map((p) => p.path.join('.'));
  const header = ['#', 'seed', ...names];
  let n = 0;
  let configs = 0;
  let page: (readonly string[])[] = [];
  let widths: number[] | undefined;
  const writePage = async () => {
    // Columns are sized by the first page; later values that are wider just push the line.
    widths ??= header.map((h, c) => Math.max(h.length, ...page.map((r) => (r[c] ?? '').length)));
    const w = widths;
    const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padStart(w[c] ?? 0)).join('  ');
    const lines = n <= page.length ? [line(header), line(w.map((x) => '-'.repeat(x)))] : [];
    await flush(
      [...lines, ...page.map(line)].map((l) => `${l}\n`),
      io,
    );
    page = [];
  };
  for (const t of trials) {
    n++;
    configs = t.configIndex + 1;
    page.push([String(t.index + 1), String(t.seed), ...names.map((name) => show(valueAt(t, name)))]);
    if (page.length >= PAGE) await writePage();
  }
  if (page.length > 0 || n === 0) await writePage();
  return { trials: n, configs };
}

async function flush(lines: readonly string[], io: CommandIo): Promise<never[]> {
  if (lines.length > 0) io.out(lines.join(''));
  await io.drained?.();
  return [];
}

function summary(spec: SweepSpec, shown: Shown): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(shown.trials, 'trial')}: ${plural(shown.configs, 'configuration')} x ${plural(spec.seeds.length, 'seed')} (${spec.method} search${spec.run_cap !== undefined ? `, run_cap ${spec.run_cap}` : ''}) on ${spec.dataset.source} data, optimising ${spec.metric.name} (${spec.metric.goal})`;
}

function indent(json: string): string {
  return json
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

function valueAt(trial: PlannedTrial, dotted: string): unknown {
  return paramAt(trial.params, dotted);
}

function show(value: unknown): string {
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return typeof value === 'string' ? value : JSON.stringify(value);
}
