import { hostname } from 'node:os';
import PQueue from 'p-queue';
import {
  DataError,
  EmbsweepError,
  type EpochReport,
  type TrialRuntime,
  countTrials,
  nextTrial,
  type Claimant,
  type RunOutcome,
  type RunningTrial,
  type SweepHistory,
  type SweepStatus,
  type TrialAssignment,
  type TrialRecord,
  type TrialSummary,
} from '@embsweep/core';
import { describeParams, epochPoints, testPoints } from './epoch-points.js';
import { MetricTarget } from './metric-target.js';
import { ArtifactKeeper } from './artifact-keeper.js';
import type { RunSweepOptions } from './run-sweep.js';

export interface SweepRunResult {
  readonly sweepId: number;
  readonly status: SweepStatus;
  /** Why the sweep ended early, or that metric.target was reached. */
  readonly reason?: string | undefined;
}

/**
 * One run of a sweep, from the first ask to the last tell: while a slot is free it takes the
 * next trial (a pending one to retry or resume, else a new one proposed by the strategy and
 * stored in the same transaction), hands it to the executor, records every report, lets the
 * early-termination rule judge each epoch, and keeps the history the strategy and the rule
 * read up to date.
 */
export class SweepRun {
  private readonly queue: PQueue;
  private readonly running = new Map<number, RunningTrial>();
  private readonly claimant: Claimant = { pid: process.pid, host: hostname() };
  /** Trials of other schedulers that were not final when last read. */
  private readonly foreign = new Set<number>();
  private readonly maxFailures: number;
  private readonly total: number;
  private consecutiveFailures = 0;
  private ending: { readonly status: SweepStatus; readonly reason: string } | undefined;
  private readonly target: MetricTarget;
  private readonly artifacts: ArtifactKeeper;
  /** An error that ends the whole run (data that cannot be used); rethrown at the end. */
  private fatal: Error | undefined;
  /** A write to the store that failed; it ends the run, and is rethrown at the end. */
  private storeError: Error | undefined;

  constructor(
    private readonly settings: RunSweepOptions,
    private readonly sweepId: number,
    private readonly history: SweepHistory,
  ) {
    this.queue = new PQueue({ concurrency: settings.concurrency });
    this.maxFailures = settings.maxConsecutiveFailures ?? Math.max(3, 2 * settings.concurrency);
    this.total = countTrials(settings.spec);
    this.target = new MetricTarget(settings.spec.metric);
    this.artifacts = new ArtifactKeeper(settings.store, settings.spec, settings.logger);
  }

  /** Runs the sweep; `reattach` are trials still trained remotely that this run takes over first. */
  async run(reattach: readonly TrialRecord[] = []): Promise<SweepRunResult> {
    this.listenForSignals();
    this.target.checkHistory(this.history.trials);
    for (const trial of reattach) {
      this.settings.logger.info(`${this.label(trial)} is still running on a worker; following it again`);
      void this.queue.add(() => this.runTrial(trial, true)).then(() => this.schedule());
    }
    this.schedule();
    // A finished trial schedules the next one; once the queue drains, try once more (a retry
    // may have gone back to pending) before calling it done.
    for (;;) {
      await this.queue.onIdle();
      this.schedule();
      if (this.queue.size + this.queue.pending === 0) break;
    }
    this.stopListening();
    const reason = this.ending?.reason ?? this.target.reached;
    const status = this.guarded(() => this.finalStatus());
    if (status !== undefined)
      this.guarded(() => this.settings.store.setSweepStatus(this.sweepId, status, reason));
    if (this.storeError !== undefined) throw this.storeError;
    if (this.fatal !== undefined) throw this.fatal;
    return { sweepId: this.sweepId, status: status ?? 'failed', reason };
  }

  private readonly stopped = () =>
    this.end('stopped', 'stopped by the user; running trials end at their next batch');
  private readonly killed = () => {
    this.end('stopped', 'killed by the user');
    for (const trial of this.running.values()) trial.kill();
  };

  private listenForSignals(): void {
    const { stop, kill } = this.settings;
    // A Ctrl-C that came while the sweep was opening has already fired its event.
    if (stop?.aborted === true) this.stopped();
    else stop?.addEventListener('abort', this.stopped);
    if (kill?.aborted === true) this.killed();
    else kill?.addEventListener('abort', this.killed);
  }

  /** The run is over: a later Ctrl-C (ending a dashboard that goes on serving) is not about it. */
  private stopListening(): void {
    this.settings.stop?.removeEventListener('abort', this.stopped);
    this.settings.kill?.removeEventListener('abort', this.killed);
  }

  /** Ends the sweep: no new trials, running ones asked to stop. */
  private end(status: SweepStatus, reason: string): void {
    if (this.ending !== undefined) return;
    this.ending = { status, reason };
    this.settings.logger.info(`sweep ${this.settings.spec.name}: ${reason}`);
    for (const trial of this.running.values()) trial.stop(reason);
  }

  private canStart(): boolean {
    return this.ending === undefined && this.target.reached === undefined;
  }

