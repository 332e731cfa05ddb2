import type { SerializedError } from '../errors.js';
import type { EpochReport, TrialAssignment, TrialSummary } from './worker-messages.js';

/** What the scheduler hears about a running trial. */
export interface TrialHandlers {
  /** The worker is up: its process and what it runs on (recorded with the trial). */
  onReady(info: {
    readonly pid: number;
    readonly host: string;
    readonly backend: string;
    readonly versions: Readonly<Record<string, string>>;
  }): void;
  onEpoch(report: EpochReport): void;
  onHeartbeat(): void;
  onLog(message: string): void;
}

/** How a trial's run ended, from the executor's side. */
export type RunOutcome =
  | { readonly kind: 'done'; readonly summary: TrialSummary }
  | {
      readonly kind: 'failed';
      /** A stable reason: worker_crashed, heartbeat_timeout, timeout, oom, diverged, data_invalid, ... */
      readonly code: string;
      /** What happened, for people: exit code or signal, the error message. */
      readonly message: string;
      readonly error?: SerializedError | undefined;
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
 * Runs trials somewhere: local child processes now, a distributed job queue later. The
 * scheduler's logic depends only on this interface: it hands over a trial and listens.
 */
export interface Executor {
  run(trial: TrialAssignment, handlers: TrialHandlers): RunningTrial;
  /** Releases what is kept between trials (idle workers); runSweep calls it when it ends. */
  close(): Promise<void>;
}
