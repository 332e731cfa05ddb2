import { hostname } from 'node:os';
import type { Logger, Store } from '@embsweep/core';

/** Whether a process of this machine is alive (signal 0 checks without touching it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Puts back to pending what a previous run left unfinished: trials interrupted by a Ctrl-C,
 * and trials left `running` by a scheduler that died (its scheduler process is gone). Trials
 * whose scheduler is alive (another `embsweep run` on the same sweep) are left alone.
 */
export function reconcileTrials(store: Store, sweepId: number, logger: Logger): void {
  for (const trial of store.listTrials(sweepId)) {
    if (trial.state === 'running') {
      const owner = trial.schedulerPid;
      if (trial.workerHost === hostname() && owner !== null && owner !== process.pid && alive(owner))
        continue;
      store.transitionTrial(trial.id, 'interrupted', { reason: 'the scheduler that ran it is gone' });
      store.transitionTrial(trial.id, 'pending', { reason: 'resumed' });
      logger.info(`trial ${trial.index + 1} was left running by a scheduler that is gone; it runs again`);
    } else if (trial.state === 'interrupted') {
      store.transitionTrial(trial.id, 'pending', { reason: 'resumed' });
    }
  }
}
