import type { TrialRecord } from '@embsweep/core';

/** For tests: the record of a trial that an earlier run left `running`, an hour old unless overridden. */
export function leftRunningTrial(overrides: Partial<TrialRecord> = {}): TrialRecord {
  const hourAgo = new Date(Date.now() - 3600_000).toISOString();
  return {
    id: 1,
    sweepId: 1,
    index: 0,
    configIndex: 0,
    cellId: 'cell',
    params: {},
    seed: 0,
    state: 'running',
    attempt: 1,
    workerPid: null,
    workerId: null,
    workerHost: null,
    schedulerPid: null,
    schedulerHost: null,
    backend: null,
    versions: null,
    heartbeatAt: hourAgo,
    createdAt: hourAgo,
    startedAt: hourAgo,
    finishedAt: null,
    errorCode: null,
    errorMessage: null,
    bestValue: null,
    bestEpoch: null,
    epochsRun: 0,
    ...overrides,
  };
}
