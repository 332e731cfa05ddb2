import { hostname } from 'node:os';
import type { Logger, RunOutcome, RunningTrial, TrialRuntime } from '@embsweep/core';
import { serializeError } from '@embsweep/core/errors';
import { LocalProcessExecutor, type LocalExecutorOptions } from '@embsweep/scheduler';
import { DelayedError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  ANNOUNCE_CHANNEL,
  CONTROL_PATTERN,
  QUEUE_PREFIX,
  SWEEPS_KEY,
  keysOfNamespace,
  type SweepAnnouncement,
  type SweepKeys,
} from './keys.js';
import { DataLocator } from './localize-data.js';
import { attemptKey, type ControlMessage, type Report, type TrialJob } from './protocol.js';
import { connectRedis, reachRedis } from './redis-connection.js';
import { Slots } from './slots.js';
import { toWire } from './wire-json.js';
import { announceWorker, withdrawWorker, type WorkerAnnouncement } from './worker-registry.js';

export interface RemoteWorkerOptions {
  readonly redisUrl: string;
  /** Trials at once on this machine, over every sweep it serves. */
  readonly concurrency: number;
  /** The folder that a sweep's relative paths (custom models, vectors, data) resolve against here. */
  readonly sweepDir: string;
  /** This machine's prepared-data cache (and data files received from the scheduler). */
  readonly cacheDir: string;
  readonly logger: Logger;
  /** The tfjs backend for every trial here; by default each sweep's execution.backend. */
  readonly backend?: string | undefined;
  /** How long a job's lock lasts without renewal: a killed worker's trial is retried after about this. @default 30000 */
  readonly lockDurationMs?: number;
  /** How long to wait for Redis at start before giving up with a message. @default 10000 */
  readonly connectTimeoutMs?: number;
  /** Settings of the local trainer processes (the tests pass fixture workers). */
  readonly local?: Pick<
    LocalExecutorOptions,
    'workerPath' | 'heartbeatGraceSeconds' | 'stopGraceSeconds' | 'memoryLimitMb'
  >;
}

/** A sweep not announced for this long is no longer served. */
const SWEEP_SILENCE_MS = 30_000;
/** Heartbeat reports are sent at most this often (the trainer beats every second). */
const HEARTBEAT_REPORT_MS = 5_000;

interface RunningHere {
  readonly handle: RunningTrial;
  readonly sweep: string;
  readonly trialId: number;
  readonly attempt: number;
  /** This worker is quitting and stopped the trial to give it back to the queue. */
  handedBack: boolean;
}

/**
 * `embsweep worker`: serves every sweep announced on a Redis, taking trials from their
 * queues and training each in a local trainer process (reused from trial to trial, as on the
 * scheduler's machine), reporting every event on the sweep's report stream. Stops arrive on
 * the sweep's control channel, and are also checked in the stops hash at each epoch, so one
 * missed while disconnected still applies.
 */
export class RemoteWorker {
  readonly id = `${hostname()}/${process.pid}`;
  private readonly redis: Redis;
  private readonly subscriber: Redis;
  private readonly queues = new Map<string, Worker>();
  private readonly executors = new Map<string, LocalProcessExecutor>();
  private readonly running = new Map<string, RunningHere>();
  private readonly slots: Slots;
  private readonly data: DataLocator;
  private readonly startedAt = Date.now();
  private timers: NodeJS.Timeout[] = [];
  private draining = false;
  private handingBack = false;

  constructor(private readonly options: RemoteWorkerOptions) {
    this.redis = connectRedis(options.redisUrl, `embsweep-worker-${process.pid}`);
    // No ready check (INFO) on the subscriber: after a reconnect ioredis would send it in
    // subscriber mode, where Redis refuses it, and the process would end.
    this.subscriber = this.redis.duplicate({ enableReadyCheck: false });
    this.slots = new Slots(options.concurrency);
    this.data = new DataLocator(this.redis, options.sweepDir, options.cacheDir);
    for (const connection of [this.redis, this.subscriber])
      connection.on('error', (error: Error) => options.logger.debug(`redis: ${error.message}`));
  }

