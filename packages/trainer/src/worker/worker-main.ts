// The trainer worker: the process the scheduler forks to train trials. It starts a tfjs backend,
// says `ready`, then trains each trial it is sent, streaming its epochs, until told to shut
// down. Reusing the process saves starting Node, tfjs and the data for every trial; each trial
// still starts from its own seed and a fresh model, so its results do not depend on what ran
// before (worker.test.ts checks this). After a failure it exits: a worker in an unknown state is
// never reused. Messages are the discriminated unions of @embsweep/core (protocol/worker-messages.ts).
import {
  assertNever,
  serializeError,
  type ParentMessage,
  type TrialAssignment,
  type WorkerMessage,
} from '@embsweep/core';
import { hostname } from 'node:os';
import { chooseBackend, type BackendChoice } from '../backends/choose-backend.js';
import type { PreparedData } from '../data/prepared-data.js';
import { openTrialInputs, type InputPlaces } from '../inputs/open-inputs.js';
import { trainTrial } from '../train/train-trial.js';

/** How often the worker says it is alive while it trains (the parent's grace period is longer). */
const HEARTBEAT_MS = Number(process.env['EMBSWEEP_HEARTBEAT_MS'] ?? 1000);
/** Where the sweep's files are (relative paths in assignments are relative to it) and the data cache. */
const PLACES: InputPlaces = {
  sweepDir: process.env['EMBSWEEP_SWEEP_DIR'] ?? process.cwd(),
  cacheDir: process.env['EMBSWEEP_CACHE_DIR'] ?? `${process.cwd()}/.embsweep-cache`,
};

let currentTrial: number | null = null;
let stopRequested = false;
/** The last data set opened: trials of a sweep share it, and its content is fixed by its key. */
let lastData: { key: string; data: PreparedData } | undefined;

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined || !process.connected) {
      resolve();
      return;
    }
    process.send(message, () => resolve());
  });
}

/** An error the trial did not catch: report it as the trial's failure, then exit non-zero. */
async function failAndExit(error: unknown): Promise<never> {
  await send({ type: 'failed', trialId: currentTrial, error: serializeError(error) });
  process.exit(1);
}

process.on('uncaughtException', (error) => void failAndExit(error));
process.on('unhandledRejection', (error) => void failAndExit(error));
// The scheduler is gone (or done with this worker): stop at once, mid-trial or idle.
process.on('disconnect', () => process.exit(currentTrial === null ? 0 : 2));

async function run(trial: TrialAssignment): Promise<void> {
  currentTrial = trial.trialId;
  stopRequested = false;
  const heartbeat = setInterval(() => {
    void send({ type: 'heartbeat', at: Date.now(), rssBytes: process.memoryUsage().rss });
  }, HEARTBEAT_MS);
  try {
    const opened = openTrialInputs(trial.inputs, trial.params, PLACES, lastData);
    lastData = { key: opened.key, data: opened.data };
    const summary = await trainTrial({
      params: opened.params,
      seed: trial.seed,
      data: opened.data,
      metric: trial.metric,
      model: opened.model,
      diagnostics: trial.diagnostics !== false,
      ...(trial.probeWords === undefined ? {} : { probeWords: trial.probeWords }),
      saveEmbeddings: trial.saveEmbeddings === true,
      shouldStop: () => stopRequested,
      onEpoch: (report) => void send({ type: 'epoch', trialId: trial.trialId, report }),
      log: (message) => void send({ type: 'log', level: 'info', message }),
    });
    clearInterval(heartbeat);
    await send({ type: 'done', trialId: trial.trialId, summary });
    currentTrial = null; // idle: ready for the next trial
  } catch (error) {
    clearInterval(heartbeat);
    await send({ type: 'failed', trialId: trial.trialId, error: serializeError(error) });
    process.exit(1);
  }
}

function onMessage(message: ParentMessage): void {
  switch (message.type) {
    case 'start':
      void run(message.trial);
      return;
    case 'stop':
      stopRequested = true;
      return;
    case 'shutdown':
      process.disconnect?.();
      return;
    default:
      assertNever(message);
  }
}

async function main(): Promise<void> {
  process.on('message', onMessage);
  const backend = await chooseBackend((process.env['EMBSWEEP_BACKEND'] ?? 'auto') as BackendChoice);
  await send({
    type: 'ready',
    pid: process.pid,
    host: hostname(),
    backend: backend.name,
    versions: backend.versions,
  });
}

main().catch((error: unknown) => failAndExit(error));
