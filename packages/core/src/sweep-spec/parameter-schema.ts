import type { ConfigIssue } from '../errors.js';
import { formatJsonPath, type JsonPath } from '../json-path.js';
import { unknownNameMessage } from '../suggest.js';
import { FORMS, type FormName } from './parameter-forms.js';
import type { DistributionName, ParameterNode, ParameterSpec } from './parameter-spec.js';
import { describeValue, toConfigIssues } from './zod-support.js';

/**
 * Validation of one entry of `parameters`, with W&B's rules (wandb/sweeps config/schema.json
 * and config/schema.py): the form is chosen by `distribution` when given, otherwise inferred
 * from the keys present; every form rejects keys it does not define; min must be below max;
 * probabilities must match values and sum to 1; defaults mu=0, sigma=1, q=1, a=b=1.
 */

const DISTRIBUTION_NAMES = [...Object.keys(FORMS), 'categorical_w_probabilities'];

/** Names that objects in JavaScript treat specially: refused as parameter names. */
const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** W&B's v1 log distributions take min/max as natural logs; W&B rejects them as deprecated. */
const DEPRECATED: Readonly<Record<string, string>> = {
  log_uniform:
    '`log_uniform` (bounds given as natural logs) is deprecated in W&B and not supported; use `log_uniform_values` with min/max as the values themselves',
  q_log_uniform:
    '`q_log_uniform` is deprecated in W&B and not supported; use `q_log_uniform_values` with min/max as the values themselves',
  inv_log_uniform:
    '`inv_log_uniform` is deprecated in W&B and not supported; use `inv_log_uniform_values` with min/max as the values themselves',
};

/**
 * Parses one node of the parameters tree. Problems are appended to `issues` (every one, with
 * its path) and undefined is returned; the caller decides whether to go on.
 */
export function parseParameterNode(
  raw: unknown,
  path: JsonPath,
  realLiterals: ReadonlySet<string>,
  issues: ConfigIssue[],
): ParameterNode | undefined {
  const at = formatJsonPath(path);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({
      path: at,
      message: `must be an object such as {"values": [...]} or {"min": 0, "max": 1}; got ${describeValue(raw)}`,
    });
    return undefined;
  }
  const node = raw as Record<string, unknown>;
  if ('parameters' in node) return parseGroup(node, path, realLiterals, issues);

  const form = chooseForm(node, path, realLiterals, issues);
  if (form === undefined) return undefined;
  const result = FORMS[form].safeParse(node, { reportInput: true });
  if (!result.success) {
    issues.push(...toConfigIssues(result.error.issues, path));
    return undefined;
  }
  // The schema chosen by `form` produced result.data, so this is that form's spec (TypeScript
  // cannot follow the correlation through the union of forms).
  const spec = { ...result.data, distribution: form } as ParameterSpec;
  const before = issues.length;
  checkRelations(spec, node, path, realLiterals, issues);
  return issues.length === before ? spec : undefined;
}

function parseGroup(
  node: Record<string, unknown>,
  path: JsonPath,
  realLiterals: ReadonlySet<string>,
  issues: ConfigIssue[],
): ParameterNode | undefined {
  const extra = Object.keys(node).filter((k) => k !== 'parameters');
  for (const key of extra) {
    issues.push({
      path: formatJsonPath([...path, key]),
      message: 'a nested group takes only `parameters`',
    });
  }
  const children = parseParameterTree(node['parameters'], [...path, 'parameters'], realLiterals, issues);
  return children === undefined || extra.length > 0 ? undefined : { parameters: children };
}

/** Parses a `parameters` object (top level or nested). Names follow W&B's pattern. */
export function parseParameterTree(
  raw: unknown,
  path: JsonPath,
  realLiterals: ReadonlySet<string>,
  issues: ConfigIssue[],
): Record<string, ParameterNode> | undefined {
  const at = formatJsonPath(path);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({ path: at, message: `must be an object of parameters; got ${describeValue(raw)}` });
    return undefined;
  }
  const entries = Object.entries(raw);
  if (entries.length === 0) {
    issues.push({ path: at, message: 'must define at least one parameter' });
    return undefined;
  }
  // Returns what parsed even when some entries did not, so later checks can still report
  // their own problems about the rest; the caller fails on any issue.
  const out: Record<string, ParameterNode> = {};
  for (const [name, value] of entries) {
    if (RESERVED_NAMES.has(name)) {
      issues.push({
        path: formatJsonPath([...path, name]),
        message: `\`${name}\` cannot name a parameter (JavaScript gives it a special meaning); choose another name`,
      });
      continue;
    }
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
      issues.push({
        path: formatJsonPath([...path, name]),
        message: 'a parameter name starts with a letter or _ and holds only letters, digits, _ . -',
      });
      continue;
    }
    const parsed = parseParameterNode(value, [...path, name], realLiterals, issues);
    if (parsed !== undefined) out[name] = parsed;
  }
  return out;
}

