import type { ConfigIssue } from '../errors.js';
import { formatJsonPath } from '../json-path.js';
import { closestName, unknownNameMessage } from '../suggest.js';
import { roundHalfEven } from '../random/sample-parameter.js';
import { gridAxis } from '../search/grid-search.js';
import type { FlatParameter, ParameterSpec } from './parameter-spec.js';
import {
  PARAMETER_ALIASES,
  TRAINER_PARAMETERS,
  checkBound,
  checkTrainerValue,
  trainerParameter,
  type TrainerParameter,
} from './trainer-parameters.js';

/**
 * Checks a validated parameter tree against what the built-in trainer understands: known
 * names (with a "did you mean"), and a distribution whose every possible draw is a legal
 * value (an integer for embedding_dim, within [0, 1) for dropout, one of the choices for
 * optimizer). Called once by validateSweep; custom models skip it.
 */
export function checkTrainerParameters(
  params: readonly FlatParameter[],
  method: 'grid' | 'random' | 'bayes' | undefined,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const names = TRAINER_PARAMETERS.map((p) => p.name);
  for (const { path, spec } of params) {
    const at = ['parameters', ...path];
    if (path.length > 1) {
      issues.push({
        path: formatJsonPath(['parameters', path[0] ?? '']),
        message:
          'nested parameter groups are passed to a custom `model` only; the built-in model takes flat parameters',
      });
      continue;
    }
    const param = trainerParameter(path[0] ?? '');
    if (param === undefined) {
      const name = path[0] ?? '';
      // Aliases are candidates too, so "lr" and "dimm" (near "dim") point at our names.
      const near = closestName(name, [...names, ...Object.keys(PARAMETER_ALIASES)]);
      const suggestion = near === undefined ? undefined : (PARAMETER_ALIASES[near] ?? near);
      issues.push({
        path: formatJsonPath(at),
        message:
          suggestion !== undefined
            ? `unknown parameter \`${name}\`; did you mean \`${suggestion}\`?`
            : unknownNameMessage('parameter', name, names),
      });
      continue;
    }
    issues.push(...checkDomain(param, spec, at, method));
  }
  return issues;
}

interface Support {
  readonly lo: number;
  readonly loClosed: boolean;
  readonly hi: number;
  readonly hiClosed: boolean;
}

function checkDomain(
  param: TrainerParameter,
  spec: ParameterSpec,
  at: string[],
  method: 'grid' | 'random' | 'bayes' | undefined,
): ConfigIssue[] {
  if (spec.distribution === 'constant') {
    const reason = checkTrainerValue(param, spec.value);
    return reason === undefined ? [] : [{ path: formatJsonPath([...at, 'value']), message: reason }];
  }
  if (spec.distribution === 'categorical') {
    return spec.values.flatMap((value, i) => {
      const reason = checkTrainerValue(param, value);
      return reason === undefined ? [] : [{ path: formatJsonPath([...at, 'values', i]), message: reason }];
    });
  }
  if (param.kind !== 'int' && param.kind !== 'real') {
    return [
      {
        path: formatJsonPath([...at, 'distribution']),
        message: `${param.name} takes ${param.kind === 'choice' ? 'one of fixed choices' : `a ${param.kind}`}; use \`value\` or \`values\``,
      },
    ];
  }
  if (param.kind === 'int' && !drawsIntegers(spec)) {
    return [
      {
        path: formatJsonPath([...at, 'distribution']),
        message: `${param.name} must be an integer, but \`${spec.distribution}\` draws reals; use int_uniform (integer min/max), q_uniform with an integer q, or values`,
      },
    ];
  }
  // A grid tries exactly its values (q_uniform leaves max out); random search draws from the
  // distribution. The bounds are checked against what each can really produce.
  const onGrid =
    method === 'grid' && (spec.distribution === 'q_uniform' || spec.distribution === 'int_uniform');
  const support = onGrid ? gridSupport(spec) : supportOf(spec);
  const issues: ConfigIssue[] = [];
  const low = violates(param, support, 'min', spec, onGrid);
  if (low !== undefined)
    issues.push({ path: formatJsonPath([...at, 'min' in spec ? 'min' : 'distribution']), message: low });
  const high = violates(param, support, 'max', spec, onGrid);
  if (high !== undefined)
    issues.push({ path: formatJsonPath([...at, 'max' in spec ? 'max' : 'distribution']), message: high });
  return issues;
}

