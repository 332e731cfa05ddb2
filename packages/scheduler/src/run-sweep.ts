import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import PQueue from 'p-queue';
import {
  BUILT_IN_MODEL,
  ConfigError,
  createEarlyStopper,
  planTrials,
  searchSpaceHash,
  type EpochReport,
  type Executor,
  type Logger,
  type RunningTrial,
  type Store,
  type SweepSpec,
  type SweepStatus,
  type TrialRecord,
} from '@embsweep/core';
import { prepareData, resolveTrainingParams } from '@embsweep/trainer';
import { reconcileTrials } from './reconcile.js';
import { ProgressBoard } from './trial-progress.js';

export interface RunSweepOptions {
  /** The validated sweep, with its name. */
  readonly spec: SweepSpec & { readonly name: string };
  /** Absolute path of the sweep file: data and model paths are relative to its folder. */
  readonly sweepFile: string;
  readonly store: Store;
  readonly executor: Executor;
  readonly logger: Logger;
  /** Trials at once. */
  readonly concurrency: number;
  /** Folder of the prepared-data cache. */
  readonly cacheDir: string;
  /** Aborting it stops the sweep gracefully: no new trials, running ones stop at their next batch. */
  readonly stop?: AbortSignal;
  /** Aborting it kills running trials at once (a second Ctrl-C). */
  readonly kill?: AbortSignal;
  /** Resume even though the search space changed since the sweep was created. */
  readonly forceResume?: boolean;
  /** Consecutive failed trials after which the sweep stops. @default max(3, 2 x concurrency) */
  readonly maxConsecutiveFailures?: number;
}

export interface SweepRunResult {
  readonly sweepId: number;
  readonly status: SweepStatus;
  /** Why the sweep ended early, when it did. */
  readonly reason?: string | undefined;
}

/**
 * Runs a sweep to its end: records the plan, reconciles trials a dead scheduler left running,
 * prepares each distinct data set once, then claims and runs trials through the executor, at
 * most `concurrency` at once (p-queue). The store's atomic claim means two schedulers on one
 * sweep never run the same trial. Every epoch is written as it arrives; the early-termination
 * rule judges each report; failures are retried up to execution.max_retries; a run of
 * consecutive failures, metric.target or a stop signal ends the sweep. The store has one
 * writer: this function.
 */
