import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import {
  GridSearch,
  type EarlyStopper,
  NEVER_STOP,
  SILENT_LOGGER,
  flattenParameters,
  type Logger,
  type SweepSpec,
} from '@embsweep/core';
import { fixtureSweep as sharedFixtureSweep } from '@embsweep/scheduler/testing';
import { runSweep, type SweepRunResult } from '@embsweep/scheduler';
import { SqliteStore } from '@embsweep/store';
import { sweepKeys } from '../keys.js';
import { RemoteExecutor } from '../remote-executor.js';

/** A fixture sweep (see @embsweep/scheduler/testing) with a name of its own. */
export function fixtureSweep(
  name: string,
  parameters: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): SweepSpec & { name: string } {
  return sharedFixtureSweep(parameters, extra, name);
}

export interface RemoteSweepRun {
  readonly redisUrl: string;
  readonly dbPath: string;
  readonly spec: SweepSpec & { name: string };
  readonly concurrency?: number;
  readonly logger?: Logger;
  readonly giveUpMs?: number;
  readonly stop?: AbortSignal;
  /** The early-termination rule. @default none */
  readonly stopper?: EarlyStopper;
}

/** Runs a fixture sweep through a RemoteExecutor, recording in a real SQLite file. */
export async function runRemoteSweep(run: RemoteSweepRun): Promise<SweepRunResult> {
  const { spec, dbPath, redisUrl } = run;
  const store = SqliteStore.open(dbPath);
  try {
    return await runSweep({
      spec,
      store,
      executor: new RemoteExecutor({
        redisUrl,
        keys: sweepKeys(hostname(), dbPath, spec.name),
        sweep: spec.name,
        dbPath,
        sweepDir: dirname(dbPath),
        cacheDir: join(dirname(dbPath), 'cache'),
        execution: { trialTimeoutSeconds: spec.execution.trial_timeout },
        logger: run.logger ?? SILENT_LOGGER,
        giveUpMs: run.giveUpMs,
        watchMs: 200,
      }),
      strategy: new GridSearch(flattenParameters(spec.parameters)),
      stopper: run.stopper ?? NEVER_STOP,
      inputs: {
        dataset: { spec: spec.dataset, fingerprint: 'fixture' },
        model: { kind: 'built-in', name: 'embedding-classifier' },
        files: {},
      },
      logger: run.logger ?? SILENT_LOGGER,
      concurrency: run.concurrency ?? 2,
      maxConsecutiveFailures: 100,
      stop: run.stop,
    });
  } finally {
    store.close();
  }
}
