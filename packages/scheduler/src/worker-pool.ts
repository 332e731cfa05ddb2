import type { ChildProcess } from 'node:child_process';
import type { TrialRuntime } from '@embsweep/core';

/** What a worker said when it came up. */
export type WorkerInfo = TrialRuntime & { readonly pid: number };

/** A worker process, with what the executor knows about it. */
export interface PooledWorker {
  readonly child: ChildProcess;
  /** Set when the worker said `ready`. */
  info: WorkerInfo | undefined;
  /** Trials it has been given. */
  trials: number;
  /** Its latest resident memory, from heartbeats. */
  rssBytes: number;
  /** The tail of its standard error, for crash reasons. */
  stderr: string;
}

/**
 * Worker processes kept between trials, so Node, tfjs and the kernels start once per worker
 * rather than once per trial (BullMQ keeps its child processes the same way). Only workers
 * that ended their trial cleanly come back; a worker that failed, crashed or was killed is
 * never reused. Idle workers do not keep the scheduler's process alive (their handles are
 * unreferenced), and exit when the scheduler goes away.
 */
export class WorkerPool {
  private readonly idle: PooledWorker[] = [];

  constructor(
    private readonly spawn: () => ChildProcess,
    private readonly limits: {
      /** Trials per worker before it is replaced, to bound slow leaks. */
      readonly maxTrials: number;
      /** Resident memory above which a worker is replaced rather than reused. */
      readonly maxRssBytes: number;
    },
  ) {}

  /** An idle worker that is still alive, or a new one. */
  acquire(): { worker: PooledWorker; reused: boolean } {
    for (let worker = this.idle.pop(); worker !== undefined; worker = this.idle.pop()) {
      if (!alive(worker.child)) continue;
      worker.child.ref();
      worker.child.channel?.ref();
      worker.stderr = '';
      worker.trials++;
      return { worker, reused: true };
    }
    const child = this.spawn();
    const worker: PooledWorker = { child, info: undefined, trials: 1, rssBytes: 0, stderr: '' };
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (worker.stderr = (worker.stderr + chunk.toString()).slice(-4000)),
    );
    return { worker, reused: false };
  }

  /** Takes back a worker whose trial ended cleanly; retires it if it has done its share. */
  release(worker: PooledWorker): void {
    if (!alive(worker.child)) return;
    if (worker.trials >= this.limits.maxTrials || worker.rssBytes > this.limits.maxRssBytes) {
      shutdown(worker.child);
      return;
    }
    worker.child.unref();
    worker.child.channel?.unref();
    this.idle.push(worker);
  }

  /** Ends every idle worker and resolves when they have exited (SIGKILL after `graceMs`). */
  async close(graceMs = 3000): Promise<void> {
    const workers = this.idle.splice(0);
    await Promise.all(
      workers
        .filter((w) => alive(w.child))
        .map((w) => {
          const exited = new Promise<void>((resolve) => w.child.once('exit', () => resolve()));
          shutdown(w.child);
          const kill = setTimeout(() => w.child.kill('SIGKILL'), graceMs);
          return exited.finally(() => clearTimeout(kill));
        }),
    );
  }
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null && child.connected;
}

function shutdown(child: ChildProcess): void {
  child.send({ type: 'shutdown' }, () => undefined);
}
