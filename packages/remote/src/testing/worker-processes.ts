import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { SCRIPTED_WORKER } from '@embsweep/scheduler/testing';
import { makeTempDir } from '@embsweep/store/testing';
import type { RemoteWorkerOptions } from '../remote-worker.js';
import { LogWatch } from './log-watch.js';

const WORKER_PROCESS = new URL('./fixtures/worker-process.js', import.meta.url).pathname;

/** A remote worker in its own process, folder and cache, as on another machine. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly dir: string;
  /** Its log (stderr), to wait for a line. */
  readonly log: LogWatch;
  /** Sends SIGINT (a second one once the first was heard) and waits for it to exit. */
  interrupt(count?: 1 | 2): Promise<void>;
  kill(): Promise<void>;
}

export type WorkerSettings = Partial<Omit<RemoteWorkerOptions, 'logger' | 'redisUrl'>>;

/** Starts a remote worker (the scripted trainer fixture by default) and waits until it serves. */
export async function startWorkerProcess(
  redisUrl: string,
  settings: WorkerSettings = {},
  env: NodeJS.ProcessEnv = {},
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
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = new LogWatch();
  child.stderr?.on('data', (chunk: Buffer) => log.add(chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the worker process exited (${code}): ${log.all()}`)));
  });
  const exited = once(child, 'exit');
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    dir,
    log,
    async interrupt(count: 1 | 2 = 1) {
      child.kill('SIGINT');
      if (count === 2) {
        // Signals sent at once may arrive as one: the second goes once the first was heard.
        await log.until(/draining/);
        child.kill('SIGINT');
      }
      if (!gone()) await exited;
    },
    async kill() {
      if (gone()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
