import { fork } from 'node:child_process';
import {
  assertNever,
  type Executor,
  type Liveness,
  type RunOutcome,
  type RunningTrial,
  type TrialAssignment,
  type TrialHandlers,
  type TrialRecord,
  type WorkerMessage,
} from '@embsweep/core';
import { WORKER_MAIN } from '@embsweep/trainer/inputs';
import { DataPreparer } from './data-preparer.js';
import { describeExit } from './exit-reason.js';
import { cancelLocalWorker, probeLocalTrial } from './local-liveness.js';
import { WorkerPool, type PooledWorker } from './worker-pool.js';

export interface LocalExecutorOptions {
  /** The sweep file's folder: the workers resolve the sweep's relative paths against it. */
  readonly sweepDir: string;
  /** The prepared-data cache that the workers share. */
  readonly cacheDir: string;
  /** tfjs backend for the workers. @default "auto" */
  readonly backend?: string;
  /** Seconds a trial may run before it is killed and failed as `timeout`. */
  readonly trialTimeoutSeconds?: number | undefined;
  /** Seconds without a heartbeat before a worker counts as hung. @default 30 */
  readonly heartbeatGraceSeconds?: number;
  /** Resident memory (MiB) above which a worker is killed and failed as `oom`. @default 4096 */
  readonly memoryLimitMb?: number;
  /** Seconds between a stop message and SIGTERM, and again before SIGKILL. @default 5 */
  readonly stopGraceSeconds?: number;
  /** The worker entry point (tests pass fixtures that crash or hang). @default the trainer's */
  readonly workerPath?: URL | string;
  /** Heartbeat period asked of workers, in ms. @default 1000 */
  readonly heartbeatMs?: number;
  /** Trials a worker runs before it is replaced by a fresh one. @default 50 */
  readonly maxTrialsPerWorker?: number;
}

/** What the scheduler asked of one trial so far. */
interface TrialControl {
  stopReason: string | undefined;
  killed: boolean;
  /** Cancels the SIGTERM/SIGKILL that follow a stop, once the worker has obeyed it. */
  cancelEscalation: (() => void) | undefined;
  worker: PooledWorker | undefined;
  /** The worker was sent the trial: a stop sent before would be dropped by it. */
  started: boolean;
}

/** How watching a trial on one worker ended: an outcome, or a reused worker lost before it began. */
type Watched = { readonly kind: 'outcome'; readonly outcome: RunOutcome } | { readonly kind: 'lost' };

/**
 * Runs trials in child processes (the trainer's worker), reused from trial to trial through a
 * WorkerPool, and watches each trial: a worker that stops sending heartbeats (hung, or
 * SIGSTOPped) is killed and failed as heartbeat_timeout; one past the trial timeout as
 * timeout; one whose memory passes the limit as oom. Exits become readable reasons. A stop
 * asks the worker to end at its next batch, then SIGTERM, then SIGKILL after the grace period
 * (as BullMQ does). If a reused worker dies before the trial began, the trial quietly starts
 * again on a fresh one.
 */
export class LocalProcessExecutor implements Executor {
  private readonly pool: WorkerPool;
  private readonly data: DataPreparer;

  constructor(private readonly options: LocalExecutorOptions) {
    this.data = new DataPreparer(options.sweepDir, options.cacheDir);
    this.pool = new WorkerPool(
      () =>
        fork(options.workerPath ?? WORKER_MAIN, [], {
          env: {
            ...process.env,
            EMBSWEEP_BACKEND: options.backend ?? 'auto',
            EMBSWEEP_HEARTBEAT_MS: String(options.heartbeatMs ?? 1000),
            EMBSWEEP_SWEEP_DIR: options.sweepDir,
            EMBSWEEP_CACHE_DIR: options.cacheDir,
          },
          stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
          // A process group of its own: Ctrl-C in a terminal signals the whole foreground group,
          // and the scheduler decides what it means (the first stops trials at their next batch,
          // the second kills them). A worker that died of the SIGINT itself would be recorded
          // as crashed and not run again on resume. Workers still end with their scheduler:
          // they exit when its IPC channel closes.
          detached: true,
        }),
      {
        maxTrials: options.maxTrialsPerWorker ?? 50,
        // A worker that has grown to half the limit starts the next trial fresh instead.
        maxRssBytes: ((options.memoryLimitMb ?? 4096) * 1024 * 1024) / 2,
      },
    );
  }

