import { processAlive } from './process-alive.js';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Liveness, TrialRecord } from '@embsweep/core';

/**
 * Whether a trial left `running` is still trained by a local scheduler: its scheduler process
 * must be alive on this machine AND its heartbeat recent. The pid alone is not enough: after a
 * kill -9 the pid may be reused by an unrelated process, which must not keep the trial
 * `running` forever; a live scheduler writes a heartbeat for each running trial every second.
 */
export function probeLocalTrial(trial: TrialRecord, graceSeconds: number): Liveness {
  const owner = trial.schedulerPid;
  if (owner === null || owner === process.pid)
    return { alive: false, reason: 'the scheduler that ran it is gone' };
  if (trial.schedulerHost !== null && trial.schedulerHost !== hostname()) {
    // Another machine's scheduler: only its heartbeat can tell.
    return heartbeatFresh(trial, graceSeconds)
      ? { alive: true }
      : {
          alive: false,
          reason: `no heartbeat from its scheduler on ${trial.schedulerHost} for over ${graceSeconds} s`,
        };
  }
  if (!processAlive(owner)) return { alive: false, reason: 'the scheduler that ran it is gone' };
  if (!heartbeatFresh(trial, graceSeconds)) {
    return {
      alive: false,
      reason: `its scheduler's pid ${owner} is alive but wrote no heartbeat for over ${graceSeconds} s (the pid was reused, or the scheduler hangs)`,
    };
  }
  return { alive: true };
}

/**
 * Kills a trial's worker process if it outlived its scheduler, on this machine only, and only
 * when that pid is still the embsweep worker (its command line names the worker's script):
 * a reused pid belongs to someone else and is left alone. Local workers normally exit when
 * their scheduler disconnects; this catches one that is stuck in a long batch.
 */
export function cancelLocalWorker(trial: TrialRecord, workerScript: string): void {
  const pid = trial.workerPid;
  if (pid === null || trial.workerHost !== hostname() || !processAlive(pid)) return;
  const script = workerScript.startsWith('file:') ? new URL(workerScript).pathname : workerScript;
  let commandLine: string;
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return; // no /proc (not Linux) or the process just ended: nothing we can check safely
  }
  if (!commandLine.includes(script)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // ended meanwhile
  }
}

function heartbeatFresh(trial: TrialRecord, graceSeconds: number): boolean {
  const at = trial.heartbeatAt === null ? NaN : Date.parse(trial.heartbeatAt);
  return Number.isFinite(at) && Date.now() - at <= graceSeconds * 1000;
}