  async start(): Promise<void> {
    try {
      await reachRedis(this.redis, this.options.redisUrl, this.options.connectTimeoutMs ?? 10_000);
    } catch (error) {
      this.redis.disconnect();
      this.subscriber.disconnect();
      throw error;
    }
    this.subscriber.on('message', () => void this.discover());
    this.subscriber.on('pmessage', (_pattern, channel: string, text: string) => this.control(channel, text));
    await this.subscriber.subscribe(ANNOUNCE_CHANNEL);
    await this.subscriber.psubscribe(CONTROL_PATTERN);
    await this.announce();
    await this.discover();
    this.timers.push(
      setInterval(() => void this.announce().catch(() => undefined), 2_000),
      setInterval(() => void this.discover().catch(() => undefined), 2_000),
    );
    this.options.logger.info(
      `worker ${this.id}: ready for trials (${this.options.concurrency} at once), waiting for sweeps`,
    );
  }

  /** Takes no new trials; the running ones finish (or are handed back, see handBack). */
  async drain(): Promise<void> {
    this.draining = true;
    this.timers.forEach((t) => clearInterval(t));
    await this.announce().catch(() => undefined);
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await Promise.all([...this.executors.values()].map((executor) => executor.close()));
    await withdrawWorker(this.redis, this.id).catch(() => undefined);
    this.subscriber.disconnect();
    await this.redis.quit().catch(() => undefined);
  }

  /** Stops the running trials and gives them back to the queue, for another worker to run. */
  handBack(): void {
    this.handingBack = true;
    for (const trial of this.running.values()) {
      trial.handedBack = true;
      trial.handle.stop('handed back: its worker is shutting down');
    }
  }

  /** Serves every sweep announced recently; stops serving sweeps no longer announced. */
  private async discover(): Promise<void> {
    if (this.draining) return;
    const entries = await this.redis.hgetall(SWEEPS_KEY);
    const fresh = new Set<string>();
    for (const text of Object.values(entries)) {
      const sweep = JSON.parse(text) as SweepAnnouncement;
      if (Date.now() - sweep.seenAt <= SWEEP_SILENCE_MS) fresh.add(sweep.namespace);
    }
    for (const namespace of fresh) if (!this.queues.has(namespace)) this.serve(namespace);
    for (const [namespace, queue] of this.queues) {
      if (fresh.has(namespace) || [...this.running.keys()].some((k) => k.startsWith(`${namespace}:`)))
        continue;
      this.queues.delete(namespace);
      void queue.close();
    }
  }

  private serve(namespace: string): void {
    const keys = keysOfNamespace(namespace);
    const worker = new Worker<TrialJob>(keys.queue, (job, token) => this.runJob(keys, job, token ?? ''), {
      connection: this.redis,
      prefix: QUEUE_PREFIX,
      concurrency: this.options.concurrency,
      lockDuration: this.options.lockDurationMs ?? 30_000,
      // Never hand a stalled trial to another worker as the same attempt: the scheduler sees
      // the job fail (or lose its lock) and retries it as a new attempt.
      maxStalledCount: 0,
      stalledInterval: this.options.lockDurationMs ?? 30_000,
    });
    worker.on('error', (error) => this.options.logger.debug(`queue ${keys.queue}: ${error.message}`));
    this.queues.set(namespace, worker);
  }

  private async runJob(keys: SweepKeys, job: Job<TrialJob>, token: string): Promise<void> {
    const { assignment, sweep } = job.data;
    const { trialId, attempt } = assignment;
    const send = (report: DistributiveOmit<Report, 'trialId' | 'attempt' | 'worker'>) =>
      this.redis.xadd(keys.reports, '*', 'r', toWire({ trialId, attempt, worker: this.id, ...report }));
    const release = await this.slots.acquire();
    try {
      const stop = await this.stopOf(keys, trialId, attempt);
      if (stop !== undefined) {
        await send({ kind: 'failed', code: 'interrupted', message: `${stop.reason} (before it started)` });
        return;
      }
      const outcome = await this.train(keys, job, send);
      const here = this.running.get(`${keys.namespace}:${attemptKey(trialId, attempt)}`);
      this.running.delete(`${keys.namespace}:${attemptKey(trialId, attempt)}`);
      if (here?.handedBack === true && outcome.kind === 'done' && outcome.summary.stopped) {
        await send({ kind: 'handed-back', message: `worker ${this.id} is shutting down` });
        await job.moveToDelayed(Date.now(), token);
        throw new DelayedError();
      }
      await send(
        outcome.kind === 'done'
          ? { kind: 'done', summary: outcome.summary }
          : { kind: 'failed', code: outcome.code, message: outcome.message, error: outcome.error },
      );
      this.options.logger.info(`${sweep}: trial ${trialId} (attempt ${attempt}) ${outcome.kind}`);
    } finally {
      release();
    }
  }

