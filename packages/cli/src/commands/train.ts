import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, type ParameterValues } from '@embsweep/core';
import { parseSweepJson, validateSweep } from '@embsweep/core/sweep-file';
import { chooseBackend, describeTrialInputs, openTrialInputs, trainTrial } from '@embsweep/trainer';
import { showCell } from '../format-rows.js';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';

export const trainCommand: Command = {
  name: 'train',
  help: `Usage: embsweep train --params '<JSON>' --dataset '<JSON>' [--seed N] [--metric NAME] [--goal minimize|maximize]
                      [--model PATH] [--backend auto|tensorflow|wasm|cpu] [--json]

Trains one configuration, as a worker of a sweep would, without a database, and prints the
metrics of every epoch. --params and --dataset take the JSON a sweep file would hold, and are
validated the same way, e.g.

  embsweep train --params '{"embedding_dim": 32, "dropout": 0.2, "epochs": 5}' --dataset '{"source": "synthetic"}'

Options:
  --params JSON   parameter values (defaults fill the rest: see docs/sweep-file.md)
  --dataset JSON  what to train on, as the sweep file's "dataset"
  --seed N        training seed (default 0)
  --metric NAME   the metric that patience watches (default val_loss), --goal its direction
  --model PATH    a custom model module (default: the built-in embedding classifier)
  --backend B     tfjs backend (default auto: tensorflow, else wasm, else cpu)
  --json          print one JSON object per epoch instead of a table
  -h, --help      show this help

Examples:
  embsweep train --dataset '{"source": "synthetic"}' --params '{"embedding_dim": 32, "epochs": 3}'`,
  async run(args, io) {
    const { positionals, values } = parseFlags('train', args, {
      params: { type: 'string' },
      dataset: { type: 'string' },
      seed: { type: 'string' },
      metric: { type: 'string' },
      goal: { type: 'string' },
      model: { type: 'string' },
      backend: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    if (positionals.length > 0)
      throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`, 'train');
    if (typeof values.dataset !== 'string')
      throw new UsageError('--dataset is required, e.g. --dataset \'{"source": "synthetic"}\'', 'train');
    // Validate exactly as a sweep file, so a value that a sweep would refuse is refused here too.
    const paramsJson = typeof values.params === 'string' ? values.params : '{}';
    const asParameters = Object.fromEntries(
      Object.entries(parseObject(paramsJson, '--params')).map(([k, v]) => [k, { value: v }]),
    );
    const spec = validateFlags(() =>
      parseSweepJson(
        JSON.stringify({
          method: 'grid',
          parameters: Object.keys(asParameters).length > 0 ? asParameters : { epochs: { value: 10 } },
          dataset: parseObject(String(values.dataset), '--dataset'),
          metric: {
            name: typeof values.metric === 'string' ? values.metric : 'val_loss',
            goal: typeof values.goal === 'string' ? values.goal : 'minimize',
          },
          ...(typeof values.model === 'string' ? { model: values.model } : {}),
          ...(typeof values.backend === 'string' ? { execution: { backend: values.backend } } : {}),
        }),
        'the --params/--dataset options',
      ),
    );
    const seed = values.seed === undefined ? 0 : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0)
      throw new UsageError(
        `--seed must be a whole number from 0 up; got ${JSON.stringify(values.seed)}`,
        'train',
      );
    const params: ParameterValues = Object.fromEntries(
      Object.entries(asParameters).map(([k, v]) => [k, v.value]),
    );

    const backend = await chooseBackend(spec.execution.backend);
    io.err(`backend ${backend.name} (tfjs ${backend.versions['tfjs'] ?? '?'}); preparing data...\n`);
    // The same resolution as a sweep's trials, with the current folder as the sweep's folder.
    const opened = openTrialInputs(describeTrialInputs(spec, io.cwd), params, {
      sweepDir: io.cwd,
      cacheDir: join(tmpdir(), 'embsweep-cache'),
    });
    const data = opened.data;
    io.err(
      `${data.train.count} training, ${data.validation.count} validation${data.test ? `, ${data.test.count} test` : ''} examples; ${data.classes.length} classes; vocabulary ${data.vocabulary.length}\n`,
    );
    const columns = [
      'epoch',
      'loss',
      'acc',
      'val_loss',
      'val_acc',
      'reg_loss',
      'seconds',
      'tokens_per_s',
      'positions_per_s',
      'tensors',
    ];
    // Rows are printed as epochs finish, so columns get fixed widths rather than fitted ones.
    const width = (c: string) => Math.max(c.length, 10);
    const line = (cells: readonly string[]) =>
      cells.map((text, i) => text.padStart(width(columns[i] ?? ''))).join('  ');
    if (!values.json) io.out(`${line(columns)}\n${line(columns.map((c) => '-'.repeat(width(c))))}\n`);
    const summary = await trainTrial({
      params: opened.params,
      seed,
      data,
      metric: spec.metric,
      model: opened.model,
      diagnostics: spec.diagnostics !== false,
      shouldStop: () => false,
      log: (message) => io.err(`${message}\n`),
      onEpoch: (report) => {
        const row = {
          epoch: report.epoch,
          ...report.metrics,
          seconds: report.epochSeconds,
          tokens_per_s: Math.round(report.tokensPerSecond),
          positions_per_s: Math.round(report.positionsPerSecond),
          tensors: report.tensors,
        };
        if (values.json) io.out(`${JSON.stringify(row)}\n`);
        else io.out(`${line(columns.map((c) => showCell((row as Record<string, unknown>)[c])))}\n`);
      },
    });
    const test = summary.testMetrics
      ? `; test ${Object.entries(summary.testMetrics)
          .map(([k, v]) => `${k} ${showCell(v)}`)
          .join(', ')}`
      : '';
    io.err(
      `best ${spec.metric.name} ${showCell(summary.bestValue)} at epoch ${summary.bestEpoch ?? '-'}${summary.stoppedEarly ? ' (stopped early by patience)' : ''}${test}\n`,
    );
    return EXIT.ok;
  },
};

/** Validates as a sweep file would, reporting the problems as problems of the flags. */
function validateFlags(parse: () => ReturnType<typeof parseSweepJson>) {
  try {
    return validateSweep(parse());
  } catch (error) {
    if (error instanceof ConfigError)
      throw new ConfigError(
        error.issues,
        'The --params/--dataset/--metric/--model/--backend options are not valid',
      );
    throw error;
  }
}

function parseObject(text: string, flag: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      [{ path: '', message: `${flag} is not valid JSON: ${(error as Error).message}` }],
      `Cannot read ${flag}`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError([{ path: '', message: `${flag} must be a JSON object` }], `Cannot read ${flag}`);
  }
  return value as Record<string, unknown>;
}
