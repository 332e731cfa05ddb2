import { hostname } from 'node:os';
import {
  resolveSweepPath,
  type Executor,
  type Liveness,
  type Logger,
  type RunOutcome,
  type RunningTrial,
  type TrialAssignment,
  type TrialHandlers,
  type TrialRecord,
} from '@embsweep/core';
import { QueueError } from '@embsweep/core/errors';
import { DataPreparer } from '@embsweep/scheduler';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { uploadBlob, type BlobRef } from './blob-store.js';
import {
  ANNOUNCE_CHANNEL,
  QUEUE_PREFIX,
  SWEEPS_KEY,
  type SweepAnnouncement,
  type SweepKeys,
} from './keys.js';
import { attemptKey, type ControlMessage, type Report, type TrialJob } from './protocol.js';
import { connectRedis, reachRedis } from './redis-connection.js';
import { RedisHealth } from './redis-health.js';
import { ReportReader } from './report-reader.js';
import { isLocked, lostWorker } from './job-lock.js';
import { SchedulerLease } from './scheduler-lease.js';

export interface RemoteExecutorOptions {
  readonly redisUrl: string;
  readonly keys: SweepKeys;
  /** The sweep's name and results database, announced to workers and shown by `embsweep workers`. */
  readonly sweep: string;
  readonly dbPath: string;
  /** The sweep file's folder: its data file is read (and checked, and uploaded) from there. */
  readonly sweepDir: string;
  /** The scheduler's prepared-data cache: the data is checked here once before any job is queued. */
  readonly cacheDir: string;
  /** What every worker is told to use: tfjs backend and trial time limit. */
  readonly execution: {
    readonly backend?: string | undefined;
    readonly trialTimeoutSeconds?: number | undefined;
  };
  readonly logger: Logger;
  /** Largest data file sent to workers through Redis. @default 256 MiB */
  readonly maxUploadBytes?: number;
  /** How long Redis may be unreachable before the sweep stops. @default 60 s */
  readonly giveUpMs?: number;
  /** Period of the check that a running trial's worker still holds its job's lock. @default 500 ms */
  readonly watchMs?: number;
}

/** A trial this executor is running: its current attempt and who hears about it. */
interface Tracked {
  readonly assignment: TrialAssignment;
  readonly handlers: TrialHandlers;
  readonly jobId: string;
  readonly outcome: Promise<RunOutcome>;
  readonly resolve: (outcome: RunOutcome) => void;
  /** The job is in the queue (checks of its state make sense from now). */
  queued: boolean;
  /** See WatchedJob. */
  lockMisses: number;
  /** The remote worker that last reported, for messages. */
  worker: string | undefined;
}

const jobIdOf = (trialId: number, attempt: number) => `t${trialId}.${attempt}`;

/**
 * Runs trials on workers elsewhere (`embsweep worker`) through a BullMQ queue on Redis. Each
 * attempt of a trial is one job, named by trial and attempt, so queueing it twice is a no-op;
 * workers report on a Redis stream read through a consumer group and acknowledged only after
 * the report is recorded; a report of an attempt that is no longer current is dropped. Stops
 * are published for speed and kept in a hash for workers that missed the message. A worker
 * that dies loses its job's lock; the trial then fails as worker_lost and is retried as a new
 * attempt (BullMQ's own redelivery is off, so one attempt never runs twice).
 */
export class RemoteExecutor implements Executor {
  private readonly redis: Redis;
  private readonly readerConnection: Redis;
  private readonly queue: Queue;
  private readonly reader: ReportReader;
  private readonly lease: SchedulerLease;
  private readonly data: DataPreparer;
  private readonly trials = new Map<number, Tracked>();
  /** Trials probe() said to reattach and that are not reattached yet: their reports wait. */
  private readonly awaited = new Set<number>();
  private readonly uploads = new Map<string, Promise<BlobRef | undefined>>();
  private started: Promise<void> | undefined;
  private timers: NodeJS.Timeout[] = [];
  /** Why this executor can no longer run trials (Redis gone, lease lost); set once. */
  private broken: QueueError | undefined;
  private readonly health: RedisHealth;

