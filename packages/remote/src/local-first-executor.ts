import type {
  Executor,
  Liveness,
  RunningTrial,
  TrialAssignment,
  TrialHandlers,
  TrialRecord,
} from '@embsweep/core';
import type { RemoteExecutor } from './remote-executor.js';

/**
 * `embsweep run --redis ... --local-workers N`: trials run in up to N local processes first,
 * the rest go to the queue for remote workers. Data is prepared (and uploaded) once for both.
 */
export class LocalFirstExecutor implements Executor {
  private localRunning = 0;

  constructor(
    private readonly local: Executor,
    private readonly localSlots: number,
    private readonly remote: RemoteExecutor,
  ) {}

  prepare(trial: TrialAssignment): Promise<void> {
    // The remote executor prepares the data in the scheduler's cache, which local workers read.
    return this.remote.prepare(trial);
  }

  run(trial: TrialAssignment, handlers: TrialHandlers): RunningTrial {
    if (this.localRunning >= this.localSlots) return this.remote.run(trial, handlers);
    this.localRunning++;
    const handle = this.local.run(trial, handlers);
    void handle.outcome.finally(() => this.localRunning--);
    return handle;
  }

  reattach(trial: TrialAssignment, handlers: TrialHandlers): RunningTrial {
    return this.remote.reattach(trial, handlers);
  }

  async probe(trial: TrialRecord): Promise<Liveness> {
    return (await this.remote.hasJob(trial)) ? this.remote.probe(trial) : this.local.probe(trial);
  }

  async cancel(trial: TrialRecord): Promise<void> {
    await this.remote.cancel(trial);
    await this.local.cancel(trial);
  }

  async close(): Promise<void> {
    await Promise.all([this.local.close(), this.remote.close()]);
  }
}