  /** Prepares the trial's data set in the shared cache, once, in this process (see DataPreparer). */
  prepare(trial: TrialAssignment): Promise<void> {
    this.data.prepare(trial);
    return Promise.resolve();
  }

  probe(trial: TrialRecord): Promise<Liveness> {
    return Promise.resolve(probeLocalTrial(trial, this.options.heartbeatGraceSeconds ?? 30));
  }

  cancel(trial: TrialRecord): Promise<void> {
    cancelLocalWorker(trial, String(this.options.workerPath ?? WORKER_MAIN));
    return Promise.resolve();
  }

  run(trial: TrialAssignment, given: TrialHandlers): RunningTrial {
    const handlers = ignoringFailures(given);
    const control: TrialControl = {
      stopReason: undefined,
      killed: false,
      cancelEscalation: undefined,
      worker: undefined,
      started: false,
    };
    // Only a reused worker can be lost, and it is not reused again, so this ends.
    const attempt = async (): Promise<RunOutcome> => {
      const { worker, reused } = this.pool.acquire();
      control.worker = worker;
      control.started = false;
      const watched = await this.watch(worker, reused, trial, handlers, control);
      return watched.kind === 'outcome' ? watched.outcome : attempt();
    };
    return {
      outcome: attempt(),
      stop: (reason) => {
        control.stopReason ??= reason;
        // Before the worker has the trial, the stop waits: start() sends it right after the trial.
        if (control.worker && control.started)
          control.cancelEscalation ??= stopGently(control.worker, reason, this.options.stopGraceSeconds ?? 5);
      },
      kill: () => {
        control.killed = true;
        control.worker?.child.kill('SIGKILL');
      },
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private watch(
    worker: PooledWorker,
    reused: boolean,
    trial: TrialAssignment,
    handlers: TrialHandlers,
    control: TrialControl,
  ): Promise<Watched> {
    const o = this.options;
    const child = worker.child;
    const grace = o.heartbeatGraceSeconds ?? 30;
    const limitMb = o.memoryLimitMb ?? 4096;
    let verdict: RunOutcome | undefined; // set by a watchdog or by the worker's last message
    let heard = false; // any message about this trial: the worker took it
    let lastSign = Date.now();
    const timers: NodeJS.Timeout[] = [];
    const killWith = (outcome: RunOutcome) => {
      verdict ??= outcome;
      child.kill('SIGKILL');
    };
    const start = () => {
      if (control.killed) return void child.kill('SIGKILL'); // killed before its worker was up
      child.send({ type: 'start', trial });
      control.started = true;
      // A stop that came before the worker was up: messages arrive in order, so it applies to this trial.
      if (control.stopReason !== undefined)
        control.cancelEscalation ??= stopGently(worker, control.stopReason, o.stopGraceSeconds ?? 5);
    };

    return new Promise<Watched>((resolve) => {
      const finish = (watched: Watched) => {
        timers.forEach((t) => clearTimeout(t));
        child.off('message', onMessage);
        child.off('exit', onExit);
        child.off('error', onError);
        resolve(watched);
      };
      const onMessage = (message: WorkerMessage) => {
        lastSign = Date.now();
        if (message.type !== 'ready') heard = true;
        switch (message.type) {
          case 'ready':
            worker.info = {
              pid: message.pid,
              host: message.host,
              workerId: `local:${message.pid}`,
              backend: message.backend,
              versions: message.versions,
            };
            handlers.onReady(worker.info);
            start();
            return;
          case 'heartbeat':
            worker.rssBytes = message.rssBytes;
            if (message.rssBytes > limitMb * 1024 * 1024) {
              killWith({
                kind: 'failed',
                code: 'oom',
                message: `the worker used ${Math.round(message.rssBytes / 1048576)} MiB, over the limit of ${limitMb} MiB, and was killed`,
              });
            } else handlers.onHeartbeat();
            return;
          case 'epoch':
            handlers.onEpoch(message.report);
            return;
          case 'log':
            handlers.onLog(message.message);
            return;
          case 'done':
            verdict ??= { kind: 'done', summary: message.summary };
            if (verdict.kind === 'done' && !control.killed) {
              // A clean end (stopped or not): the worker waits for its next trial.
              control.cancelEscalation?.();
              finish({ kind: 'outcome', outcome: verdict });
              this.pool.release(worker);
            }
            return;
          case 'failed':
            // The worker exits after reporting; its exit settles the trial.
            verdict ??= {
              kind: 'failed',
              code: message.error.code,
              message: message.error.message,
              error: message.error,
            };
            return;
          default:
            assertNever(message);
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        if (verdict !== undefined) return finish({ kind: 'outcome', outcome: verdict });
        if (reused && !heard && !control.killed) return finish({ kind: 'lost' });
        // Node's own last words: its fatal heap message, else the last error line.
        const lines = worker.stderr.split('\n').map((l) => l.trim());
        const lastLine =
          lines.find((l) => /heap out of memory/i.test(l)) ??
          lines.filter((l) => /error/i.test(l)).at(-1) ??
          '';
        if (signal === 'SIGINT') {
          // A Ctrl-C reached the worker itself (in the instant after fork, before it has a
          // process group of its own, or sent to it directly): the user's stop, not a crash.
          return finish({
            kind: 'outcome',
            outcome: {
              kind: 'failed',
              code: 'interrupted',
              message: 'the worker was stopped by SIGINT (Ctrl-C)',
            },
          });
        }
        finish({
          kind: 'outcome',
          outcome: {
            kind: 'failed',
            code: /heap out of memory/i.test(worker.stderr) ? 'oom' : 'worker_crashed',
            message: `the worker ${describeExit(code, signal)}${lastLine ? `: ${lastLine.trim()}` : ''}`,
          },
        });
      };
      const onError = (error: Error) => {
        verdict ??= {
          kind: 'failed',
          code: 'worker_crashed',
          message: `the worker could not start: ${error.message}`,
        };
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.on('error', onError);

      timers.push(
        setInterval(() => {
          if (Date.now() - lastSign > grace * 1000) {
            killWith({
              kind: 'failed',
              code: 'heartbeat_timeout',
              message: `no heartbeat for ${grace} s: the worker hung and was killed`,
            });
          }
        }, 250),
      );
      if (o.trialTimeoutSeconds !== undefined) {
        timers.push(
          setTimeout(
            () =>
              killWith({
                kind: 'failed',
                code: 'timeout',
                message: `the trial ran longer than trial_timeout (${o.trialTimeoutSeconds} s) and was killed`,
              }),
            o.trialTimeoutSeconds * 1000,
          ),
        );
      }
      if (reused && worker.info !== undefined) {
        handlers.onReady(worker.info);
        start();
      }
    });
  }
}

/** Asks a worker to stop at its next batch; SIGTERM, then SIGKILL, if it does not. Returns the cancel. */
function stopGently(worker: PooledWorker, reason: string, graceSeconds: number): () => void {
  const child = worker.child;
  if (child.exitCode !== null || child.signalCode !== null) return () => undefined;
  if (child.connected) child.send({ type: 'stop', reason });
  const term = setTimeout(() => child.kill('SIGTERM'), graceSeconds * 1000);
  const kill = setTimeout(() => child.kill('SIGKILL'), graceSeconds * 2000);
  const cancel = () => {
    clearTimeout(term);
    clearTimeout(kill);
    child.off('exit', cancel);
  };
  child.once('exit', cancel);
  return cancel;
}

/**
 * Handlers whose throws are dropped: a report that could not be recorded is lost either way
 * here (the IPC channel has no acknowledgement), and the scheduler already knows its store
 * failed; a throw must not become an uncaught exception in a message event.
 */
function ignoringFailures(handlers: TrialHandlers): TrialHandlers {
  const guard =
    <A extends unknown[]>(f: (...args: A) => void) =>
    (...args: A) => {
      try {
        f(...args);
      } catch {
        // see above
      }
    };
  return {
    onReady: guard((info) => handlers.onReady(info)),
    onEpoch: guard((report) => handlers.onEpoch(report)),
    onHeartbeat: guard(() => handlers.onHeartbeat()),
    onLog: guard((message) => handlers.onLog(message)),
  };
}
