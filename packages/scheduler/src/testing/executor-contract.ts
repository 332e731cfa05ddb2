import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import type { EpochReport, Executor, RunOutcome, TrialAssignment, TrialRuntime } from '@embsweep/core';
import { leftRunningTrial } from './left-running.js';

/** The fixture worker every executor runs in the contract (see fixtures/scripted-worker.ts). */
export const SCRIPTED_WORKER = new URL('./fixtures/scripted-worker.js', import.meta.url);

/** Watchdog settings the contract needs, in the local executor's words; others map them. */
export interface ContractSettings {
  readonly workerPath: URL;
  readonly heartbeatGraceSeconds: number;
  readonly stopGraceSeconds: number;
  readonly trialTimeoutSeconds?: number;
  readonly memoryLimitMb?: number;
}

let nextId = 1;

/** An assignment the fixture worker acts out: `params.behaviour` says how it misbehaves. */
export function scriptedTrial(params: Record<string, unknown>): TrialAssignment {
  return {
    trialId: nextId++,
    attempt: 1,
    params,
    seed: 0,
    metric: { name: 'val_loss', goal: 'minimize' },
    inputs: {
      dataset: {
        spec: {
          source: 'synthetic',
          samples: 40,
          classes: 2,
          vocabulary: 50,
          length: 5,
          noise: 0.5,
          seed: 0,
          validation_split: 0.2,
          test_split: 0,
        },
        fingerprint: 'fixture',
      },
      model: { kind: 'built-in', name: 'embedding-classifier' },
      files: {},
    },
  };
}

/** Runs one trial and gathers everything the executor said about it. */
export async function runTrial(
  executor: Executor,
  trial: TrialAssignment,
  during?: (control: { stop(reason: string): void; kill(): void }, epochs: EpochReport[]) => void,
): Promise<{ outcome: RunOutcome; epochs: EpochReport[]; ready: TrialRuntime[] }> {
  const epochs: EpochReport[] = [];
  const ready: TrialRuntime[] = [];
  const handle = executor.run(trial, {
    onReady: (info) => ready.push(info),
    onEpoch: (report) => {
      epochs.push(report);
      during?.(handle, epochs);
    },
    onHeartbeat: () => undefined,
    onLog: () => undefined,
  });
  return { outcome: await handle.outcome, epochs, ready };
}

const failure = (outcome: RunOutcome) =>
  outcome.kind === 'failed' ? outcome : assert.fail(`expected a failure, got ${JSON.stringify(outcome)}`);

/**
 * The behaviour every Executor must have, checked with real worker processes that misbehave
 * in every way the fixture knows. Run it against each implementation:
 * `executorContract('local processes', (s) => new LocalProcessExecutor({...s, sweepDir, cacheDir}))`.
 */
