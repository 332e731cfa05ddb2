import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { formatJsonPath } from '../json-path.js';
import { hyperbandBands } from '../early-stopping/hyperband-bands.js';
import { unknownNameMessage } from '../suggest.js';
import { checkTrainerParameters } from './check-trainer-parameters.js';
import { checkGridCompatible } from './check-grid.js';
import { checkModelSize } from './check-model-size.js';
import { parseParameterTree } from './parameter-schema.js';
import { flattenParameters, type ParameterNode } from './parameter-spec.js';
import type { ParsedJson } from './parse-sweep-json.js';
import { BAYES, DATASET, EARLY_TERMINATE, METHODS, TOP_LEVEL } from './sweep-schema.js';
import { BUILT_IN_MODEL, TRAINER_METRICS, type HyperbandSpec, type SweepSpec } from './sweep-spec.js';
import { describeValue, toConfigIssues } from './zod-support.js';

/** The newest sweep-file format this build reads. */
export const SCHEMA_VERSION = 1;

/**
 * Validates a sweep file once, at the edge, and fills every default. Reports every problem
 * with its JSON path in one ConfigError; nothing downstream runs on a file that fails here.
 * Accepts the output of parseSweepJson (which knows `1` from `1.0`) or a plain object (where
 * an integral number counts as an integer).
 */
export function validateSweep(input: ParsedJson | Record<string, unknown>): SweepSpec {
  const parsed: ParsedJson = isParsedJson(input) ? input : { value: input, realLiteralPaths: new Set() };
  const raw = parsed.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError([
      { path: '', message: `a sweep file is a JSON object; got ${describeValue(raw)}` },
    ]);
  }
  const issues: ConfigIssue[] = [];
  issues.push(...protoKeys(raw, []));
  const top = TOP_LEVEL.safeParse(raw, { reportInput: true });
  if (!top.success) issues.push(...toConfigIssues(top.error.issues));
  const rawObject = raw as Record<string, unknown>;

  checkSchemaVersion(rawObject['schema_version'], issues);
  const method = parseMethod(rawObject['method'], issues);
  const parameters =
    rawObject['parameters'] === undefined
      ? (issues.push({
          path: 'parameters',
          message: 'required: the search space, e.g. {"dropout": {"values": [0, 0.5]}}',
        }),
        undefined)
      : parseParameterTree(rawObject['parameters'], ['parameters'], parsed.realLiteralPaths, issues);
  const earlyTerminate = parseTagged(
    rawObject['early_terminate'],
    'early_terminate',
    'type',
    EARLY_TERMINATE,
    issues,
    false,
  );
  const dataset = parseTagged(rawObject['dataset'], 'dataset', 'source', DATASET, issues, true);

  const model = typeof rawObject['model'] === 'string' ? rawObject['model'] : BUILT_IN_MODEL;
  if (parameters !== undefined) issues.push(...checkParameters(parameters, method, model));
  issues.push(...checkModel(rawObject['model'], top.data?.metric.name));
  if ((method === 'random' || method === 'bayes') && rawObject['run_cap'] === undefined) {
    issues.push({
      path: 'run_cap',
      message: `required by ${method} search: how many trials to run in all (seeds included)`,
    });
  }
  if (rawObject['bayes'] !== undefined && method !== undefined && method !== 'bayes') {
    issues.push({ path: 'bayes', message: `options of method "bayes"; this sweep's method is "${method}"` });
  }
  if (top.data !== undefined && new Set(top.data.seeds).size !== top.data.seeds.length) {
    issues.push({ path: 'seeds', message: 'must not repeat a seed' });
  }
  if (earlyTerminate?.type === 'hyperband') issues.push(...checkHyperband(earlyTerminate));
  const fullDataset = dataset && withFileFormat(dataset, issues);
  if (fullDataset !== undefined && fullDataset.validation_split + fullDataset.test_split >= 1) {
    issues.push({
      path: 'dataset.test_split',
      message: 'validation_split + test_split must leave some data to train on (< 1)',
    });
  }

  if (
    issues.length > 0 ||
    !top.success ||
    method === undefined ||
    parameters === undefined ||
    fullDataset === undefined
  ) {
    throw new ConfigError(locateIssues(issues, parsed.locations));
  }
  // The keys parsed here by hand (method, parameters, early_terminate, dataset) replace zod's.
  const {
    early_terminate: _e,
    dataset: _d,
    parameters: _p,
    method: _m,
    schema_version: _v,
    ...checked
  } = top.data;
  const spec: SweepSpec = {
    ...checked,
    schema_version: SCHEMA_VERSION,
    method,
    parameters,
    dataset: fullDataset,
    // Absent rather than undefined, so a spec survives a JSON round trip unchanged.
    ...(earlyTerminate === undefined ? {} : { early_terminate: earlyTerminate }),
    // A bayes sweep always carries its options, defaults filled (one definition: the schema's).
    ...(method === 'bayes' ? { bayes: checked.bayes ?? BAYES.parse({}) } : {}),
  };
  return spec;
}