function chooseForm(
  node: Record<string, unknown>,
  path: JsonPath,
  realLiterals: ReadonlySet<string>,
  issues: ConfigIssue[],
): FormName | undefined {
  const declared = node['distribution'];
  if (declared !== undefined) {
    if (typeof declared === 'string' && Object.hasOwn(DEPRECATED, declared)) {
      issues.push({ path: formatJsonPath([...path, 'distribution']), message: DEPRECATED[declared] ?? '' });
      return undefined;
    }
    if (typeof declared !== 'string' || !DISTRIBUTION_NAMES.includes(declared)) {
      issues.push({
        path: formatJsonPath([...path, 'distribution']),
        message:
          typeof declared === 'string'
            ? unknownNameMessage('distribution', declared, DISTRIBUTION_NAMES)
            : `must be a distribution name; got ${describeValue(declared)}`,
      });
      return undefined;
    }
    return declared === 'categorical_w_probabilities' ? 'categorical' : (declared as FormName);
  }
  if ('value' in node) return 'constant';
  if ('values' in node) return 'categorical';
  if ('min' in node || 'max' in node) {
    // W&B: int_uniform when both bounds are integers, uniform otherwise. An integer is an
    // integer literal in the file (`1`, not `1.0`), as YAML/Python would read it.
    return isIntegerLiteral(node['min'], [...path, 'min'], realLiterals) &&
      isIntegerLiteral(node['max'], [...path, 'max'], realLiterals)
      ? 'int_uniform'
      : 'uniform';
  }
  issues.push({
    path: formatJsonPath(path),
    message:
      'cannot tell the form of this parameter: give `value`, `values`, `min` and `max`, a `distribution`, or nested `parameters`',
  });
  return undefined;
}

function isIntegerLiteral(value: unknown, path: JsonPath, realLiterals: ReadonlySet<string>) {
  return Number.isInteger(value) && !realLiterals.has(formatJsonPath(path));
}

function checkRelations(
  spec: ParameterSpec,
  raw: Record<string, unknown>,
  path: JsonPath,
  realLiterals: ReadonlySet<string>,
  issues: ConfigIssue[],
): void {
  if (spec.distribution === 'constant' && !('value' in raw)) {
    issues.push({ path: formatJsonPath([...path, 'value']), message: 'required by a constant' });
  }
  if ('min' in spec && 'max' in spec && spec.min >= spec.max) {
    issues.push({
      path: formatJsonPath([...path, 'max']),
      message: `must be greater than min (${spec.min}); got ${spec.max}`,
    });
  }
  if (spec.distribution === 'int_uniform') {
    for (const key of ['min', 'max'] as const) {
      if (realLiterals.has(formatJsonPath([...path, key]))) {
        issues.push({
          path: formatJsonPath([...path, key]),
          message: `int_uniform takes integer bounds; write ${String(raw[key])} without a decimal point`,
        });
      }
    }
  }
  // W&B's schema ties the two names to the presence of probabilities, both ways.
  if (
    raw['distribution'] === 'categorical_w_probabilities' &&
    !('probabilities' in spec && spec.probabilities)
  ) {
    issues.push({
      path: formatJsonPath([...path, 'probabilities']),
      message: 'required by categorical_w_probabilities: one probability per value, summing to 1',
    });
  }
  if (raw['distribution'] === 'categorical' && 'probabilities' in spec && spec.probabilities !== undefined) {
    issues.push({
      path: formatJsonPath([...path, 'distribution']),
      message:
        'with `probabilities` the distribution is "categorical_w_probabilities" (as in W&B); write that, or leave `distribution` out',
    });
  }
  if (spec.distribution === 'categorical' && spec.probabilities !== undefined) {
    const at = formatJsonPath([...path, 'probabilities']);
    if (spec.probabilities.length !== spec.values.length) {
      issues.push({
        path: at,
        message: `must have one probability per value (${spec.values.length}); got ${spec.probabilities.length}`,
      });
    } else {
      const sum = spec.probabilities.reduce((a, b) => a + b, 0);
      // numpy.isclose(sum, 1.0) as in W&B: |sum - 1| <= 1e-8 + 1e-5 * 1
      if (Math.abs(sum - 1) > 1e-8 + 1e-5) {
        issues.push({ path: at, message: `must sum to 1; they sum to ${sum}` });
      }
    }
  }
}

/** Every distribution name a sweep file may use. */
export const DISTRIBUTIONS: readonly DistributionName[] = Object.keys(FORMS) as FormName[];
