import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { SCRIPTED_WORKER } from '@embsweep/scheduler/testing';
import { makeTempDir } from '@embsweep/store/testing';
import type { RemoteWorkerOptions } from '../remote-worker.js';

const WORKER_PROCESS = new URL('./fixtures/worker-process.js', import.meta.url).pathname;

/** A remote worker in its own process, folder and cache, as on another machine. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly dir: string;
  /** Everything it wrote to stderr (its log). */
  log(): string;
  /** Sends SIGINT (`count` times) and waits for it to exit. */
  interrupt(count?: number): Promise<void>;
  kill(): Promise<void>;
}

export type WorkerSettings = Partial<Omit<RemoteWorkerOptions, 'logger' | 'redisUrl'>>;

/** Starts a remote worker (the scripted trainer fixture by default) and waits until it serves. */
export async function startWorkerProcess(
  redisUrl: string,
  settings: WorkerSettings = {},
): Promise<WorkerProcess> {
  const dir = makeTempDir('remote-worker');
  const options = {
    redisUrl,
    concurrency: 2,
    sweepDir: dir,
    cacheDir: join(dir, 'cache'),
    lockDurationMs: 2_000,
    ...settings,
    local: {
      workerPath: SCRIPTED_WORKER.pathname,
      heartbeatGraceSeconds: 1.5,
      stopGraceSeconds: 1,
      ...settings.local,
    },
  };
  const child = spawn(process.execPath, [WORKER_PROCESS, JSON.stringify(options)], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the worker process exited (${code}): ${log}`)));
  });
  const exited = once(child, 'exit');
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    dir,
    log: () => log,
    async interrupt(count = 1) {
      for (let i = 0; i < count; i++) child.kill('SIGINT');
      if (!gone()) await exited;
    },
    async kill() {
      if (gone()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
