import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_PREFIX } from './keys.js';

/** What the check remembers of one job between calls. */
export interface WatchedJob {
  readonly jobId: string;
  /** Consecutive checks that found the job active without a lock. */
  lockMisses: number;
  /** The worker that last reported on it, for the message. */
  readonly worker: string | undefined;
}

/**
 * Why the worker of a job counts as lost, or undefined while it is fine (or not started): the
 * job failed (BullMQ's stalled check, with redelivery off), vanished, or has been active
 * without a lock twice in a row (no worker renews it; twice, so a job caught between two
 * states is not taken for lost).
 */
export async function lostWorker(queue: Queue, redis: Redis, job: WatchedJob): Promise<string | undefined> {
  const state = await queue.getJobState(job.jobId);
  if (state === 'unknown')
    return 'its job is no longer in the queue (was Redis restarted without persistence?)';
  if (state === 'failed') return 'its job failed in the queue (the worker holding it stalled)';
  if (state !== 'active' || (await isLocked(queue, redis, job.jobId))) {
    job.lockMisses = 0;
    return undefined;
  }
  return ++job.lockMisses < 2
    ? undefined
    : `the worker running it (${job.worker ?? 'unknown'}) stopped renewing its lock: it was killed, or lost its connection`;
}

/** Whether a worker holds the job's lock (BullMQ keeps it at <prefix>:<queue>:<job>:lock). */
export async function isLocked(queue: Queue, redis: Redis, jobId: string): Promise<boolean> {
  return (await redis.exists(`${QUEUE_PREFIX}:${queue.name}:${jobId}:lock`)) === 1;
}
