import type { Redis } from 'ioredis';
import { WORKERS_KEY } from './keys.js';

/** What a remote worker says about itself, refreshed every few seconds while it runs. */
export interface WorkerAnnouncement {
  /** `host/pid`. */
  readonly id: string;
  readonly host: string;
  readonly pid: number;
  readonly concurrency: number;
  /** The tfjs backend it asks for, or "sweep" when it follows each sweep's setting. */
  readonly backend: string;
  readonly running: readonly { readonly sweep: string; readonly trialId: number; readonly attempt: number }[];
  /** Taking no new trials: finishing or handing back what it runs, then exiting. */
  readonly draining: boolean;
  readonly startedAt: number;
  readonly seenAt: number;
}

/** Workers not heard from for this long are left out (and their entries removed). */
export const WORKER_SILENCE_MS = 15_000;

export async function announceWorker(redis: Redis, worker: WorkerAnnouncement): Promise<void> {
  await redis.hset(WORKERS_KEY, worker.id, JSON.stringify(worker));
}

export async function withdrawWorker(redis: Redis, id: string): Promise<void> {
  await redis.hdel(WORKERS_KEY, id);
}

/** The workers heard from recently, by host then id; stale entries are removed on the way. */
export async function listWorkers(redis: Redis, now = Date.now()): Promise<WorkerAnnouncement[]> {
  const entries = await redis.hgetall(WORKERS_KEY);
  const live: WorkerAnnouncement[] = [];
  for (const [id, text] of Object.entries(entries)) {
    const worker = parse(text);
    if (worker !== undefined && now - worker.seenAt <= WORKER_SILENCE_MS) live.push(worker);
    else await redis.hdel(WORKERS_KEY, id);
  }
  return live.sort((a, b) => a.host.localeCompare(b.host) || a.id.localeCompare(b.id));
}

function parse(text: string): WorkerAnnouncement | undefined {
  try {
    const worker = JSON.parse(text) as WorkerAnnouncement;
    return typeof worker.seenAt === 'number' && typeof worker.id === 'string' ? worker : undefined;
  } catch {
    return undefined;
  }
}
