import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, runCli } from './support/run-cli.js';
import { makeTempDir } from '@embsweep/store/testing';

const SUBCOMMANDS = [
  'init',
  'validate',
  'plan',
  'run',
  'train',
  'ls',
  'show',
  'best',
  'compare',
  'importance',
  'vectors',
  'query',
  'export',
  'dashboard',
  'worker',
  'workers',
];

function tempSweep(content: string): string {
  const dir = makeTempDir('cli');
  const file = join(dir, 'sweep.json');
  writeFileSync(file, content);
  return file;
}

describe('embsweep (the real program)', () => {
  it('prints an overview with every command, and --help for every command', () => {
    const overview = runCli(['--help']);
    assert.equal(overview.status, 0);
    for (const name of SUBCOMMANDS) assert.match(overview.stdout, new RegExp(`\\n  ${name} `));
    for (const name of SUBCOMMANDS) {
      const help = runCli([name, '--help']);
      assert.equal(help.status, 0, name);
      assert.match(help.stdout, new RegExp(`^Usage: embsweep ${name} `), name);
      assert.match(
        help.stdout,
        new RegExp(`\\nExamples?:\\n  embsweep ${name}|\\nExamples?:\\n  \\S+=\\S+ embsweep ${name}`),
        `${name} --help gives examples`,
      );
    }
  });

  it('validates every example sweep file in sweeps/', () => {
    const examples = readdirSync(join(REPO_ROOT, 'sweeps')).filter((f) => f.endsWith('.json'));
    assert.ok(examples.length >= 3);
    for (const example of examples) {
      const result = runCli(['validate', `sweeps/${example}`]);
      assert.equal(result.status, 0, `${example}: ${result.stderr}`);
      assert.match(result.stdout, /: valid \(/);
    }
  });

  it('plans the quick example: embedding_dim x dropout x l2 on synthetic data', () => {
    const result = runCli(['plan', 'sweeps/quick-grid.json', '--json']);
    assert.equal(result.status, 0, result.stderr);
    const trials = JSON.parse(result.stdout) as {
      index: number;
      seed: number;
      cell_id: string;
      params: Record<string, unknown>;
    }[];
    assert.equal(trials.length, 12);
    assert.deepEqual(new Set(trials.map((t) => t.params['embedding_dim'])), new Set([2, 16, 128]));
    assert.deepEqual(new Set(trials.map((t) => t.params['dropout'])), new Set([0, 0.5]));
    assert.deepEqual(new Set(trials.map((t) => t.params['l2'])), new Set([0, 0.001]));
    assert.deepEqual(
      trials.map((t) => t.index),
      [...trials.keys()],
    );
  });

  it('prints the same random trials in two separate runs (reproducible search)', () => {
    const first = runCli(['plan', 'sweeps/random-hyperband.json', '--json']);
    const second = runCli(['plan', 'sweeps/random-hyperband.json', '--json']);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, second.stdout);
    assert.equal((JSON.parse(first.stdout) as unknown[]).length, 24);
  });

  it('prints a readable table with a summary line', () => {
    const result = runCli(['plan', 'sweeps/median-seeds.json']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^ +# +seed +dropout +embedding_dim +epochs +l2\n/);
    assert.match(result.stdout, /27 trials: 9 configurations x 3 seeds \(grid search\)/);
  });

  it('plans the first seed of every configuration before the second of any (seed-major)', () => {
    const plan = JSON.parse(runCli(['plan', 'sweeps/median-seeds.json', '--json']).stdout) as {
      seed: number;
    }[];
    assert.deepEqual(
      plan.map((t) => t.seed),
      [...Array<number>(9).fill(0), ...Array<number>(9).fill(1), ...Array<number>(9).fill(2)],
    );
  });

  it('reports every problem of a bad file with its path, exits 2 and writes nothing', () => {
    const file = tempSweep(
      JSON.stringify({
        method: 'grid',
        dataset: { source: 'synthetic' },
        parameters: { dropout: { values: [0, 1.5] }, dimm: { values: [8] } },
      }),
    );
    const before = readdirSync(join(file, '..'));
    const result = runCli(['validate', file]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /parameters\.dropout\.values\[1\]: must be < 1/);
    assert.match(result.stderr, /parameters\.dimm: unknown parameter `dimm`; did you mean `embedding_dim`\?/);
    assert.equal(result.stdout, '');
    assert.deepEqual(readdirSync(join(file, '..')), before);
    assert.equal(runCli(['plan', file]).status, 2);
  });

  it('reads a sweep file with a byte-order mark, and names UTF-16 instead of a JSON error', () => {
    const text = JSON.stringify({
      method: 'grid',
      dataset: { source: 'synthetic' },
      parameters: { dropout: { values: [0] } },
    });
    assert.equal(runCli(['validate', tempSweep(`\ufeff${text}`)]).status, 0);
    const utf16 = tempSweep('');
    writeFileSync(utf16, Buffer.from(`\ufeff${text}`, 'utf16le'));
    const refused = runCli(['validate', utf16]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /UTF-16 text; save it as UTF-8/);
  });

  it('validate checks what the sweep names as a run would: the data, a custom model, pretrained vectors', () => {
    const file = tempSweep(
      JSON.stringify({
        method: 'grid',
        model: './model.js',
        dataset: { source: 'file', path: 'texts.csv' },
        parameters: { pretrained_embeddings: { value: 'vectors.txt' } },
      }),
    );
    const dir = join(file, '..');
    writeFileSync(join(dir, 'model.js'), 'export const notBuildModel = 1;\n');
    const result = runCli(['validate', file]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /the sweep file is valid, but what it names is not usable/);
    assert.match(result.stderr, /dataset: data file .*texts\.csv does not exist/);
    assert.match(result.stderr, /model: the module .*model\.js must export a function buildModel/);
    assert.match(result.stderr, /pretrained_embeddings: cannot read .*vectors\.txt: no such file/);
    const skipped = runCli(['validate', file, '--skip-data']);
    assert.doesNotMatch(skipped.stderr, /dataset:/);
    writeFileSync(join(dir, 'texts.csv'), 'text,label\na b,x\nc d,y\n');
    writeFileSync(join(dir, 'model.js'), 'export function buildModel() {}\n');
    writeFileSync(join(dir, 'vectors.txt'), 'a 0.1 0.2\nb 0.3 0.4\n');
    assert.equal(runCli(['validate', file]).status, 0);
  });

  it('bounds what a sweep file may hold', () => {
    const base = {
      method: 'grid',
      dataset: { source: 'synthetic' },
      parameters: { dropout: { values: [0] } },
    };
    const long = runCli([
      'validate',
      tempSweep(JSON.stringify({ ...base, description: 'x'.repeat(20_000) })),
    ]);
    assert.equal(long.status, 2);
    assert.match(long.stderr, /description: .*10000/);
    const huge = runCli([
      'validate',
      tempSweep(JSON.stringify({ ...base, description: 'x', pad: ' '.repeat(2_000_000) })),
    ]);
    assert.equal(huge.status, 2);
    assert.match(huge.stderr, /a sweep file may hold at most 1048576 \(1 MiB\)/);
  });

  it('explains a missing file, a JSON syntax error, an unknown flag and an unknown command', () => {
    const missing = runCli(['plan', 'no-such-sweep.json']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no-such-sweep\.json: no such file; check the path/);

    const broken = runCli(['validate', tempSweep('{\n  "method": "grid",\n}')]);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /is not valid JSON:\n.*\(line 3, column 1\)/);

    const flag = runCli(['plan', 'sweeps/quick-grid.json', '--jsn']);
    assert.equal(flag.status, 2);
    assert.match(flag.stderr, /Unknown option '--jsn'\. See "embsweep plan --help"/);

    const many = runCli(['run', 'sweeps/quick-grid.json', '--concurrency', '1000']);
    assert.equal(many.status, 2);
    assert.match(many.stderr, /--concurrency must be a whole number from 1 to 256/);

    const command = runCli(['trian']);
    assert.equal(command.status, 2);
    assert.match(command.stderr, /unknown command "trian"/);
  });
});
