import type { Executor, Logger, Store } from '@embsweep/core';

/**
 * Puts back to pending what a previous run left unfinished: trials interrupted by a Ctrl-C,
 * and trials left `running` that the executor says nobody trains any more (their scheduler
 * died); their worker, if it outlived the scheduler, is cancelled first. Trials still trained
 * elsewhere (another `embsweep run` on the same sweep) are left alone.
 */
export async function reconcileTrials(
  store: Store,
  sweepId: number,
  executor: Executor,
  logger: Logger,
): Promise<void> {
  for (const trial of store.listTrials(sweepId)) {
    if (trial.state === 'running') {
      const liveness = await executor.probe(trial);
      if (liveness.alive) continue;
      await executor.cancel(trial);
      store.transitionTrial(trial.id, 'interrupted', { reason: liveness.reason });
      store.transitionTrial(trial.id, 'pending', { reason: 'resumed' });
      logger.info(
        `trial ${trial.index + 1} was left running by a scheduler that is gone; it runs again (${liveness.reason})`,
      );
    } else if (trial.state === 'interrupted') {
      store.transitionTrial(trial.id, 'pending', { reason: 'resumed' });
    }
  }
}
