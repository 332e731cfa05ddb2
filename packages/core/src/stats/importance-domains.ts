import { flattenParameters, type ParameterSpec } from '../sweep-spec/parameter-spec.js';
import type { SweepSpec } from '../sweep-spec/sweep-spec.js';
import type { ImportanceDomain, ImportanceTrial } from './ped-anova.js';

/**
 * The search space of a sweep as PED-ANOVA sees it, one domain per parameter the sweep varies
 * (dotted names for nested ones): `values` are categorical; ranges numeric, in log space for
 * the log distributions; the unbounded ones (normal, log-normal) span the values the trials took.
 */
export function importanceDomains(
  spec: SweepSpec,
  trials: readonly ImportanceTrial[],
): Record<string, ImportanceDomain> {
  const out: Record<string, ImportanceDomain> = {};
  for (const { path, spec: p } of flattenParameters(spec.parameters)) {
    const name = path.join('.');
    const seen = trials.map((t) => t.params[name]).filter((v): v is number => typeof v === 'number');
    const domain = domainOf(p, seen);
    if (domain !== undefined) out[name] = domain;
  }
  return out;
}

function domainOf(p: ParameterSpec, seen: readonly number[]): ImportanceDomain | undefined {
  const range = (log: boolean, integer = false): ImportanceDomain => ({
    kind: 'numeric',
    low: Math.min(...seen),
    high: Math.max(...seen),
    log,
    integer,
  });
  switch (p.distribution) {
    case 'constant':
      return undefined;
    case 'categorical':
      return { kind: 'categorical', choices: p.values };
    case 'int_uniform':
      return { kind: 'numeric', low: p.min, high: p.max, log: false, integer: true };
    case 'uniform':
    case 'q_uniform':
      return { kind: 'numeric', low: p.min, high: p.max, log: false, integer: false };
    case 'log_uniform_values':
    case 'q_log_uniform_values':
    case 'inv_log_uniform_values':
      return { kind: 'numeric', low: p.min, high: p.max, log: true, integer: false };
    case 'beta':
    case 'q_beta':
      return { kind: 'numeric', low: 0, high: 1, log: false, integer: false };
    case 'log_normal':
    case 'q_log_normal':
      return seen.length === 0 ? undefined : range(true);
    default:
      return seen.length === 0 ? undefined : range(false);
  }
}

/** A trial's parameters flattened to the dotted names of importanceDomains. */
export function flatParams(params: Readonly<Record<string, unknown>>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      Object.assign(out, flatParams(value as Record<string, unknown>, name));
    else out[name] = value;
  }
  return out;
}
