import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { SILENT_LOGGER, type Logger, type SweepStatus, type TrialRecord } from '@embsweep/core';
import type { SweepFile } from '@embsweep/core/sweep-file';
import { chooseExecutor, earlyStopperFor, searchStrategyFor } from '@embsweep/cli';
import { runSweep as runScheduler } from '@embsweep/scheduler';
import { SqliteStore } from '@embsweep/store';
import { describeTrialInputs } from '@embsweep/trainer/inputs';
import { locateSweep } from './load-sweep.js';

export interface RunOptions {
  /** The results database. @default embsweep.db in cwd */
  readonly db?: string;
  /** Where relative paths resolve (the sweep file, and a sweep object's data and model paths). @default process.cwd() */
  readonly cwd?: string;
  /** Trials at once. @default execution.concurrency, else the number of cores */
  readonly concurrency?: number;
  /** Where progress is reported. @default silent */
  readonly logger?: Logger;
  /** Aborting it stops the sweep gracefully: no new trials; running ones end at their next batch. */
  readonly signal?: AbortSignal;
}

export interface SweepOutcome {
  readonly name: string;
  /** `finished`, or `stopped` (by the signal, a failing sweep, or metric.target). */
  readonly status: SweepStatus;
  readonly reason: string | undefined;
  /** The results database, absolute. */
  readonly db: string;
  /** Every trial of the sweep as recorded. */
  readonly trials: readonly TrialRecord[];
}

/**
 * Runs a sweep to its end in local worker processes, as `embsweep run` does, and resolves with
 * how it ended. Running it again resumes it. Rejects with a ConfigError or DataError (nothing
 * trained) for a sweep or data that cannot be used.
 */
export async function runSweep(source: string | SweepFile, options: RunOptions = {}): Promise<SweepOutcome> {
  const cwd = options.cwd ?? process.cwd();
  const { spec, sweepDir } = await locateSweep(source, cwd);
  const db = resolve(cwd, options.db ?? 'embsweep.db');
  const logger = options.logger ?? SILENT_LOGGER;
  const inputs = describeTrialInputs(spec, sweepDir);
  const store = SqliteStore.open(db);
  try {
    const { executor } = await chooseExecutor({ spec, sweepDir, dbPath: db, logger });
    const result = await runScheduler({
      spec,
      store,
      executor,
      strategy: searchStrategyFor(spec),
      stopper: earlyStopperFor(spec),
      inputs,
      logger,
      concurrency: options.concurrency ?? spec.execution.concurrency ?? availableParallelism(),
      ...(options.signal === undefined ? {} : { stop: options.signal }),
    });
    return {
      name: spec.name,
      status: result.status,
      reason: result.reason,
      db,
      trials: store.listTrials(result.sweepId),
    };
  } finally {
    store.close();
  }
}