  private schedule(): void {
    while (this.canStart() && this.queue.size + this.queue.pending < this.settings.concurrency) {
      const trial = this.guarded(() => this.takeNext());
      if (trial === undefined) return;
      void this.queue.add(() => this.runTrial(trial)).then(() => this.schedule());
    }
  }

  /**
   * Runs a step that writes to the store. A write that fails (a full disk, a database that
   * went read-only) ends the sweep: the running trials are killed, since nothing more of them
   * can be recorded, and the error is rethrown when the run has wound down. What was written
   * stays; a rerun after the cause is fixed resumes the sweep.
   */
  private guarded<T>(step: () => T): T | undefined {
    try {
      return step();
    } catch (error) {
      this.storeFailed(error);
      return undefined;
    }
  }

  private storeFailed(error: unknown): void {
    if (this.storeError !== undefined) return;
    this.storeError = error instanceof Error ? error : new Error(String(error));
    this.end('failed', `the results database cannot be written: ${this.storeError.message}`);
    for (const trial of this.running.values()) trial.kill();
  }

  /** A pending trial (retry, resume) if there is one, else a new one from the strategy. */
  private takeNext(): TrialRecord | undefined {
    const { store, spec, strategy } = this.settings;
    const claimed = store.claimTrial(this.sweepId, this.claimant);
    if (claimed !== undefined) {
      this.history.upsert(claimed, []);
      this.foreign.delete(claimed.id);
      return claimed;
    }
    this.refreshForeign();
    const created = store.proposeTrial(
      this.sweepId,
      this.history.trials.length,
      (unseen) => {
        for (const trial of unseen) this.absorbForeign(trial);
        return nextTrial(spec, strategy, this.history);
      },
      this.claimant,
    );
    if (created !== undefined) this.history.upsert(created, []);
    return created;
  }

  /** A trial another scheduler created: known from now on, and followed until it is final. */
  private absorbForeign(trial: TrialRecord): void {
    this.history.upsert(trial, []);
    if (trial.state === 'pending' || trial.state === 'running') this.foreign.add(trial.id);
  }

  /** Reads again the trials other schedulers are running, so the strategy sees their results. */
  private refreshForeign(): void {
    const { store, spec } = this.settings;
    for (const id of this.foreign) {
      const trial = store.getTrial(id);
      if (trial === undefined || trial.state === 'running' || trial.state === 'pending') continue;
      const curve = store.trialCurves(id).find((c) => c.name === spec.metric.name);
      this.history.upsert(trial, curve?.values ?? []);
      this.foreign.delete(id);
    }
  }

  private assignment(trial: TrialRecord): TrialAssignment {
    const { spec, inputs } = this.settings;
    return {
      trialId: trial.id,
      attempt: trial.attempt,
      params: trial.params,
      seed: trial.seed,
      metric: spec.metric,
      inputs,
      diagnostics: spec.diagnostics !== false,
      ...(typeof spec.diagnostics === 'object' ? { probeWords: spec.diagnostics.probe_words } : {}),
      saveEmbeddings: spec.save_embeddings !== 'none',
    };
  }

  private label(trial: TrialRecord): string {
    const total = Number.isFinite(this.total) ? `/${this.total}` : '';
    const attempt = trial.attempt > 1 ? `, attempt ${trial.attempt}` : '';
    return `trial ${trial.index + 1}${total} (${describeParams(trial.params)}, seed ${trial.seed}${attempt})`;
  }

  /** Runs a trial (or, `reattached`, follows one a worker is still running) and records how it ends. */
  private async runTrial(trial: TrialRecord, reattached = false): Promise<void> {
    const { store, executor, logger, spec } = this.settings;
    const assignment = this.assignment(trial);
    if (!reattached) {
      try {
        await executor.prepare?.(assignment);
      } catch (error) {
        this.guarded(() => this.failRun(trial, error));
        return;
      }
      if (this.ending !== undefined) {
        const reason = this.ending.reason;
        this.guarded(() => this.settle(trial, 'interrupted', reason));
        return;
      }
    }
    const label = this.label(trial);
    if (!reattached) logger.info(`${label} starting`);
    let pruneReason: string | undefined;
    // A handler returns once its report is recorded and throws when it could not be, so an
    // executor with acknowledged reports keeps the report for a later run.
    const recorded = <T>(step: () => T): T => {
      const result = this.guarded(step);
      if (this.storeError !== undefined) throw this.storeError;
      return result as T;
    };
    const handlers = {
      onReady: (info: TrialRuntime) => {
        recorded(() => store.setTrialRuntime(trial.id, info));
        logger.info(`${label} running on ${info.backend} (${info.workerId} on ${info.host})`);
      },
      onHeartbeat: () => recorded(() => store.heartbeat(trial.id)),
      onLog: (message: string) => logger.debug(`${label}: ${message}`),
      onEpoch: (report: EpochReport) => {
        recorded(() => store.logMetrics(epochPoints(trial, report)));
        const value = report.metrics[spec.metric.name];
        if (value === undefined) return;
        this.history.recordEpoch(trial.id, report.epoch, value);
        if (this.target.check(trial.index, report.epoch, value))
          logger.info(`sweep ${spec.name}: ${this.target.reached ?? ''}`);
        if (pruneReason !== undefined || this.ending !== undefined) return;
        const decision = this.settings.stopper.decide(
          this.history.progressOf(trial.id),
          this.history.progress(),
        );
        if (decision.stop) {
          pruneReason = decision.reason;
          handle.stop(decision.reason);
        }
      },
    };
    const handle =
      reattached && executor.reattach
        ? executor.reattach(assignment, handlers)
        : executor.run(assignment, handlers);
    this.running.set(trial.id, handle);
    const outcome = await handle.outcome;
    this.running.delete(trial.id);
    if (this.storeError !== undefined) return; // nothing more can be recorded; a rerun resumes it
    this.guarded(() =>
      outcome.kind === 'done'
        ? this.recordDone(trial, label, outcome.summary, pruneReason)
        : this.recordFailure(trial, label, outcome),
    );
  }

