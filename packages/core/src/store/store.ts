import type { Artifact } from '../protocol/worker-messages.js';
import type { NewTrial } from '../search/next-trial.js';
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
 * - proposing a trial and inserting it is one transaction: the proposer sees every trial that
 *   exists when it decides, so two schedulers never create the same trial, nor more than
 *   run_cap between them;
 * - a metric point is stored once per (trial, attempt, name, step): writing it again replaces it;
 * - NaN and +/-Infinity read back as written, distinct from a missing point;
 * - a write that returned is durable; a failed write leaves nothing half-done.
 */
export interface SweepStore {
  /** Creates a sweep, or returns the existing one of that name (resume). */
  openSweep(name: string, spec: SweepSpec, specHash: string): SweepRecord;
  getSweep(name: string): SweepRecord | undefined;
  listSweeps(): SweepRecord[];
  /**
   * Switches a sweep to another metric (name or goal), in one transaction: the stored sweep
   * file becomes `spec`, and every trial's best value and epoch are recomputed from its stored
   * points for the new metric, so no summary shows one metric's numbers under another's name.
   */
  changeMetric(sweepId: number, spec: SweepSpec): void;
  /** Sets the sweep's status, with why (kept until the next change of status). */
  setSweepStatus(sweepId: number, status: SweepStatus, reason?: string): void;
}

/** The scheduler process that claims a trial. */
export interface Claimant {
  readonly pid: number;
  readonly host: string;
}

/** What a trial runs on, from its worker's `ready`. */
export interface TrialRuntime {
  readonly backend: string;
  readonly versions: Readonly<Record<string, string>>;
  /** The machine the worker runs on. */
  readonly host: string;
  /** The executor's name for the worker (a pid, or a remote worker's id). */
  readonly workerId: string;
  /** The worker's process id, when it is a process of the scheduler's machine. */
  readonly pid?: number | undefined;
}

export interface TrialStore {
  /** Adds planned trials as pending; cells the sweep already has are left as they are. */
  addTrials(sweepId: number, trials: readonly PlannedTrial[]): void;
  /**
   * Atomically takes the lowest-index pending trial of a sweep, marks it running with a new
   * attempt and the claimant's identity, and returns it; undefined when none is pending.
   */
  claimTrial(sweepId: number, claimant: Claimant): TrialRecord | undefined;
  /**
   * Creates the sweep's next trial and claims it, in one write transaction: reads the trials
   * whose index is `knownTrials` or more (those the caller has not seen: another scheduler's),
   * calls `propose` with them, and inserts its answer with the next index, running, attempt 1.
   * Writes nothing and returns undefined when `propose` does. `propose` must be synchronous
   * and must not call the store.
   */
  proposeTrial(
    sweepId: number,
    knownTrials: number,
    propose: (unseen: readonly TrialRecord[]) => NewTrial | undefined,
    claimant: Claimant,
  ): TrialRecord | undefined;
  /** Moves a trial to another state and records why; fills error fields for failures. */
  transitionTrial(
    trialId: number,
    to: TrialState,
    outcome: { readonly reason: string; readonly errorCode?: string; readonly errorMessage?: string },
  ): TrialRecord;
  /** Records what and where a running trial runs, when its worker is up. */
  setTrialRuntime(trialId: number, runtime: TrialRuntime): void;
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

export interface ArtifactStore {
  /**
   * Stores a trial attempt's artifacts, replacing ones of the same name. Throws an
   * EmbsweepError (artifact_too_large) for one over the store's size limit, storing none.
   */
  saveArtifacts(trialId: number, attempt: number, artifacts: readonly Artifact[]): void;
  /** Removes the artifacts of these names from every trial of the sweep but one. */
  deleteArtifacts(sweepId: number, names: readonly string[], exceptTrialId: number): void;
}

/** Everything the scheduler, the server and the CLI need of the results database. */
export interface Store extends SweepStore, TrialStore, MetricStore, ArtifactStore {
  close(): void;
}
