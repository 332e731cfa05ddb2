// The trainer worker: the process the scheduler forks for one trial. It starts a tfjs backend,
// says `ready`, trains the trial it is sent, streams its epochs, and exits. Messages are the
// discriminated unions of @embsweep/core (protocol/worker-messages.ts).
import {
  assertNever,
  serializeError,
  type ParentMessage,
  type TrialAssignment,
  type WorkerMessage,
} from '@embsweep/core';
import { chooseBackend, type BackendChoice } from '../backends/choose-backend.js';
import { readPrepared } from '../data/data-cache.js';
import { trainTrial } from '../train/train-trial.js';

/** How often the worker says it is alive while it trains (the parent's grace period is longer). */
const HEARTBEAT_MS = Number(process.env['EMBSWEEP_HEARTBEAT_MS'] ?? 1000);

let currentTrial: number | null = null;
let stopRequested = false;
let finished = false;

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) {
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
process.on('disconnect', () => {
  if (!finished) process.exit(2); // the scheduler is gone: stop at once
});

async function run(trial: TrialAssignment): Promise<void> {
  currentTrial = trial.trialId;
  const heartbeat = setInterval(() => {
    void send({ type: 'heartbeat', at: Date.now(), rssBytes: process.memoryUsage().rss });
  }, HEARTBEAT_MS);
  try {
    const data = readPrepared(trial.dataPath);
    const summary = await trainTrial({
      params: trial.params,
      seed: trial.seed,
      data,
      metric: trial.metric,
      model: trial.model,
      shouldStop: () => stopRequested,
      onEpoch: (report) => void send({ type: 'epoch', trialId: trial.trialId, report }),
      log: (message) => void send({ type: 'log', level: 'info', message }),
    });
    await send({ type: 'done', trialId: trial.trialId, summary });
  } catch (error) {
    await send({ type: 'failed', trialId: trial.trialId, error: serializeError(error) });
    process.exitCode = 1;
  } finally {
    clearInterval(heartbeat);
    finished = true;
    process.disconnect?.(); // nothing else keeps the process alive: it exits
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
    default:
      assertNever(message);
  }
}

async function main(): Promise<void> {
  process.on('message', onMessage);
  const backend = await chooseBackend((process.env['EMBSWEEP_BACKEND'] ?? 'auto') as BackendChoice);
  await send({ type: 'ready', pid: process.pid, backend: backend.name, versions: backend.versions });
}

main().catch((error: unknown) => failAndExit(error));
