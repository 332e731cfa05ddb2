import { Worker } from 'node:worker_threads';

export interface WatchdogOptions {
  /** Milliseconds from now after which the process is killed. */
  readonly timeoutMs: number;
  /** Written to stderr just before the kill, so the user learns why the process ended. */
  readonly lastWords?: string;
  /** Kill the process as soon as its parent is no longer this pid (it was orphaned). */
  readonly parentPid?: number;
}

export interface Watchdog {
  /** A folder to remove before the kill (a snapshot copy of the database). */
  removeOnKill(dir: string): void;
  /** The work finished in time: the watchdog goes away. */
  stop(): void;
}

// The watchdog's own code: plain JavaScript in a thread of its own.
const SOURCE = `
  const { workerData, parentPort } = require('node:worker_threads');
  const { rmSync, writeSync } = require('node:fs');
  const deadline = Date.now() + workerData.timeoutMs;
  const folders = [];
  parentPort.on('message', (dir) => folders.push(dir));
  setInterval(() => {
    const orphaned = workerData.parentPid !== undefined && process.ppid !== workerData.parentPid;
    if (Date.now() <= deadline && !orphaned) return;
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
    if (workerData.lastWords !== undefined && !orphaned) writeSync(2, workerData.lastWords);
    process.kill(process.pid, 'SIGKILL');
  }, 50);`;

/**
 * Ends this process when its time is up, from a thread of its own. The main thread cannot:
 * while SQLite runs a statement no timer or message of the main thread runs, SQLite cannot be
 * interrupted from JavaScript, worker.terminate() does not stop a native call, and
 * process.exit() waits for such a thread. So the kill is SIGKILL.
 */
export function startWatchdog(options: WatchdogOptions): Watchdog {
  const worker = new Worker(SOURCE, { eval: true, workerData: options });
  worker.unref();
  return {
    removeOnKill: (dir) => worker.postMessage(dir),
    stop: () => void worker.terminate(),
  };
}