  constructor(private readonly options: RemoteExecutorOptions) {
    this.redis = connectRedis(options.redisUrl, `embsweep-scheduler-${process.pid}`);
    this.readerConnection = this.redis.duplicate();
    this.queue = new Queue(options.keys.queue, { connection: this.redis, prefix: QUEUE_PREFIX });
    this.queue.on('error', () => undefined); // connection trouble is followed below
    this.reader = new ReportReader(
      this.readerConnection,
      options.keys.reports,
      (report) => this.apply(report),
      (error) => this.health.noteError(error),
    );
    this.lease = new SchedulerLease(this.redis, options.keys.lease, options.sweep, 15_000, (why) =>
      this.fail(why),
    );
    this.data = new DataPreparer(options.sweepDir, options.cacheDir);
    this.health = new RedisHealth(
      [this.redis, this.readerConnection],
      options.redisUrl,
      options.giveUpMs ?? 60_000,
      (why) => this.fail(why),
    );
  }

  async prepare(trial: TrialAssignment): Promise<void> {
    await this.start();
    this.throwIfBroken();
    this.reader.start();
    this.data.prepare(trial);
    await this.upload(trial);
  }

  run(trial: TrialAssignment, handlers: TrialHandlers): RunningTrial {
    const tracked = this.track(trial, handlers);
    this.reader.start();
    void this.enqueue(tracked);
    return this.handle(tracked);
  }

  reattach(trial: TrialAssignment, handlers: TrialHandlers): RunningTrial {
    const tracked = this.track(trial, handlers);
    tracked.queued = true;
    this.reader.start();
    return this.handle(tracked);
  }

  async probe(trial: TrialRecord): Promise<Liveness> {
    await this.start();
    const jobId = jobIdOf(trial.id, trial.attempt);
    const state = await this.queue.getJobState(jobId);
    if (state === 'active' && !(await isLocked(this.queue, this.redis, jobId)))
      return { alive: false, reason: 'its worker stopped renewing the job lock' };
    if (state === 'unknown') return { alive: false, reason: 'the queue has no job for it' };
    if (state === 'failed') return { alive: false, reason: 'its job failed (the worker was lost)' };
    this.awaited.add(trial.id);
    return { alive: true, reattach: true };
  }

  /** Whether the queue knows a job for the trial's current attempt (it ran, or runs, remotely). */
  async hasJob(trial: TrialRecord): Promise<boolean> {
    await this.start();
    return (await this.queue.getJobState(jobIdOf(trial.id, trial.attempt))) !== 'unknown';
  }

  async cancel(trial: TrialRecord): Promise<void> {
    await this.start();
    const jobId = jobIdOf(trial.id, trial.attempt);
    await this.sendControl({
      action: 'kill',
      trialId: trial.id,
      attempt: trial.attempt,
      reason: 'cancelled',
    });
    await this.removeIfNotStarted(jobId);
  }

  async close(): Promise<void> {
    this.timers.forEach((t) => clearInterval(t));
    this.health.stop();
    for (const tracked of [...this.trials.values()])
      this.finish(tracked, { kind: 'failed', code: 'interrupted', message: 'the scheduler closed' });
    const reachable = this.health.reachable && this.broken === undefined;
    if (reachable && this.started !== undefined) {
      await Promise.allSettled([
        this.lease.release(),
        this.redis.hdel(SWEEPS_KEY, this.options.keys.namespace),
      ]);
    }
    // With Redis away, commands wait for it forever: drop the connections, which ends them.
    if (!reachable) {
      this.readerConnection.disconnect();
      this.redis.disconnect();
    }
    await this.reader.close();
    if (reachable) await this.queue.close().catch(() => undefined);
    this.redis.disconnect();
    this.readerConnection.disconnect();
  }

