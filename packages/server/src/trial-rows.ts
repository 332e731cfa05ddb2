import type { TrialRecord } from '@embsweep/core';
import type { ParameterSummary, TrialRow } from './api-types.js';

// The trials as the dashboard lists them: one row per trial, the table's sort order, and the
// values each parameter took (the filters and colour scales are built from them).

/** A parameter value as text, the form filters are given in. */
export function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

export function toRow(t: TrialRecord, now: number): TrialRow {
  const started = t.startedAt === null ? null : Date.parse(t.startedAt);
  const ended = t.finishedAt === null ? (t.state === 'running' ? now : null) : Date.parse(t.finishedAt);
  return {
    id: t.id,
    index: t.index,
    configIndex: t.configIndex,
    seed: t.seed,
    params: t.params,
    state: t.state,
    attempt: t.attempt,
    bestValue: t.bestValue,
    bestEpoch: t.bestEpoch,
    epochsRun: t.epochsRun,
    host: t.workerHost,
    durationS: started === null || ended === null ? null : Math.max(0, (ended - started) / 1000),
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    errorCode: t.errorCode,
    errorMessage: t.errorMessage,
  };
}

type Sortable = number | string | null;

function sortKey(row: TrialRow, key: string): Sortable {
  if (key.startsWith('param.')) {
    const value = row.params[key.slice('param.'.length)];
    return typeof value === 'number' || typeof value === 'string'
      ? value
      : value == null
        ? null
        : valueText(value);
  }
  switch (key) {
    case 'seed':
      return row.seed;
    case 'state':
      return row.state;
    case 'best_value':
      return row.bestValue;
    case 'best_epoch':
      return row.bestEpoch;
    case 'epochs_run':
      return row.epochsRun;
    case 'duration':
      return row.durationS;
    case 'host':
      return row.host;
    default:
      return row.index;
  }
}

/** Sorts by the key in the given order; missing values last either way; plan order breaks ties. */
export function comparator(key: string, order: 'asc' | 'desc'): (a: TrialRow, b: TrialRow) => number {
  const sign = order === 'desc' ? -1 : 1;
  return (a, b) => {
    const x = sortKey(a, key);
    const y = sortKey(b, key);
    if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c === 0 ? a.index - b.index : sign * c;
  };
}

export function parameterSummaries(
  trials: readonly TrialRecord[],
  order: readonly string[],
): ParameterSummary[] {
  const values = new Map<string, Map<string, number | string | boolean | null>>();
  for (const t of trials) {
    for (const [name, value] of Object.entries(t.params)) {
      const seen = values.get(name) ?? new Map<string, number | string | boolean | null>();
      const v =
        typeof value === 'object' && value !== null
          ? JSON.stringify(value)
          : (value as number | string | boolean | null);
      seen.set(valueText(v), v);
      values.set(name, seen);
    }
  }
  const summaries = [...values].map(([name, seen]) => ({
    name,
    values: [...seen.values()].sort((a, b) =>
      typeof a === 'number' && typeof b === 'number' ? a - b : valueText(a).localeCompare(valueText(b)),
    ),
  }));
  // Parameters that vary first, since they are what a person compares; then the sweep file's order.
  const position = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return summaries.sort(
    (a, b) =>
      Number(b.values.length > 1) - Number(a.values.length > 1) || position(a.name) - position(b.name),
  );
}