/**
 * Every `__proto__` key in the file, at its path. It is never a key of a sweep file, and a
 * schema library that copies objects would turn it into a prototype (so a sweep wrapped in
 * `{"__proto__": ...}` would seem valid); refused wherever it stands.
 */
function protoKeys(node: unknown, path: (string | number)[]): ConfigIssue[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => protoKeys(item, [...path, i]));
  if (node === null || typeof node !== 'object') return [];
  return Object.keys(node).flatMap((key) =>
    key === '__proto__'
      ? [
          {
            path: formatJsonPath([...path, key]),
            message: 'unknown key `__proto__`: it has no meaning in a sweep file',
          },
        ]
      : protoKeys((node as Record<string, unknown>)[key], [...path, key]),
  );
}

/**
 * Adds "(line L, column C)" to each issue whose path, or nearest enclosing path, has a known
 * place in the source (a key that is missing is reported where its object starts).
 */
function locateIssues(issues: readonly ConfigIssue[], locations: ParsedJson['locations']): ConfigIssue[] {
  if (locations === undefined) return [...issues];
  return issues.map((issue) => {
    for (let path = issue.path; ; path = parentPath(path)) {
      const at = locations.get(path);
      if (at !== undefined)
        return { ...issue, message: `${issue.message} (line ${at.line}, column ${at.column})` };
      if (path === '') return issue;
    }
  });
}

/** `parameters.dropout.max` -> `parameters.dropout`; `seeds[2]` -> `seeds`; `a` -> ''. */
function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}

function isParsedJson(input: unknown): input is ParsedJson {
  return typeof input === 'object' && input !== null && 'realLiteralPaths' in input && 'value' in input;
}

function checkSchemaVersion(version: unknown, issues: ConfigIssue[]): void {
  if (version === undefined || version === SCHEMA_VERSION) return;
  issues.push({
    path: 'schema_version',
    message:
      typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION
        ? `this file is written for a newer embsweep (schema_version ${version}; this one reads ${SCHEMA_VERSION}); upgrade embsweep`
        : `must be ${SCHEMA_VERSION}; got ${describeValue(version)}`,
  });
}

function parseMethod(method: unknown, issues: ConfigIssue[]): SweepSpec['method'] | undefined {
  const known = METHODS.find((m) => m === method);
  if (known !== undefined) return known;
  let message: string;
  const names = METHODS.map((m) => `"${m}"`).join(', ');
  if (method === undefined) message = `required: one of ${names}`;
  else message = `must be one of ${names}; got ${describeValue(method)}`;
  issues.push({ path: 'method', message });
  return undefined;
}