  /**
   * Connects, takes the sweep's lease and announces the sweep to workers. Reports are read
   * from the first run, reattach or prepare on: not while probe() is still sorting out which
   * trials to reattach, whose reports would otherwise be taken for strays.
   */
  private start(): Promise<void> {
    this.started ??= (async () => {
      await reachRedis(this.redis, this.options.redisUrl, this.options.giveUpMs ?? 60_000);
      await this.lease.take();
      await this.announce();
      await this.redis.publish(ANNOUNCE_CHANNEL, this.options.keys.namespace);
      this.timers.push(
        setInterval(() => void this.announce().catch(() => undefined), 5_000),
        setInterval(() => void this.watch(), this.options.watchMs ?? 500),
      );
      this.timers.forEach((t) => t.unref());
      this.health.start();
    })();
    return this.started;
  }

  private async announce(): Promise<void> {
    const { keys, sweep, dbPath } = this.options;
    const announcement: SweepAnnouncement = {
      namespace: keys.namespace,
      sweep,
      host: hostname(),
      db: dbPath,
      seenAt: Date.now(),
    };
    await this.redis.hset(SWEEPS_KEY, keys.namespace, JSON.stringify(announcement));
  }

  /** Uploads the data file once per content, so workers without a copy can fetch it. */
  private upload(trial: TrialAssignment): Promise<BlobRef | undefined> {
    const spec = trial.inputs.dataset.spec;
    if (spec.source !== 'file') return Promise.resolve(undefined);
    const key = trial.inputs.dataset.fingerprint;
    let upload = this.uploads.get(key);
    if (upload === undefined) {
      const path = resolveSweepPath(this.options.sweepDir, spec.path);
      upload = uploadBlob(this.redis, path, this.options.maxUploadBytes ?? 256 * 1024 * 1024);
      upload.catch(() => this.uploads.delete(key)); // a failed upload is tried again next time
      this.uploads.set(key, upload);
    }
    return upload;
  }

  private track(assignment: TrialAssignment, handlers: TrialHandlers): Tracked {
    let resolve: (outcome: RunOutcome) => void = () => undefined;
    const outcome = new Promise<RunOutcome>((r) => (resolve = r));
    const tracked: Tracked = {
      assignment,
      handlers,
      jobId: jobIdOf(assignment.trialId, assignment.attempt),
      outcome,
      resolve,
      queued: false,
      lockMisses: 0,
      worker: undefined,
    };
    this.trials.set(assignment.trialId, tracked);
    this.awaited.delete(assignment.trialId);
    return tracked;
  }

  private handle(tracked: Tracked): RunningTrial {
    const { trialId, attempt } = tracked.assignment;
    return {
      outcome: tracked.outcome,
      stop: (reason) => void this.stopTrial(tracked, { action: 'stop', trialId, attempt, reason }),
      kill: () =>
        void this.stopTrial(tracked, { action: 'kill', trialId, attempt, reason: 'killed by the user' }),
    };
  }

  private async enqueue(tracked: Tracked): Promise<void> {
    const { assignment } = tracked;
    try {
      await this.start();
      const blob = await this.upload(assignment);
      const job: TrialJob = {
        assignment,
        sweep: this.options.sweep,
        execution: this.options.execution,
        dataBlob: blob,
      };
      await this.queue.add('trial', job, {
        jobId: tracked.jobId,
        attempts: 1,
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      });
      tracked.queued = true;
    } catch (error) {
      this.finish(tracked, {
        kind: 'failed',
        code: 'interrupted',
        message: `the trial could not be queued: ${(error as Error).message}`,
      });
    }
  }

  /** Asks the worker to stop (or kill) the trial; a trial no worker has taken yet is taken off the queue. */
  private async stopTrial(tracked: Tracked, message: ControlMessage): Promise<void> {
    try {
      await this.sendControl(message);
      if (await this.removeIfNotStarted(tracked.jobId)) {
        this.finish(tracked, {
          kind: 'failed',
          code: 'interrupted',
          message: `${message.reason} (before any worker started it)`,
        });
      }
    } catch (error) {
      this.health.noteError(error as Error);
    }
  }