  /** Trains one trial here and forwards what its trainer process says. */
  private async train(
    keys: SweepKeys,
    job: Job<TrialJob>,
    send: (report: DistributiveOmit<Report, 'trialId' | 'attempt' | 'worker'>) => Promise<unknown>,
  ): Promise<RunOutcome> {
    const { sweep, execution } = job.data;
    const { trialId, attempt } = job.data.assignment;
    const executor = this.executorFor(keys.namespace, execution);
    let assignment;
    try {
      assignment = await this.data.localize(job.data);
      await executor.prepare(assignment);
    } catch (error) {
      const serialized = serializeError(error);
      return { kind: 'failed', code: serialized.code, message: serialized.message, error: serialized };
    }
    let lastBeat = 0;
    const handle: RunningTrial = executor.run(assignment, {
      onReady: (runtime: TrialRuntime) =>
        void send({
          kind: 'ready',
          runtime: {
            ...runtime,
            host: hostname(),
            workerId: `${this.id}#${runtime.pid ?? ''}`,
            pid: undefined,
          },
        }),
      onEpoch: (report) => {
        void send({ kind: 'epoch', report });
        void this.stopOf(keys, trialId, attempt).then((stop) => stop && this.obey(handle, stop));
      },
      onHeartbeat: () => {
        if (Date.now() - lastBeat < HEARTBEAT_REPORT_MS) return;
        lastBeat = Date.now();
        void send({ kind: 'heartbeat' });
      },
      onLog: (message) => void send({ kind: 'log', message }),
    });
    const here: RunningHere = { handle, sweep, trialId, attempt, handedBack: false };
    this.running.set(`${keys.namespace}:${attemptKey(trialId, attempt)}`, here);
    if (this.handingBack) this.handBack();
    return handle.outcome;
  }

  private executorFor(namespace: string, execution: TrialJob['execution']): LocalProcessExecutor {
    let executor = this.executors.get(namespace);
    if (executor === undefined) {
      executor = new LocalProcessExecutor({
        ...this.options.local,
        sweepDir: this.options.sweepDir,
        cacheDir: this.options.cacheDir,
        backend: this.options.backend ?? execution.backend,
        trialTimeoutSeconds: execution.trialTimeoutSeconds,
      });
      this.executors.set(namespace, executor);
    }
    return executor;
  }

  private async stopOf(
    keys: SweepKeys,
    trialId: number,
    attempt: number,
  ): Promise<ControlMessage | undefined> {
    const text = await this.redis.hget(keys.stops, attemptKey(trialId, attempt));
    return text === null ? undefined : (JSON.parse(text) as ControlMessage);
  }

  /** A stop or kill published on a sweep's control channel. */
  private control(channel: string, text: string): void {
    const namespace = channel.split(':')[2] ?? '';
    try {
      const message = JSON.parse(text) as ControlMessage;
      const here = this.running.get(`${namespace}:${attemptKey(message.trialId, message.attempt)}`);
      if (here !== undefined) this.obey(here.handle, message);
    } catch {
      // not a control message of ours
    }
  }

  private obey(handle: RunningTrial, message: ControlMessage): void {
    if (message.action === 'kill') handle.kill();
    else handle.stop(message.reason);
  }

  private async announce(): Promise<void> {
    const worker: WorkerAnnouncement = {
      id: this.id,
      host: hostname(),
      pid: process.pid,
      concurrency: this.options.concurrency,
      backend: this.options.backend ?? 'sweep',
      running: [...this.running.values()].map(({ sweep, trialId, attempt }) => ({ sweep, trialId, attempt })),
      draining: this.draining,
      startedAt: this.startedAt,
      seenAt: Date.now(),
    };
    await announceWorker(this.redis, worker);
  }
}

/** Omit over each member of a union (the built-in Omit merges the members). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