  /** Moves a trial to a final (or interrupted) state in the store and the history. */
  private settle(trial: TrialRecord, state: 'completed' | 'pruned' | 'interrupted', reason: string): void {
    this.settings.store.transitionTrial(trial.id, state, { reason });
    this.history.setState(trial.id, state);
  }

  private recordDone(
    trial: TrialRecord,
    label: string,
    s: TrialSummary,
    pruneReason: string | undefined,
  ): void {
    const { store, logger, spec } = this.settings;
    this.consecutiveFailures = 0;
    store.logMetrics(testPoints(trial, s));
    const state = pruneReason !== undefined ? 'pruned' : s.stopped ? 'interrupted' : 'completed';
    this.artifacts.keep(trial, s, state === 'completed', label);
    const reason =
      pruneReason ??
      (s.stopped
        ? (this.ending?.reason ?? 'stopped')
        : s.stoppedEarly
          ? `stopped by patience after epoch ${s.epochs}; kept epoch ${s.bestEpoch ?? '-'}`
          : `finished ${s.epochs} epochs`);
    this.settle(trial, state, reason);
    const best =
      s.bestValue !== null
        ? `; best ${spec.metric.name} ${s.bestValue.toPrecision(4)} at epoch ${s.bestEpoch ?? '-'}`
        : '';
    logger.info(`${label} ${state}: ${reason}${best}`);
  }

  private recordFailure(
    trial: TrialRecord,
    label: string,
    outcome: Extract<RunOutcome, { kind: 'failed' }>,
  ): void {
    const { store, logger, spec } = this.settings;
    if (outcome.fatal === true) {
      // The executor can run nothing more: the sweep stops; the trial is not at fault.
      this.fatal ??= new EmbsweepError(outcome.error?.code ?? 'internal', outcome.message);
      this.settle(trial, 'interrupted', outcome.message);
      this.end('stopped', outcome.message);
      return;
    }
    if (this.settings.kill?.aborted === true || outcome.code === 'interrupted') {
      // Killed on the user's second Ctrl-C, or its worker got the Ctrl-C itself: not the
      // trial's fault, so it runs again on resume.
      const reason = outcome.code === 'interrupted' ? outcome.message : 'killed by the user (second Ctrl-C)';
      this.settle(trial, 'interrupted', reason);
      logger.info(`${label} interrupted: ${reason}`);
      return;
    }
    store.transitionTrial(trial.id, 'failed', {
      reason: outcome.message,
      errorCode: outcome.code,
      errorMessage: outcome.message,
    });
    this.history.setState(trial.id, 'failed');
    logger.warn(`${label} failed (${outcome.code}): ${outcome.message}`);
    if (this.ending !== undefined) return;
    this.consecutiveFailures++;
    if (trial.attempt <= spec.execution.max_retries) {
      store.transitionTrial(trial.id, 'pending', {
        reason: `retry ${trial.attempt} of ${spec.execution.max_retries}`,
      });
      this.history.setState(trial.id, 'pending');
    }
    if (this.consecutiveFailures >= this.maxFailures) {
      this.end(
        'failed',
        `${this.consecutiveFailures} trials failed in a row (the last: ${outcome.message}); the sweep stops rather than burn through the rest. Fix the cause and run the same command again to resume`,
      );
    }
  }

  /** Data that cannot be used ends the run; the trial runs again when the run is resumed. */
  private failRun(trial: TrialRecord, error: unknown): void {
    const reason =
      error instanceof DataError ? `the data set cannot be used: ${error.message}` : String(error);
    this.fatal ??= error instanceof Error ? error : new Error(String(error));
    this.settle(trial, 'interrupted', reason);
    this.end('stopped', reason);
  }

  private finalStatus(): SweepStatus {
    if (this.ending !== undefined) return this.ending.status;
    if (this.target.reached !== undefined) return 'finished';
    const left = this.settings.store
      .listTrials(this.sweepId)
      .some((t) => t.state === 'pending' || t.state === 'running');
    return left ? 'stopped' : 'finished';
  }
}