function violates(
  param: TrainerParameter,
  s: Support,
  side: 'min' | 'max',
  spec: ParameterSpec,
  onGrid: boolean,
): string | undefined {
  const edge = side === 'min' ? s.lo : s.hi;
  const closed = side === 'min' ? s.loClosed : s.hiClosed;
  if (!Number.isFinite(edge)) {
    const bound = side === 'min' ? param.min : param.max;
    if (bound === undefined) return undefined;
    return `this distribution can draw any value ${side === 'min' ? 'below' : 'above'} ${bound}, but ${param.name} ${checkBound(param, side === 'min' ? -Infinity : Infinity, side) ?? ''}; use a bounded distribution (uniform, log_uniform_values, beta, ...)`;
  }
  const bound = side === 'min' ? param.min : param.max;
  if (bound === undefined) return undefined;
  // An open end may sit on the bound (uniform never draws its max); a closed end (int_uniform
  // and quantized forms draw their ends) must stay inside an exclusive bound.
  const strict = closed && ((side === 'min' ? param.minExclusive : param.maxExclusive) ?? false);
  const ok = side === 'min' ? (strict ? edge > bound : edge >= bound) : strict ? edge < bound : edge <= bound;
  if (ok) return undefined;
  const rule = `must be ${side === 'min' ? (strict ? '>' : '>=') : strict ? '<' : '<='} ${bound}`;
  if (!(closed && edge === bound)) return rule;
  if (onGrid)
    return `${rule} (the grid tries ${edge} itself); move ${side} so that the grid's values stay inside`;
  if (spec.distribution === 'int_uniform')
    return `${rule} (this distribution draws ${edge} itself; for reals write e.g. ${edge}.0 or add "distribution": "uniform")`;
  return `${rule} (rounding to q can give ${edge} itself); move ${side} so that no value rounds onto ${edge}`;
}

/** The first and last value a grid axis takes (closed at both ends). */
function gridSupport(spec: ParameterSpec): Support {
  const axis = gridAxis(spec);
  const first = axis.length > 0 ? Number(axis.at(0)) : NaN;
  const last = axis.length > 0 ? Number(axis.at(axis.length - 1)) : NaN;
  return { lo: first, loClosed: true, hi: last, hiClosed: true };
}

function drawsIntegers(spec: ParameterSpec): boolean {
  if (spec.distribution === 'int_uniform') return true;
  return 'q' in spec && Number.isInteger(spec.q) && (!('min' in spec) || Number.isInteger(spec.min));
}

/** The set of values a distribution can draw, as an interval with open or closed ends. */
function supportOf(spec: ParameterSpec): Support {
  const round = (x: number, step: number) => roundHalfEven(x / step) * step;
  switch (spec.distribution) {
    case 'int_uniform':
      return { lo: spec.min, loClosed: true, hi: spec.max, hiClosed: true };
    case 'uniform':
    case 'log_uniform_values':
      return { lo: spec.min, loClosed: true, hi: spec.max, hiClosed: false };
    case 'inv_log_uniform_values':
      return { lo: spec.min, loClosed: false, hi: spec.max, hiClosed: true };
    case 'q_uniform':
    case 'q_log_uniform_values':
      return { lo: round(spec.min, spec.q), loClosed: true, hi: round(spec.max, spec.q), hiClosed: true };
    case 'normal':
    case 'q_normal':
      return { lo: -Infinity, loClosed: false, hi: Infinity, hiClosed: false };
    case 'log_normal':
      return { lo: 0, loClosed: false, hi: Infinity, hiClosed: false };
    case 'q_log_normal':
      return { lo: 0, loClosed: true, hi: Infinity, hiClosed: false };
    case 'beta':
      return { lo: 0, loClosed: false, hi: 1, hiClosed: false };
    case 'q_beta':
      return { lo: 0, loClosed: true, hi: round(1, spec.q), hiClosed: true };
    case 'constant':
    case 'categorical':
      throw new Error('supportOf: discrete forms are checked value by value');
  }
}
