import type { SerializedError } from '../errors.js';
import type { ParameterValues } from '../search/parameter-values.js';
import type { SweepSpec } from '../sweep-spec/sweep-spec.js';
import type { TrialState } from '../trials/trial-state.js';

/**
 * Read-only snapshots of what the store holds (like Optuna's FrozenTrial): plain data, safe to
 * pass around and serialize; changes go through the Store's methods only. Times are ISO-8601
 * UTC strings.
 */

export type SweepStatus = 'running' | 'finished' | 'stopped' | 'failed';

export interface SweepRecord {
  readonly id: number;
  readonly name: string;
  readonly spec: SweepSpec;
  /** SHA-256 of the part of the spec that defines the search space (see searchSpaceHash). */
  readonly specHash: string;
  readonly status: SweepStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
  /** Why it ended as it did, when it ended early or for a reason worth keeping. */
  readonly statusReason: string | null;
}

export interface TrialRecord {
  readonly id: number;
  readonly sweepId: number;
  /** Position in the sweep's plan, from 0. */
  readonly index: number;
  readonly configIndex: number;
  readonly cellId: string;
  readonly params: ParameterValues;
  readonly seed: number;
  readonly state: TrialState;
  /** 0 until first claimed; each claim (first run, retry, resume) adds 1. */
  readonly attempt: number;
  /** The worker process that trains the trial, when it is a local process (set when it is up). */
  readonly workerPid: number | null;
  /** The executor's name for the worker that trains the trial (set when it is up). */
  readonly workerId: string | null;
  /** The machine the trial runs (or ran) on, as its worker reported it. */
  readonly workerHost: string | null;
  /** The scheduler process that claimed the trial, and its machine. */
  readonly schedulerPid: number | null;
  readonly schedulerHost: string | null;
  /** The tfjs backend the trial ran on, and the versions of what ran it. */
  readonly backend: string | null;
  readonly versions: Readonly<Record<string, string>> | null;
  readonly heartbeatAt: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** Best value of the sweep's metric over the epochs of the latest attempt, and its epoch. */
  readonly bestValue: number | null;
  readonly bestEpoch: number | null;
  /** Epochs reported by the latest attempt. */
  readonly epochsRun: number;
}

/**
 * One value of one metric after one epoch. `value` may be NaN or +/-Infinity: the store keeps
 * them distinct from a missing point.
 */
export interface MetricPoint {
  readonly trialId: number;
  readonly attempt: number;
  readonly name: string;
  /** Epoch number, from 1. */
  readonly step: number;
  readonly value: number;
}

/** A state change of a trial, with why it happened. */
export interface TrialEvent {
  readonly trialId: number;
  readonly attempt: number;
  readonly from: TrialState | null;
  readonly to: TrialState;
  readonly reason: string;
  readonly at: string;
}

/** One trial's values of one metric, epoch by epoch, for charts. */
export interface Curve {
  readonly trialId: number;
  readonly name: string;
  readonly steps: readonly number[];
  readonly values: readonly number[];
}

/** What ended a trial, when it did not complete. */
export interface TrialOutcome {
  readonly reason: string;
  readonly error?: SerializedError | undefined;
}
