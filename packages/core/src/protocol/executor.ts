import type { SerializedError } from '../errors.js';
import type { TrialRecord } from '../store/records.js';
import type { TrialRuntime } from '../store/store.js';
import type { EpochReport, TrialAssignment, TrialSummary } from './worker-messages.js';

/** What the scheduler hears about a running trial. */
export interface TrialHandlers {
  // Each handler returns once the report is recorded, and throws when it could not be (the
  // results database failed): an executor with a durable channel then does not acknowledge it.
  /** The worker is up: where it runs, the executor's id for it, and its backend (recorded with the trial). */
  onReady(info: TrialRuntime): void;
  onEpoch(report: EpochReport): void;
  onHeartbeat(): void;
  onLog(message: string): void;
}

/** How a trial's run ended, from the executor's side. */
export type RunOutcome =
  | { readonly kind: 'done'; readonly summary: TrialSummary }
  | {
      readonly kind: 'failed';
      /**
       * A stable reason: worker_crashed, heartbeat_timeout, timeout, oom, diverged,
       * data_invalid, ...; `interrupted` when the user's stop ended the worker (the trial is
       * not failed: it runs again on resume).
       */
      readonly code: string;
      /** What happened, for people: exit code or signal, the error message. */
      readonly message: string;
      readonly error?: SerializedError | undefined;
      /**
       * The executor can run nothing more (its job queue is gone for good): the sweep stops
       * with this message, and the trial, not at fault, runs again on resume.
       */
      readonly fatal?: boolean | undefined;
    };

/** A trial being run by an executor. */
export interface RunningTrial {
  /** Asks the trial to end at its next batch boundary (pruning, Ctrl-C); kills it if it does not. */
  stop(reason: string): void;
  /** Ends the trial at once (a second Ctrl-C). */
  kill(): void;
  readonly outcome: Promise<RunOutcome>;
}

/**
 * Whether a trial that the database says is running is really being trained somewhere, and,
 * if it is, whether this scheduler should take it over (`reattach`: its workers report to
 * whichever scheduler runs the sweep) or leave it to the scheduler that runs it.
 */
export type Liveness =
  { readonly alive: true; readonly reattach?: boolean } | { readonly alive: false; readonly reason: string };

/**
 * Runs trials somewhere: local child processes, or workers on other machines. The scheduler's
 * logic depends only on this interface: it hands over a trial and listens. Every
 * implementation passes the executor contract suite (@embsweep/scheduler/testing).
 */
export interface Executor {
  /**
   * Readies what a trial needs before it is handed over (the local executor prepares its data
   * set in the shared cache, so bad data fails once, up front, with a DataError). Optional:
   * an executor whose workers prepare everything themselves has nothing to do here.
   */
  prepare?(trial: TrialAssignment): Promise<void>;
  run(trial: TrialAssignment, handlers: TrialHandlers): RunningTrial;
  /**
   * On resume: whether a trial that an earlier run left `running` is still trained (by
   * another scheduler, or a worker that outlived its scheduler), judged by what this executor
   * knows of where it ran.
   */
  probe(trial: TrialRecord): Promise<Liveness>;
  /**
   * Takes over a trial that probe() said to reattach: its reports from now on (and those sent
   * while no scheduler listened) go to `handlers`, as if this executor had started it.
   */
  reattach?(trial: TrialAssignment, handlers: TrialHandlers): RunningTrial;
  /** Ends a trial left running by a scheduler that is gone, if its worker is still at it. */
  cancel(trial: TrialRecord): Promise<void>;
  /** Releases what is kept between trials (idle workers); runSweep calls it when it ends. */
  close(): Promise<void>;
}
