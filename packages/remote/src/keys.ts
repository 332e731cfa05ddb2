import { createHash } from 'node:crypto';

/** Everything embsweep keeps in Redis starts with this, so it never mixes with other users' keys. */
export const ROOT = 'embsweep';
/** BullMQ's own key prefix for embsweep's queues. */
export const QUEUE_PREFIX = `${ROOT}:q`;
/** Sweeps that want workers: namespace -> SweepAnnouncement (JSON). Workers read it to find queues. */
export const SWEEPS_KEY = `${ROOT}:sweeps`;
/** Workers that are up: worker id -> WorkerAnnouncement (JSON). */
export const WORKERS_KEY = `${ROOT}:workers`;
/** Published when a sweep appears, so idle workers pick it up at once. */
export const ANNOUNCE_CHANNEL = `${ROOT}:announce`;
/** The pattern of every sweep's control channel, which workers subscribe to. */
export const CONTROL_PATTERN = `${ROOT}:sweep:*:control`;

/** Where a file's bytes are kept, by their SHA-256 (shared by every sweep that uses the file). */
export function blobKey(sha256: string): string {
  return `${ROOT}:blob:${sha256}`;
}

/** The Redis names of one sweep: its queue, its report stream, its stops. */
export interface SweepKeys {
  readonly namespace: string;
  /** The BullMQ queue's name (under QUEUE_PREFIX). */
  readonly queue: string;
  /** The stream of reports from workers, read by the scheduler's consumer group. */
  readonly reports: string;
  /** attempt key -> ControlMessage: a stop stays here, so a worker that missed it still obeys. */
  readonly stops: string;
  /** Stops and kills, published for the workers running them right now. */
  readonly control: string;
  /** Held by the one scheduler of the sweep. */
  readonly lease: string;
}

/**
 * The names of a sweep: one namespace per (scheduler machine, results database, sweep name),
 * so two unrelated sweeps on one Redis never share a queue, even with the same sweep name.
 */
export function sweepKeys(host: string, dbPath: string, sweepName: string): SweepKeys {
  return keysOfNamespace(
    createHash('sha256').update(`${host}\0${dbPath}\0${sweepName}`).digest('hex').slice(0, 16),
  );
}

/** A sweep's names from its namespace (as workers learn it from SWEEPS_KEY). */
export function keysOfNamespace(namespace: string): SweepKeys {
  const base = `${ROOT}:sweep:${namespace}`;
  return {
    namespace,
    queue: `trials-${namespace}`,
    reports: `${base}:reports`,
    stops: `${base}:stops`,
    control: `${base}:control`,
    lease: `${base}:scheduler`,
  };
}

/** What the scheduler says about its sweep in SWEEPS_KEY, refreshed while it runs. */
export interface SweepAnnouncement {
  readonly namespace: string;
  readonly sweep: string;
  readonly host: string;
  readonly db: string;
  /** Epoch ms of the last refresh; a sweep not refreshed for a while is no longer served. */
  readonly seenAt: number;
}
