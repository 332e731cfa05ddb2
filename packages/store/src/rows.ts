import type {
  Curve,
  SweepRecord,
  SweepSpec,
  SweepStatus,
  TrialEvent,
  TrialRecord,
  TrialState,
} from '@embsweep/core';

/** Rows as SQLite returns them; the one place they become domain records. */
export interface SweepRow {
  id: number;
  name: string;
  spec_json: string;
  spec_hash: string;
  status: SweepStatus;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  status_reason: string | null;
}

export interface TrialRow {
  id: number;
  sweep_id: number;
  trial_index: number;
  config_index: number;
  cell_id: string;
  params_json: string;
  seed: number;
  state: TrialState;
  attempt: number;
  worker_pid: number | null;
  worker_id: string | null;
  worker_host: string | null;
  scheduler_pid: number | null;
  scheduler_host: string | null;
  backend: string | null;
  versions_json: string | null;
  heartbeat_at: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error_code: string | null;
  error_message: string | null;
  best_value: number | null;
  best_epoch: number | null;
  epochs_run: number;
}

export interface EventRow {
  trial_id: number;
  attempt: number;
  from_state: TrialState | null;
  to_state: TrialState;
  reason: string;
  at: string;
}

export function toSweep(row: SweepRow): SweepRecord {
  return {
    id: row.id,
    name: row.name,
    spec: JSON.parse(row.spec_json) as SweepSpec,
    specHash: row.spec_hash,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    statusReason: row.status_reason,
  };
}

export function toTrial(row: TrialRow): TrialRecord {
  return {
    id: row.id,
    sweepId: row.sweep_id,
    index: row.trial_index,
    configIndex: row.config_index,
    cellId: row.cell_id,
    params: JSON.parse(row.params_json) as Record<string, unknown>,
    seed: row.seed,
    state: row.state,
    attempt: row.attempt,
    workerPid: row.worker_pid,
    workerId: row.worker_id,
    workerHost: row.worker_host,
    schedulerPid: row.scheduler_pid,
    schedulerHost: row.scheduler_host,
    backend: row.backend,
    versions: row.versions_json === null ? null : (JSON.parse(row.versions_json) as Record<string, string>),
    heartbeatAt: row.heartbeat_at,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    bestValue: row.best_value,
    bestEpoch: row.best_epoch,
    epochsRun: row.epochs_run,
  };
}

export function toEvent(row: EventRow): TrialEvent {
  return {
    trialId: row.trial_id,
    attempt: row.attempt,
    from: row.from_state,
    to: row.to_state,
    reason: row.reason,
    at: row.at,
  };
}

/** A stored point's value: NaN when flagged, the REAL (finite or infinite) otherwise. */
export function pointValue(value: number | null, isNan: number): number {
  return isNan === 1 || value === null ? NaN : value;
}

/**
 * Turns point rows, ordered by curve then step, into curves: one per (trial, metric). `pick`
 * reads a row, or skips it by returning undefined (a point of an older attempt).
 */
export function groupCurves<R>(
  rows: Iterable<R>,
  pick: (
    row: R,
  ) => { trialId: number; name: string; step: number; value: number | null; isNan: number } | undefined,
): Curve[] {
  const out: Curve[] = [];
  let current: { trialId: number; name: string; steps: number[]; values: number[] } | undefined;
  for (const row of rows) {
    const point = pick(row);
    if (point === undefined) continue;
    if (current?.trialId !== point.trialId || current.name !== point.name) {
      current = { trialId: point.trialId, name: point.name, steps: [], values: [] };
      out.push(current);
    }
    current.steps.push(point.step);
    current.values.push(pointValue(point.value, point.isNan));
  }
  return out;
}
