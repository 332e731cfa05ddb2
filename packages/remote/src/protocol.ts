import type { EpochReport, RunOutcome, TrialAssignment, TrialRuntime, TrialSummary } from '@embsweep/core';
import type { BlobRef } from './blob-store.js';

/**
 * What travels through Redis between the scheduler and remote workers. A trial is one BullMQ
 * job; everything a worker says about it is a report on the sweep's report stream; stops and
 * kills go the other way on a channel and, durably, in a hash.
 */

/** The job's data: the trial as any executor gets it, and where its data file can be fetched. */
export interface TrialJob {
  readonly assignment: TrialAssignment;
  /** The sweep's name, for the worker's log and `embsweep workers`. */
  readonly sweep: string;
  /** The sweep's execution settings that the worker applies. */
  readonly execution: {
    readonly backend?: string | undefined;
    readonly trialTimeoutSeconds?: number | undefined;
  };
  /** The data file's bytes in Redis (see blob-store.ts), when the data set is a file. */
  readonly dataBlob?: BlobRef | undefined;
}

/** Which run of a trial a report is about: a report of an attempt that is no longer current is dropped. */
export interface ReportOrigin {
  readonly trialId: number;
  readonly attempt: number;
  /** The remote worker that sent it (`host/pid`). */
  readonly worker: string;
}

export type Report = ReportOrigin &
  (
    | { readonly kind: 'ready'; readonly runtime: TrialRuntime }
    | { readonly kind: 'epoch'; readonly report: EpochReport }
    | { readonly kind: 'heartbeat' }
    | { readonly kind: 'log'; readonly message: string }
    | { readonly kind: 'done'; readonly summary: TrialSummary }
    /** How it failed, as the worker's own executor said (see RunOutcome). */
    | Omit<Extract<RunOutcome, { kind: 'failed' }>, 'fatal'>
    /** The worker was told to quit: the trial goes back to the queue for another worker. */
    | { readonly kind: 'handed-back'; readonly message: string }
  );

export type ReportKind = Report['kind'];

/** A stop or kill for one attempt of a trial, published to the workers and kept in a hash. */
export interface ControlMessage {
  readonly action: 'stop' | 'kill';
  readonly trialId: number;
  readonly attempt: number;
  readonly reason: string;
}

/** The field of the stops hash for one attempt. */
export function attemptKey(trialId: number, attempt: number): string {
  return `${trialId}.${attempt}`;
}