  private async sendControl(message: ControlMessage): Promise<void> {
    const { keys } = this.options;
    await this.redis
      .multi()
      .hset(keys.stops, attemptKey(message.trialId, message.attempt), JSON.stringify(message))
      .publish(keys.control, JSON.stringify(message))
      .exec();
  }

  /** Removes a job that is still waiting; false when a worker has it (or it is gone). */
  private async removeIfNotStarted(jobId: string): Promise<boolean> {
    const state = await this.queue.getJobState(jobId);
    if (state !== 'waiting' && state !== 'delayed' && state !== 'prioritized') return false;
    try {
      return (await this.queue.remove(jobId)) === 1;
    } catch {
      return false; // taken by a worker in the meantime: it sees the stop
    }
  }

  /** Applies one report from the stream (see ReportReader: it acknowledges after this returns). */
  private apply(report: Report): void {
    const tracked = this.trials.get(report.trialId);
    // Not acknowledged, so read again: the trial is about to be reattached.
    if (tracked === undefined && this.awaited.has(report.trialId))
      throw new Error(`trial ${report.trialId} is not reattached yet`);
    // Not a trial running here, or an attempt that was superseded: nothing it says counts.
    if (tracked === undefined || tracked.assignment.attempt !== report.attempt) return;
    tracked.worker = report.worker;
    tracked.lockMisses = 0;
    const { handlers } = tracked;
    switch (report.kind) {
      case 'ready':
        return handlers.onReady(report.runtime);
      case 'epoch':
        return handlers.onEpoch(report.report);
      case 'heartbeat':
        return handlers.onHeartbeat();
      case 'log':
        return handlers.onLog(report.message);
      case 'handed-back':
        return handlers.onLog(`handed back by ${report.worker}: ${report.message}`);
      case 'done':
        return this.finish(tracked, { kind: 'done', summary: report.summary });
      case 'failed':
        return this.finish(tracked, {
          kind: 'failed',
          code: report.code,
          message: report.message,
          error: report.error,
        });
    }
  }

  private finish(tracked: Tracked, outcome: RunOutcome): void {
    if (this.trials.get(tracked.assignment.trialId) !== tracked) return;
    this.trials.delete(tracked.assignment.trialId);
    tracked.resolve(outcome);
  }

  /**
   * Finds trials whose worker is gone: the job failed (BullMQ's stalled check, with
   * redelivery off) or is active without a lock (no worker renews it). Such a trial fails as
   * worker_lost; a worker that is in fact still at it is told to stop, and its reports no
   * longer count.
   */
  private async watch(): Promise<void> {
    for (const tracked of [...this.trials.values()]) {
      if (!tracked.queued) continue;
      try {
        const lost = await lostWorker(this.queue, this.redis, tracked);
        if (lost === undefined) continue;
        const { trialId, attempt } = tracked.assignment;
        this.finish(tracked, { kind: 'failed', code: 'worker_lost', message: lost });
        await this.sendControl({
          action: 'kill',
          trialId,
          attempt,
          reason: 'superseded: its worker was lost',
        });
        await this.queue.remove(tracked.jobId).catch(() => undefined);
      } catch (error) {
        this.health.noteError(error as Error);
      }
    }
  }

  /** This executor cannot go on: running trials end as interrupted (they run again on resume). */
  private fail(why: string): void {
    const broken = (this.broken ??= new QueueError('queue_unavailable', why));
    for (const tracked of [...this.trials.values()]) {
      this.finish(tracked, {
        kind: 'failed',
        code: 'interrupted',
        message: broken.message,
        error: broken.toJSON(),
        fatal: true,
      });
    }
  }

  private throwIfBroken(): void {
    if (this.broken !== undefined) throw this.broken;
  }
}