/** Parses an object whose form is chosen by one key (`type`, `source`), reporting bad tags by name. */
function parseTagged<F extends Record<string, z.ZodType>>(
  raw: unknown,
  at: string,
  tag: string,
  forms: F,
  issues: ConfigIssue[],
  required: boolean,
): z.output<F[keyof F]> | undefined {
  const names = Object.keys(forms);
  if (raw === undefined) {
    if (required) issues.push({ path: at, message: `required, e.g. {"${tag}": "${names[0] ?? ''}"}` });
    return undefined;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({ path: at, message: `must be an object with "${tag}"; got ${describeValue(raw)}` });
    return undefined;
  }
  const value = (raw as Record<string, unknown>)[tag];
  const form = typeof value === 'string' && Object.hasOwn(forms, value) ? forms[value] : undefined;
  if (form === undefined) {
    issues.push({
      path: `${at}.${tag}`,
      message:
        typeof value === 'string'
          ? unknownNameMessage(tag, value, names)
          : `required: one of ${names.map((n) => JSON.stringify(n)).join(', ')}`,
    });
    return undefined;
  }
  const result = form.safeParse(raw, { reportInput: true });
  if (!result.success) {
    issues.push(...toConfigIssues(result.error.issues, [at]));
    return undefined;
  }
  return result.data as z.output<F[keyof F]>;
}

type ParsedDataset = NonNullable<z.output<(typeof DATASET)[keyof typeof DATASET]>>;

/** Fills a file data set's format from its extension; reports when it cannot. */
function withFileFormat(dataset: ParsedDataset, issues: ConfigIssue[]): SweepSpec['dataset'] {
  if (dataset.source !== 'file') return dataset;
  if (dataset.format !== undefined) return { ...dataset, format: dataset.format };
  const lower = dataset.path.toLowerCase();
  if (lower.endsWith('.csv')) return { ...dataset, format: 'csv' };
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return { ...dataset, format: 'jsonl' };
  issues.push({
    path: 'dataset.format',
    message: 'required when the file name does not end in .csv or .jsonl: "csv" or "jsonl"',
  });
  return { ...dataset, format: 'csv' };
}

function checkParameters(
  parameters: Record<string, ParameterNode>,
  method: SweepSpec['method'] | undefined,
  model: string,
): ConfigIssue[] {
  const flat = flattenParameters(parameters);
  return [
    ...(model === BUILT_IN_MODEL ? checkTrainerParameters(flat, method) : []),
    ...(model === BUILT_IN_MODEL ? checkModelSize(flat) : []),
    ...(method === 'grid' ? checkGridCompatible(flat) : []),
  ];
}

function checkModel(model: unknown, metricName: string | undefined): ConfigIssue[] {
  if (model !== undefined && model !== BUILT_IN_MODEL) {
    // A custom module may report metrics of its own, so only the built-in model's are checked.
    return typeof model === 'string' && !/^(\.{1,2}\/|\/)|\.(c|m)?js$/.test(model)
      ? [
          {
            path: 'model',
            message: `must be "${BUILT_IN_MODEL}" or a path to a JavaScript module (e.g. "./my-model.js"); got ${describeValue(model)}`,
          },
        ]
      : [];
  }
  if (metricName !== undefined && !TRAINER_METRICS.includes(metricName)) {
    return [{ path: 'metric.name', message: unknownNameMessage('metric', metricName, TRAINER_METRICS) }];
  }
  return [];
}

function checkHyperband(et: HyperbandSpec): ConfigIssue[] {
  if (et.min_iter === undefined && (et.max_iter === undefined || et.s === undefined)) {
    return [
      { path: 'early_terminate', message: 'hyperband needs `min_iter`, or `max_iter` together with `s`' },
    ];
  }
  if (et.min_iter !== undefined && et.max_iter !== undefined && et.s === undefined) {
    // W&B's engine fails on this combination; silently using min_iter would hide the mistake.
    return [
      {
        path: 'early_terminate.max_iter',
        message:
          'with `min_iter` and `max_iter` W&B also needs `s`; give `min_iter` alone, or `max_iter` with `s`',
      },
    ];
  }
  if (hyperbandBands(et).length === 0) {
    return [
      {
        path: 'early_terminate',
        message:
          'these settings give no band of 1 iteration or more; increase s, decrease eta, or increase min_iter',
      },
    ];
  }
  return [];
}
