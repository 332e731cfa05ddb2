import type {
  EarlyStopper,
  Executor,
  Logger,
  SearchStrategy,
  Store,
  SweepSpec,
  TrialInputs,
} from '@embsweep/core';
import { loadHistory } from './load-history.js';
import { openSweepForRun } from './open-sweep.js';
import { reconcileTrials } from './reconcile.js';
import { SweepRun, type SweepRunResult } from './sweep-run.js';

export interface RunSweepOptions {
  /** The validated sweep, with its name. */
  readonly spec: SweepSpec & { readonly name: string };
  readonly store: Store;
  /** Where trials run: local worker processes, or workers elsewhere. */
  readonly executor: Executor;
  /** Proposes the configurations (the composition root picks it from `method`). */
  readonly strategy: SearchStrategy;
  /** Judges every epoch report (the composition root picks it from `early_terminate`). */
  readonly stopper: EarlyStopper;
  /** What every trial reads, named by content (see describeTrialInputs in @embsweep/trainer/inputs). */
  readonly inputs: TrialInputs;
  readonly logger: Logger;
  /** Trials at once. */
  readonly concurrency: number;
  /** Aborting it stops the sweep gracefully: no new trials, running ones stop at their next batch. */
  readonly stop?: AbortSignal;
  /** Aborting it kills running trials at once (a second Ctrl-C). */
  readonly kill?: AbortSignal;
  /** Resume even though the search space changed since the sweep was created. */
  readonly forceResume?: boolean;
  /** Consecutive failed trials after which the sweep stops. @default max(3, 2 x concurrency) */
  readonly maxConsecutiveFailures?: number;
}

export type { SweepRunResult };

/**
 * Runs a sweep to its end, asking and telling: opens (or resumes) the sweep, puts back what a
 * dead scheduler left running, loads the history, then runs trials through the executor, at
 * most `concurrency` at once, each new one proposed by the strategy with the history in hand
 * and stored atomically (two schedulers on one sweep never create or run the same trial). The
 * store has one writer: this function. It loads no TensorFlow.js: only workers train.
 */
export async function runSweep(options: RunSweepOptions): Promise<SweepRunResult> {
  const { spec, store, executor, logger } = options;
  const sweep = openSweepForRun(store, spec, options.forceResume === true);
  try {
    const reattach = await reconcileTrials(store, sweep.id, executor, logger);
    const history = loadHistory(store, sweep.id, spec);
    return await new SweepRun(options, sweep.id, history).run(reattach);
  } finally {
    await executor.close();
  }
}
