import { ConfigError, TRIAL_STATES, type ConfigIssue, type TrialState } from '@embsweep/core';

/**
 * Validation of the API's query parameters, once, at the edge: every problem is reported with
 * the parameter's name, and the request is refused (400) rather than guessed at.
 */

export type Query = Readonly<Record<string, unknown>>;

export interface TrialQuery {
  readonly states: readonly TrialState[] | undefined;
  /** Parameter name -> accepted values, as text (16, 0.5, adam, true). */
  readonly params: ReadonlyMap<string, ReadonlySet<string>>;
  readonly sort: string;
  readonly order: 'asc' | 'desc';
  readonly offset: number;
  readonly limit: number;
  /** Only the K best completed trials by the sweep's metric (0: all). */
  readonly top: number;
}

export interface CurveQuery {
  /** Metric names; undefined means the sweep's metric. */
  readonly metrics: readonly string[] | undefined;
  readonly points: number;
  /** Only these trials' curves (a live page asks for those that changed); undefined: all. */
  readonly trials: readonly number[] | undefined;
  readonly format: 'json' | 'binary';
}

export const MAX_PAGE = 10_000;
export const DEFAULT_POINTS = 300;
const TRIAL_KEYS = new Set(['state', 'sort', 'order', 'offset', 'limit', 'top']);

/** Sort keys of the trials table; `param.<name>` sorts by a parameter. */
export const SORT_KEYS = [
  'index',
  'seed',
  'state',
  'best_value',
  'best_epoch',
  'epochs_run',
  'duration',
  'host',
] as const;

export function parseTrialQuery(query: Query): TrialQuery {
  const issues: ConfigIssue[] = [];
  const text = (key: string): string | undefined => single(query, key, issues);
  const states = list(text('state'));
  for (const s of states ?? [])
    if (!(TRIAL_STATES as readonly string[]).includes(s))
      issues.push({
        path: 'state',
        message: `unknown state "${s}"; expected some of ${TRIAL_STATES.join(', ')}`,
      });
  const sort = text('sort') ?? 'index';
  if (!(SORT_KEYS as readonly string[]).includes(sort) && !/^param\.[A-Za-z0-9_.-]+$/.test(sort))
    issues.push({
      path: 'sort',
      message: `expected one of ${SORT_KEYS.join(', ')} or param.<name>, got "${sort}"`,
    });
  const order = text('order') ?? 'asc';
  if (order !== 'asc' && order !== 'desc')
    issues.push({ path: 'order', message: `expected asc or desc, got "${order}"` });
  const offset = integer(text('offset'), 'offset', 0, Number.MAX_SAFE_INTEGER, 0, issues);
  const rawLimit = text('limit');
  const limit = rawLimit === 'all' ? MAX_PAGE : integer(rawLimit, 'limit', 1, MAX_PAGE, 50, issues);
  const top = integer(text('top'), 'top', 0, MAX_PAGE, 0, issues);
  const params = new Map<string, Set<string>>();
  for (const key of Object.keys(query)) {
    if (key.startsWith('param.') && key.length > 'param.'.length) {
      params.set(key.slice('param.'.length), new Set(list(text(key)) ?? []));
    } else if (!TRIAL_KEYS.has(key)) {
      issues.push({
        path: key,
        message: `unknown query parameter; expected ${[...TRIAL_KEYS].join(', ')} or param.<name>`,
      });
    }
  }
  if (issues.length > 0) throw new ConfigError(issues, 'The request is not valid');
  return {
    states: states as TrialState[] | undefined,
    params,
    sort,
    order: order as 'asc' | 'desc',
    offset,
    limit,
    top,
  };
}

/** Most distinct metrics one curves request may ask for. */
export const MAX_METRICS = 10;
/** Most trial ids one curves request may name (a live update asks for the trials that changed). */
export const MAX_TRIAL_IDS = 1000;
const CURVE_KEYS = new Set(['metrics', 'points', 'trials', 'format']);

export function parseCurveQuery(query: Query): CurveQuery {
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(query))
    if (!CURVE_KEYS.has(key))
      issues.push({
        path: key,
        message: 'unknown query parameter; expected metrics, points, trials or format',
      });
  const asked = list(single(query, 'metrics', issues));
  const metrics = asked && [...new Set(asked)]; // a metric asked twice is sent once
  for (const m of metrics ?? [])
    if (!/^[A-Za-z0-9_.:/-]{1,100}$/.test(m))
      issues.push({ path: 'metrics', message: `"${m}" is not a metric name` });
  if (metrics !== undefined && metrics.length > MAX_METRICS)
    issues.push({
      path: 'metrics',
      message: `at most ${MAX_METRICS} metrics per request; got ${metrics.length}`,
    });
  const points = integer(single(query, 'points', issues), 'points', 10, 5000, DEFAULT_POINTS, issues);
  const trials = list(single(query, 'trials', issues))?.map((id) =>
    integer(id, 'trials', 1, Number.MAX_SAFE_INTEGER, 0, issues),
  );
  if (trials !== undefined && trials.length > MAX_TRIAL_IDS)
    issues.push({
      path: 'trials',
      message: `at most ${MAX_TRIAL_IDS} trial ids per request (leave trials out for all); got ${trials.length}`,
    });
  const format = single(query, 'format', issues) ?? 'json';
  if (format !== 'json' && format !== 'binary')
    issues.push({ path: 'format', message: `expected json or binary, got "${format}"` });
  if (issues.length > 0) throw new ConfigError(issues, 'The request is not valid');
  return { metrics, points, trials, format: format as 'json' | 'binary' };
}

/** The query of /at-epoch: `epoch`, a whole number from 1 (required). */
export function parseEpochQuery(query: Query): number {
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(query))
    if (key !== 'epoch') issues.push({ path: key, message: 'unknown query parameter; expected epoch' });
  const text = single(query, 'epoch', issues);
  if (text === undefined && issues.length === 0)
    issues.push({ path: 'epoch', message: 'required, e.g. ?epoch=3' });
  const epoch = integer(text, 'epoch', 1, 1_000_000_000, 0, issues);
  if (issues.length > 0) throw new ConfigError(issues, 'The request is not valid');
  return epoch;
}

/** A path segment that must be an artifact's name (lower-case letters, digits, _ and -). */
export function parseArtifactName(text: string): string {
  if (!/^[a-z0-9_-]{1,64}$/.test(text))
    throw new ConfigError(
      [
        {
          path: 'name',
          message: `expected an artifact name (letters, digits, _ and -), got "${text.slice(0, 80)}"`,
        },
      ],
      'The request is not valid',
    );
  return text;
}

/** A path segment that must be a trial id. */
export function parseTrialId(text: string): number {
  const id = Number(text);
  if (!/^[0-9]{1,15}$/.test(text) || !Number.isSafeInteger(id))
    throw new ConfigError(
      [{ path: 'trial', message: `expected a trial id (a whole number), got "${text}"` }],
      'The request is not valid',
    );
  return id;
}

function single(query: Query, key: string, issues: ConfigIssue[]): string | undefined {
  const value = query[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    issues.push({ path: key, message: 'given more than once; give it once (lists are comma-separated)' });
    return undefined;
  }
  return value;
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  return value.split(',').map((v) => v.trim());
}

function integer(
  value: string | undefined,
  key: string,
  min: number,
  max: number,
  fallback: number,
  issues: ConfigIssue[],
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^-?[0-9]+$/.test(value) || n < min || n > max) {
    issues.push({ path: key, message: `expected a whole number from ${min} to ${max}, got "${value}"` });
    return fallback;
  }
  return n;
}
