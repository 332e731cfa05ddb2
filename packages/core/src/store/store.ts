import type { PlannedTrial } from '../search/plan-trials.js';
import type { SweepSpec } from '../sweep-spec/sweep-spec.js';
import type { TrialState } from '../trials/trial-state.js';
import type { Curve, MetricPoint, SweepRecord, SweepStatus, TrialEvent, TrialRecord } from './records.js';

/**
 * The results database, as small interfaces with one job each. Invariants every
 * implementation keeps (checked by the shared contract suite in @embsweep/store):
 * - a trial only changes state along the transitions of trial-state.ts; anything else throws
 *   IllegalTransitionError and changes nothing;
 * - every state change is recorded as a TrialEvent in the same transaction;
 * - a pending trial is claimed by exactly one caller, however many claim at once;
 * - a (sweep, cell id) exists once, so adding a plan again adds nothing twice;
 * - a metric point is stored once per (trial, attempt, name, step): writing it again replaces it;
 * - NaN and +/-Infinity read back as written, distinct from a missing point;
 * - a write that returned is durable; a failed write leaves nothing half-done.
 */
export interface SweepStore {
  /** Creates a sweep, or returns the existing one of that name (resume). */
  openSweep(name: string, spec: SweepSpec, specHash: string): SweepRecord;
  getSweep(name: string): SweepRecord | undefined;
  listSweeps(): SweepRecord[];
  setSweepStatus(sweepId: number, status: SweepStatus): void;
}

export interface TrialStore {
  /** Adds planned trials as pending; cells the sweep already has are left as they are. */
  addTrials(sweepId: number, trials: readonly PlannedTrial[]): void;
  /**
   * Atomically takes the lowest-index pending trial of a sweep, marks it running with a new
   * attempt and the worker's identity, and returns it; undefined when none is pending.
   */
  claimTrial(
    sweepId: number,
    worker: { readonly pid: number; readonly host: string },
  ): TrialRecord | undefined;
  /** Moves a trial to another state and records why; fills error fields for failures. */
  transitionTrial(
    trialId: number,
    to: TrialState,
    outcome: { readonly reason: string; readonly errorCode?: string; readonly errorMessage?: string },
  ): TrialRecord;
  /** Records what a running trial runs on, and (when given) the pid of its worker process. */
  setTrialRuntime(
    trialId: number,
    runtime: {
      readonly backend: string;
      readonly versions: Readonly<Record<string, string>>;
      readonly pid?: number;
    },
  ): void;
  heartbeat(trialId: number): void;
  getTrial(trialId: number): TrialRecord | undefined;
  listTrials(sweepId: number): TrialRecord[];
  trialEvents(trialId: number): TrialEvent[];
}

export interface MetricStore {
  /**
   * The one batch write primitive: stores many points in one transaction, and keeps each
   * trial's best value of the sweep's metric (by its goal) and epochs run up to date.
   */
  logMetrics(points: readonly MetricPoint[]): void;
  /** Curves of the latest attempt of every trial of a sweep, for the named metrics. */
  curves(sweepId: number, names: readonly string[]): Curve[];
  /** Every metric of one trial's latest attempt. */
  trialCurves(trialId: number): Curve[];
}

/** Everything the scheduler, the server and the CLI need of the results database. */
export interface Store extends SweepStore, TrialStore, MetricStore {
  close(): void;
}
