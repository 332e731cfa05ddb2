import type { Executor, Logger, Store, TrialRecord } from '@embsweep/core';

/**
 * Puts back to pending what a previous run left unfinished: trials interrupted by a Ctrl-C,
 * and trials left `running` that the executor says nobody trains any more (their scheduler
 * died); their worker, if it outlived the scheduler, is cancelled first. Trials still trained
 * elsewhere (another `embsweep run` on the same sweep) are left alone, unless the executor
 * says to reattach them (remote workers still training for a scheduler that died): those are
 * returned, for this run to take over.
 */
export async function reconcileTrials(
  store: Store,
  sweepId: number,
  executor: Executor,
  logger: Logger,
): Promise<TrialRecord[]> {
  const reattach: TrialRecord[] = [];
  for (const trial of store.listTrials(sweepId)) {
    if (trial.state === 'running') {
      const liveness = await executor.probe(trial);
      if (liveness.alive) {
        if (liveness.reattach === true && executor.reattach !== undefined) reattach.push(trial);
        continue;
      }
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
  return reattach;
}