export async function runSweep(options: RunSweepOptions): Promise<SweepRunResult> {
  const { spec, store, logger } = options;
  const hash = searchSpaceHash(spec);
  const sweep = store.openSweep(spec.name, spec, hash);
  const planned = planTrials(spec);
  if (sweep.specHash !== hash) {
    if (!options.forceResume) {
      throw new ConfigError(
        [
          {
            path: '',
            message: `the database already has a sweep named "${spec.name}" with another search space (method, parameters, seeds, search_seed, dataset or model changed). Give this sweep a new "name", or run with --force-resume to add the new trials to it`,
          },
        ],
        'Cannot resume the sweep',
      );
    }
    const known = new Set(store.listTrials(sweep.id).map((t) => t.cellId));
    const next = Math.max(-1, ...store.listTrials(sweep.id).map((t) => t.index)) + 1;
    store.addTrials(
      sweep.id,
      planned.filter((t) => !known.has(t.cellId)).map((t, i) => ({ ...t, index: next + i })),
    );
  } else {
    store.addTrials(sweep.id, planned);
  }
  if (sweep.status !== 'running') store.setSweepStatus(sweep.id, 'running');
  reconcileTrials(store, sweep.id, logger);

  const baseDir = dirname(options.sweepFile);
  const modelPath = spec.model === BUILT_IN_MODEL ? BUILT_IN_MODEL : resolve(baseDir, spec.model);
  const dataPaths = new Map<string, string>();
  const dataFor = (trial: TrialRecord): string => {
    const p = resolveTrainingParams(trial.params);
    const key = `${p.vocab_size}/${p.max_length}`;
    let path = dataPaths.get(key);
    if (path === undefined) {
      path = prepareData({
        dataset: spec.dataset,
        vocabSize: p.vocab_size,
        maxLength: p.max_length,
        baseDir,
        cacheDir: options.cacheDir,
      });
      dataPaths.set(key, path);
    }
    return path;
  };
  // Prepare every data set the remaining trials need before any starts: bad data fails here, once.
  for (const trial of store.listTrials(sweep.id).filter((t) => t.state === 'pending')) dataFor(trial);

  const board = new ProgressBoard();
  const metricCurves = new Map(store.curves(sweep.id, [spec.metric.name]).map((c) => [c.trialId, c.values]));
  for (const t of store.listTrials(sweep.id)) board.set(t.id, t.state, metricCurves.get(t.id) ?? []);
  const stopper = createEarlyStopper(spec.early_terminate, spec.metric);
  const total = store.listTrials(sweep.id).length;
  const maxFailures = options.maxConsecutiveFailures ?? Math.max(3, 2 * options.concurrency);
  const running = new Map<number, RunningTrial>();
  let consecutiveFailures = 0;
  let ending: { status: SweepStatus; reason: string } | undefined;

  const endSweep = (status: SweepStatus, reason: string) => {
    if (ending !== undefined) return;
    ending = { status, reason };
    logger.info(`sweep ${spec.name}: ${reason}`);
    for (const trial of running.values()) trial.stop(reason);
  };
  options.stop?.addEventListener('abort', () =>
    endSweep('stopped', 'stopped by the user; running trials end at their next batch'),
  );
  options.kill?.addEventListener('abort', () => {
    endSweep('stopped', 'killed by the user');
    for (const trial of running.values()) trial.kill();
  });

  const queue = new PQueue({ concurrency: options.concurrency });
  /** Claims and queues trials while there is room; called at the start and after every trial. */
  const schedule = (): void => {
    while (ending === undefined && queue.size + queue.pending < options.concurrency) {
      const trial = store.claimTrial(sweep.id, { pid: process.pid, host: hostname() });
      if (trial === undefined) return;
      board.set(trial.id, 'running');
      void queue.add(() => runOne(trial)).then(schedule);
    }
  };

  const runOne = async (trial: TrialRecord): Promise<void> => {
    const label = `trial ${trial.index + 1}/${total} (${describeParams(trial.params)}, seed ${trial.seed}${trial.attempt > 1 ? `, attempt ${trial.attempt}` : ''})`;
    let pruneReason: string | undefined;
    const handle = options.executor.run(
      {
        trialId: trial.id,
        attempt: trial.attempt,
        params: trial.params,
        seed: trial.seed,
        metric: spec.metric,
        dataPath: dataFor(trial),
        model: modelPath,
      },
      {
        onReady: (info) => {
          store.setTrialRuntime(trial.id, { backend: info.backend, versions: info.versions, pid: info.pid });
          logger.info(`${label} running on ${info.backend} (pid ${info.pid})`);
        },
        onHeartbeat: () => store.heartbeat(trial.id),
        onLog: (message) => logger.debug(`${label}: ${message}`),
        onEpoch: (report) => {
          store.logMetrics(epochPoints(trial, report));
          const value = report.metrics[spec.metric.name];
          if (value !== undefined) board.record(trial.id, report.epoch, value);
          if (pruneReason === undefined && ending === undefined) {
            const decision = stopper.decide(board.progress(trial.id), board.all());
            if (decision.stop) {
              pruneReason = decision.reason;
              handle.stop(decision.reason);
            }
          }
        },
      },
    );
    running.set(trial.id, handle);
    const outcome = await handle.outcome;
    running.delete(trial.id);
    if (outcome.kind === 'done') {
      consecutiveFailures = 0;
      const s = outcome.summary;
      if (s.testMetrics !== null && s.bestEpoch !== null) {
        store.logMetrics(
          Object.entries(s.testMetrics).map(([name, value]) => ({
            trialId: trial.id,
            attempt: trial.attempt,
            name,
            step: s.bestEpoch ?? 1,
            value,
          })),
        );
      }
      const state = pruneReason !== undefined ? 'pruned' : s.stopped ? 'interrupted' : 'completed';
      const reason =
        pruneReason ??
        (s.stopped
          ? (ending?.reason ?? 'stopped')
          : s.stoppedEarly
            ? `stopped by patience after epoch ${s.epochs}; kept epoch ${s.bestEpoch ?? '-'}`
            : `finished ${s.epochs} epochs`);
      store.transitionTrial(trial.id, state, { reason });
      board.setState(trial.id, state);
      logger.info(
        `${label} ${state}: ${reason}${s.bestValue !== null ? `; best ${spec.metric.name} ${s.bestValue.toPrecision(4)} at epoch ${s.bestEpoch ?? '-'}` : ''}`,
      );
      const target = spec.metric.target;
      if (
        state === 'completed' &&
        target !== undefined &&
        s.bestValue !== null &&
        (spec.metric.goal === 'minimize' ? s.bestValue <= target : s.bestValue >= target)
      ) {
        endSweep(
          'finished',
          `metric.target ${target} reached by trial ${trial.index + 1}; no new trials start`,
        );
      }
      return;
    }
    if (options.kill?.aborted === true) {
      // Killed on the user's second Ctrl-C: not the trial's fault, so it runs again on resume.
      store.transitionTrial(trial.id, 'interrupted', { reason: 'killed by the user (second Ctrl-C)' });
      board.setState(trial.id, 'interrupted');
      return;
    }
    store.transitionTrial(trial.id, 'failed', {
      reason: outcome.message,
      errorCode: outcome.code,
      errorMessage: outcome.message,
    });
    board.setState(trial.id, 'failed');
    logger.warn(`${label} failed (${outcome.code}): ${outcome.message}`);
    if (ending !== undefined) return;
    consecutiveFailures++;
    if (trial.attempt <= spec.execution.max_retries) {
      store.transitionTrial(trial.id, 'pending', {
        reason: `retry ${trial.attempt} of ${spec.execution.max_retries}`,
      });
    }
    if (consecutiveFailures >= maxFailures) {
      endSweep(
        'failed',
        `${consecutiveFailures} trials failed in a row (the last: ${outcome.message}); the sweep stops rather than burn through the rest. Fix the cause and run the same command again to resume`,
      );
    }
  };

  // A finished trial schedules the next one. When the queue drains, check that nothing was
  // queued meanwhile and that no trial went back to pending (a retry) before calling it done.
  try {
    schedule();
    for (;;) {
      await queue.onIdle();
      if (queue.size + queue.pending > 0) continue;
      if (ending === undefined && store.listTrials(sweep.id).some((t) => t.state === 'pending')) {
        schedule();
        if (queue.size + queue.pending > 0) continue;
      }
      break;
    }
  } finally {
    await options.executor.close();
  }
  const remaining = store.listTrials(sweep.id).some((t) => t.state === 'pending' || t.state === 'running');
  const status: SweepStatus = ending?.status ?? (remaining ? 'stopped' : 'finished');
  store.setSweepStatus(sweep.id, status);
  return { sweepId: sweep.id, status, reason: ending?.reason };
}

function epochPoints(trial: TrialRecord, report: EpochReport) {
  const values: Record<string, number> = {
    ...report.metrics,
    epoch_time_s: report.epochSeconds,
    tokens_per_s: report.tokensPerSecond,
    tensors: report.tensors,
  };
  return Object.entries(values).map(([name, value]) => ({
    trialId: trial.id,
    attempt: trial.attempt,
    name,
    step: report.epoch,
    value,
  }));
}

/** "embedding_dim=32, dropout=0.5" for log lines. */
export function describeParams(params: Readonly<Record<string, unknown>>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}