export function executorContract(name: string, make: (settings: ContractSettings) => Executor): void {
  const settings: ContractSettings = {
    workerPath: SCRIPTED_WORKER,
    heartbeatGraceSeconds: 1.5,
    stopGraceSeconds: 1,
  };

  describe(`Executor contract: ${name}`, { timeout: 60_000 }, () => {
    it('runs a trial to its end: ready with host and worker id, every epoch in order, then done', async () => {
      const executor = make(settings);
      const { outcome, epochs, ready } = await runTrial(executor, scriptedTrial({ curve: [1, 0.6, 0.4] }));
      await executor.close();
      assert.equal(outcome.kind, 'done');
      assert.deepEqual(
        epochs.map((e) => [e.epoch, e.metrics['val_loss']]),
        [
          [1, 1],
          [2, 0.6],
          [3, 0.4],
        ],
      );
      assert.equal(ready.length, 1);
      assert.ok((ready[0]?.host ?? '').length > 0 && (ready[0]?.workerId ?? '').length > 0);
      assert.equal(ready[0]?.backend, 'fixture');
    });

    it('turns a worker that exits, throws or is killed mid-trial into a readable failure, after its epoch', async () => {
      const executor = make(settings);
      const [exit, thrown, killed] = await Promise.all(
        ['exit', 'throw', 'sigkill'].map((behaviour) => runTrial(executor, scriptedTrial({ behaviour }))),
      );
      await executor.close();
      for (const r of [exit!, thrown!, killed!]) {
        assert.equal(failure(r.outcome).code, 'worker_crashed');
        assert.equal(r.epochs.length, 1, 'the epoch before the crash was reported');
      }
      assert.match(failure(exit!.outcome).message, /exited with code 3/);
      assert.match(failure(thrown!.outcome).message, /fixture blew up/);
      assert.match(failure(killed!.outcome).message, /killed by SIGKILL/);
    });

    it('reports a worker ended by a Ctrl-C of its own as interrupted, not crashed', async () => {
      const executor = make(settings);
      const { outcome } = await runTrial(executor, scriptedTrial({ behaviour: 'sigint' }));
      await executor.close();
      assert.equal(failure(outcome).code, 'interrupted');
    });

    it('fails a hung worker (no heartbeat), one past the trial timeout, and one over the memory limit', async () => {
      const executor = make({ ...settings, trialTimeoutSeconds: 3, memoryLimitMb: 1024 });
      const [hang, slow, oom] = await Promise.all(
        ['hang', 'slow', 'oom'].map((behaviour) => runTrial(executor, scriptedTrial({ behaviour }))),
      );
      await executor.close();
      assert.equal(failure(hang!.outcome).code, 'heartbeat_timeout');
      assert.equal(failure(slow!.outcome).code, 'timeout');
      assert.equal(failure(oom!.outcome).code, 'oom');
    });

    it('stops a trial at its next report when asked, and kills one that does not listen', async () => {
      const executor = make(settings);
      const long = Array<number>(500).fill(1);
      const stopped = runTrial(executor, scriptedTrial({ curve: long }), (control, epochs) => {
        if (epochs.length === 2) control.stop('pruned');
      });
      const deaf = runTrial(executor, scriptedTrial({ behaviour: 'deaf' }), (control, epochs) => {
        if (epochs.length === 2) control.stop('pruned');
      });
      const [gentle, forced] = await Promise.all([stopped, deaf]);
      await executor.close();
      assert.ok(gentle.outcome.kind === 'done' && gentle.outcome.summary.stopped);
      assert.ok(gentle.epochs.length < long.length);
      assert.equal(forced.outcome.kind, 'failed', 'a worker that ignores stop is ended by signals');
    });

    it('kills a trial at once when told to', async () => {
      const executor = make(settings);
      const { outcome } = await runTrial(
        executor,
        scriptedTrial({ behaviour: 'deaf' }),
        (control, epochs) => {
          if (epochs.length === 1) control.kill();
        },
      );
      await executor.close();
      assert.equal(outcome.kind, 'failed');
    });

    it('runs trial after trial, even when the worker it had kept dies between them', async () => {
      const executor = make(settings);
      const first = await runTrial(executor, scriptedTrial({ curve: [1, 0.5], die_when_idle: true }));
      const second = await runTrial(executor, scriptedTrial({ curve: [1, 0.7] }));
      const third = await runTrial(executor, scriptedTrial({ curve: [1, 0.8] }));
      await executor.close();
      assert.deepEqual(
        [first, second, third].map((r) => r.outcome.kind),
        ['done', 'done', 'done'],
      );
    });

    it('says that a trial left running by a scheduler that is gone is not alive', async () => {
      const executor = make(settings);
      const gone = spawnSync(process.execPath, ['-e', '0']).pid ?? 0; // a pid that has exited
      const left = leftRunningTrial({ schedulerPid: gone });
      const liveness = await executor.probe(left);
      assert.equal(liveness.alive, false);
      await executor.cancel(left); // nothing to cancel: must not throw
      await executor.close();
    });
  });
}
