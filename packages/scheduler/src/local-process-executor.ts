import { fork, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import {
  assertNever,
  type Executor,
  type RunOutcome,
  type RunningTrial,
  type TrialAssignment,
  type TrialHandlers,
  type WorkerMessage,
} from '@embsweep/core';
import { WORKER_MAIN } from '@embsweep/trainer';
import { describeExit } from './exit-reason.js';

export interface LocalExecutorOptions {
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
}

/**
 * Runs each trial in its own child process (the trainer's worker), and watches it: a worker
 * that stops sending heartbeats (hung, or SIGSTOPped) is killed and failed as
 * heartbeat_timeout; one past the trial timeout as timeout; one whose memory passes the limit
 * as oom. Exits become readable reasons. A stop asks the worker to end at its next batch, then
 * SIGTERM, then SIGKILL after the grace period (as BullMQ does).
 */
export class LocalProcessExecutor implements Executor {
  constructor(private readonly options: LocalExecutorOptions = {}) {}

  run(trial: TrialAssignment, handlers: TrialHandlers): RunningTrial {
    const o = this.options;
    const child = fork(o.workerPath ?? WORKER_MAIN, [], {
      env: {
        ...process.env,
        EMBSWEEP_BACKEND: o.backend ?? 'auto',
        EMBSWEEP_HEARTBEAT_MS: String(o.heartbeatMs ?? 1000),
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    let verdict: RunOutcome | undefined; // set by a watchdog or by the worker's last message
    let lastSign = Date.now();
    const timers: NodeJS.Timeout[] = [];
    const killWith = (outcome: RunOutcome) => {
      verdict ??= outcome;
      child.kill('SIGKILL');
    };

    const watchdog = setInterval(() => {
      if (Date.now() - lastSign > (o.heartbeatGraceSeconds ?? 30) * 1000) {
        killWith({
          kind: 'failed',
          code: 'heartbeat_timeout',
          message: `no heartbeat for ${o.heartbeatGraceSeconds ?? 30} s: the worker hung and was killed`,
        });
      }
    }, 250);
    timers.push(watchdog);
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

    child.on('message', (message: WorkerMessage) => {
      lastSign = Date.now();
      switch (message.type) {
        case 'ready':
          handlers.onReady({
            pid: message.pid,
            host: hostname(),
            backend: message.backend,
            versions: message.versions,
          });
          child.send({ type: 'start', trial });
          return;
        case 'heartbeat':
          if (message.rssBytes > (o.memoryLimitMb ?? 4096) * 1024 * 1024) {
            killWith({
              kind: 'failed',
              code: 'oom',
              message: `the worker used ${Math.round(message.rssBytes / 1048576)} MiB, over the limit of ${o.memoryLimitMb ?? 4096} MiB, and was killed`,
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
          return;
        case 'failed':
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
    });

    const outcome = new Promise<RunOutcome>((resolve) => {
      child.once('exit', (code, signal) => {
        timers.forEach((t) => clearTimeout(t));
        if (verdict !== undefined) return resolve(verdict);
        const lastLine =
          stderr
            .trim()
            .split('\n')
            .filter((l) => /Error|error/.test(l))
            .at(-1) ?? '';
        resolve({
          kind: 'failed',
          code: /heap out of memory/i.test(stderr) ? 'oom' : 'worker_crashed',
          message: `the worker ${describeExit(code, signal)}${lastLine ? `: ${lastLine.trim()}` : ''}`,
        });
      });
      child.once('error', (error) => {
        verdict ??= {
          kind: 'failed',
          code: 'worker_crashed',
          message: `the worker could not start: ${error.message}`,
        };
      });
    });

    return {
      outcome,
      stop: (reason) => stopGently(child, reason, o.stopGraceSeconds ?? 5),
      kill: () => child.kill('SIGKILL'),
    };
  }
}

function stopGently(child: ChildProcess, reason: string, graceSeconds: number): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (child.connected) child.send({ type: 'stop', reason });
  const term = setTimeout(() => child.kill('SIGTERM'), graceSeconds * 1000);
  const kill = setTimeout(() => child.kill('SIGKILL'), graceSeconds * 2000);
  child.once('exit', () => {
    clearTimeout(term);
    clearTimeout(kill);
  });
}
