import { hostname } from 'node:os';
import { join, dirname } from 'node:path';
import type { Executor, Logger, SweepSpec } from '@embsweep/core';
import { LocalProcessExecutor } from '@embsweep/scheduler';
import { loadRemote } from './load-remote.js';

export interface ExecutorChoice {
  readonly spec: SweepSpec & { readonly name: string };
  readonly sweepDir: string;
  readonly dbPath: string;
  readonly logger: Logger;
  /** Run trials through this Redis (remote workers) instead of, or besides, local processes. */
  readonly redisUrl?: string | undefined;
  /** With redisUrl: trials that also run in local processes at once. */
  readonly localWorkers?: number | undefined;
  readonly maxUploadBytes?: number | undefined;
}

/**
 * The composition root's choice of executor: local processes, remote workers, or both, with
 * words for the log. The remote package (BullMQ, ioredis: about 0.2 s to load) is loaded only
 * when the sweep uses it.
 */
export async function chooseExecutor(choice: ExecutorChoice): Promise<{ executor: Executor; where: string }> {
  const { spec, sweepDir, dbPath, redisUrl } = choice;
  const cacheDir = join(dirname(dbPath), '.embsweep-cache');
  const local = () =>
    new LocalProcessExecutor({
      backend: spec.execution.backend,
      trialTimeoutSeconds: spec.execution.trial_timeout,
      sweepDir,
      cacheDir,
    });
  if (redisUrl === undefined) return { executor: local(), where: '' };
  const { LocalFirstExecutor, RemoteExecutor, redactUrl, sweepKeys } = await loadRemote();
  const remote = new RemoteExecutor({
    redisUrl,
    keys: sweepKeys(hostname(), dbPath, spec.name),
    sweep: spec.name,
    dbPath,
    sweepDir,
    cacheDir,
    execution: { backend: spec.execution.backend, trialTimeoutSeconds: spec.execution.trial_timeout },
    logger: choice.logger,
    maxUploadBytes: choice.maxUploadBytes,
  });
  const localWorkers = choice.localWorkers ?? 0;
  return {
    executor: localWorkers > 0 ? new LocalFirstExecutor(local(), localWorkers, remote) : remote,
    where: ` on workers through ${redactUrl(redisUrl)}${localWorkers > 0 ? ` and ${localWorkers} here` : ''}`,
  };
}

/**
 * Trials at once when the command line and the sweep file do not say: the slots of the
 * workers connected to the Redis now, plus the local ones (at least 1).
 */
export async function connectedSlots(redisUrl: string, localWorkers: number): Promise<number> {
  const { connectRedis, listWorkers, reachRedis } = await loadRemote();
  const redis = connectRedis(redisUrl, 'embsweep-slots');
  try {
    await reachRedis(redis, redisUrl, 10_000);
    const workers = await listWorkers(redis);
    return Math.max(1, localWorkers + workers.reduce((n, w) => n + w.concurrency, 0));
  } finally {
    redis.disconnect();
  }
}
