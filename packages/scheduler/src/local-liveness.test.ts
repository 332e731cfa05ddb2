import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, it } from 'node:test';
import type { TrialRecord } from '@embsweep/core';
import { cancelLocalWorker, probeLocalTrial } from './local-liveness.js';
import { leftRunningTrial } from './testing/left-running.js';

const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

const leftRunning = (overrides: Partial<TrialRecord>) =>
  leftRunningTrial({ schedulerHost: hostname(), heartbeatAt: ago(1), ...overrides });

describe('whether a trial left running on this machine is still alive', () => {
  // The test runner's own parent is alive and is not this process: it stands for "another scheduler".
  const other = process.ppid;

  it('is alive while its scheduler runs and writes heartbeats', () => {
    assert.deepEqual(probeLocalTrial(leftRunning({ schedulerPid: other }), 30), { alive: true });
  });

  it('is gone when its scheduler process is gone', () => {
    const liveness = probeLocalTrial(leftRunning({ schedulerPid: 2 ** 22 + 17 }), 30);
    assert.equal(liveness.alive, false);
  });

  it('is gone when the pid is alive but no heartbeat came for longer than the grace (a reused pid)', () => {
    const liveness = probeLocalTrial(leftRunning({ schedulerPid: other, heartbeatAt: ago(120) }), 30);
    assert.ok(!liveness.alive && /no heartbeat for over 30 s/.test(liveness.reason));
  });

  it('judges a scheduler on another machine by its heartbeat alone', () => {
    assert.equal(
      probeLocalTrial(leftRunning({ schedulerPid: 1, schedulerHost: 'elsewhere', heartbeatAt: ago(1) }), 30)
        .alive,
      true,
    );
    assert.equal(
      probeLocalTrial(leftRunning({ schedulerPid: 1, schedulerHost: 'elsewhere', heartbeatAt: ago(99) }), 30)
        .alive,
      false,
    );
  });

  it('cancels an orphaned worker, but never a process that is not the worker (a reused pid)', async () => {
    const script = 'setInterval(() => {}, 1000) // embsweep-fake-worker.js';
    const worker = spawn(process.execPath, ['-e', script, 'embsweep-fake-worker.js']);
    const stranger = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    const exited = (p: typeof worker) =>
      new Promise((resolve) => p.once('exit', (_code, signal) => resolve(signal)));
    const workerExit = exited(worker);
    cancelLocalWorker(
      leftRunning({ workerPid: stranger.pid ?? null, workerHost: hostname() }),
      'embsweep-fake-worker.js',
    );
    cancelLocalWorker(
      leftRunning({ workerPid: worker.pid ?? null, workerHost: hostname() }),
      'embsweep-fake-worker.js',
    );
    assert.equal(await workerExit, 'SIGKILL');
    assert.equal(stranger.exitCode, null, 'the unrelated process still runs');
    assert.equal(stranger.signalCode, null);
    stranger.kill();
  });
});
