import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  AshaStopper,
  GridSearch,
  HyperbandStopper,
  MedianStopper,
  NEVER_STOP,
  SILENT_LOGGER,
  flattenParameters,
  type EarlyStopper,
  type SweepSpec,
} from '@embsweep/core';
import { SqliteStore } from '@embsweep/store';
import { makeTempDir } from '@embsweep/store/testing';
import { LocalProcessExecutor } from './local-process-executor.js';
import { runSweep } from './run-sweep.js';
import { fixtureSweep } from './testing/fixture-sweep.js';

const FIXTURE = new URL('./testing/fixtures/scripted-worker.js', import.meta.url);

function stopperOf(spec: SweepSpec): EarlyStopper {
  const et = spec.early_terminate;
  if (et === undefined) return NEVER_STOP;
  if (et.type === 'hyperband') return new HyperbandStopper(et, spec.metric);
  if (et.type === 'median') return new MedianStopper(et, spec.metric);
  return new AshaStopper(et, spec.metric);
}

/** A sweep of fixture trials: each value of `behaviour` (or curve) is one trial. */
const sweep = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  fixtureSweep(parameters, extra);

async function run(
  spec: SweepSpec & { name: string },
  executorOptions: Record<string, unknown> = {},
  runOptions: Record<string, unknown> = {},
) {
  const dir = makeTempDir('sched');
  const store = SqliteStore.open(join(dir, 'r.db'));
  const result = await runSweep({
    spec,
    store,
    executor: new LocalProcessExecutor({
      workerPath: FIXTURE,
      sweepDir: dir,
      cacheDir: join(dir, 'cache'),
      heartbeatGraceSeconds: 1.5,
      stopGraceSeconds: 1,
      ...executorOptions,
    }),
    strategy: new GridSearch(flattenParameters(spec.parameters)),
    stopper: stopperOf(spec),
    inputs: {
      dataset: { spec: spec.dataset, fingerprint: 'fixture' },
      model: { kind: 'built-in', name: 'embedding-classifier' },
      files: {},
    },
    logger: SILENT_LOGGER,
    concurrency: 2,
    maxConsecutiveFailures: 100,
    ...runOptions,
  });
  const trials = store.listTrials(result.sweepId);
  return {
    store,
    result,
    trials,
    byBehaviour: (b: string) => trials.find((t) => t.params['behaviour'] === b),
  };
}

describe('runSweep with real worker processes that misbehave', { timeout: 60_000 }, () => {
  it('fails each crashed trial with a readable reason, keeps its epochs, and goes on', async () => {
    const { trials, byBehaviour, result, store } = await run(
      sweep({ behaviour: { values: ['exit', 'throw', 'sigkill', 'curve'] } }),
    );
    assert.equal(result.status, 'finished');
    assert.equal(byBehaviour('curve')?.state, 'completed');
    assert.match(byBehaviour('exit')?.errorMessage ?? '', /the worker exited with code 3/);
    assert.match(byBehaviour('throw')?.errorMessage ?? '', /exited with code 1: .*fixture blew up/);
    assert.match(byBehaviour('sigkill')?.errorMessage ?? '', /killed by SIGKILL/);
    for (const b of ['exit', 'throw', 'sigkill']) {
      const t = byBehaviour(b);
      assert.equal(t?.state, 'failed', b);
      assert.equal(t?.errorCode, 'worker_crashed', b);
      assert.deepEqual(
        store.trialCurves(t?.id ?? -1).find((c) => c.name === 'val_loss')?.values,
        [0.9],
        `${b}: its epoch is kept`,
      );
    }
    assert.equal(trials.length, 4);
  });

  it('fails a worker that runs out of V8 heap as oom, from what Node says as it dies', async () => {
    const before = process.env['NODE_OPTIONS'];
    process.env['NODE_OPTIONS'] = `${before ?? ''} --max-old-space-size=40`;
    try {
      const { byBehaviour } = await run(sweep({ behaviour: { value: 'heap' } }));
      assert.equal(byBehaviour('heap')?.errorCode, 'oom');
      assert.match(byBehaviour('heap')?.errorMessage ?? '', /heap out of memory/i);
    } finally {
      if (before === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = before;
    }
  });

  it('retries a failed trial up to max_retries, as new attempts', async () => {
    const { byBehaviour, store } = await run(
      sweep({ behaviour: { value: 'exit' } }, { execution: { max_retries: 2 } }),
    );
    const t = byBehaviour('exit');
    assert.equal(t?.attempt, 3);
    assert.equal(t?.state, 'failed');
    assert.deepEqual(
      store.trialEvents(t?.id ?? -1).map((e) => `${e.attempt}:${e.to}`),
      [
        '0:pending',
        '1:running',
        '1:failed',
        '1:pending',
        '2:running',
        '2:failed',
        '2:pending',
        '3:running',
        '3:failed',
      ],
    );
  });

  it('stops the sweep after a run of consecutive failures, with a message', async () => {
    const { result, trials } = await run(
      sweep({ behaviour: { value: 'exit' }, n: { values: [1, 2, 3, 4, 5, 6] } }),
      {},
      { maxConsecutiveFailures: 3, concurrency: 1 },
    );
    assert.equal(result.status, 'failed');
    assert.match(result.reason ?? '', /3 trials failed in a row/);
    assert.equal(trials.filter((t) => t.state === 'failed').length, 3);
    assert.equal(trials.length, 3, 'trials are created as they start: none was proposed after the stop');
  });

  it("prunes with hyperband on every report and records the rule's reason", async () => {
    // Bands for min_iter 2, eta 2: 2, 4, ...; good trials finish first (concurrency 1, in order).
    const curves = [
      [1.0, 0.5, 0.4, 0.3],
      [1.0, 0.6, 0.5, 0.45],
      [1.0, 0.9, 0.9, 0.9],
    ];
    const { trials, store } = await run(
      sweep({ curve: { values: curves } }, { early_terminate: { type: 'hyperband', min_iter: 2, eta: 2 } }),
      {},
      { concurrency: 1 },
    );
    const worst = trials.find((t) => JSON.stringify(t.params['curve']) === JSON.stringify(curves[2]));
    assert.equal(worst?.state, 'pruned');
    assert.match(
      store.trialEvents(worst?.id ?? -1).at(-1)?.reason ?? '',
      /^hyperband: at band 2 \(epoch 2\) val_loss 0\.9 is worse than the threshold 0\.6/,
    );
    assert.equal(trials.filter((t) => t.state === 'completed').length, 2);
  });

  it('starts no new trial once a finished trial reached metric.target', async () => {
    const { result, trials } = await run(
      sweep(
        {
          curve: {
            values: [
              [0.5, 0.05],
              [1, 0.9],
              [1, 0.8],
            ],
          },
        },
        { metric: { name: 'val_loss', target: 0.1 } },
      ),
      {},
      { concurrency: 1 },
    );
    assert.equal(result.status, 'finished');
    assert.match(result.reason ?? '', /metric\.target 0\.1 reached by trial 1 at epoch 2/);
    assert.deepEqual(
      trials.map((t) => t.state),
      ['completed'],
    );
  });

  it('stops new starts as soon as a running trial reaches metric.target, and lets the running ones finish', async () => {
    // Trial 1 reaches the target at its 2nd epoch of 30; trial 2 runs beside it. Neither is stopped.
    const slowStart = [1, 0.05, ...Array<number>(28).fill(0.04)];
    const { result, trials } = await run(
      sweep(
        {
          curve: { values: [slowStart, Array<number>(30).fill(0.9), [1, 0.9], [1, 0.8]] },
          epoch_ms: { value: 40 },
        },
        { metric: { name: 'val_loss', target: 0.1 } },
      ),
      {},
      { concurrency: 2 },
    );
    assert.equal(result.status, 'finished');
    assert.match(result.reason ?? '', /metric\.target 0\.1 reached by trial 1 at epoch 2/);
    assert.deepEqual(
      trials.map((t) => [t.state, t.epochsRun]),
      [
        ['completed', 30],
        ['completed', 30],
      ],
    );
  });

  it('stops gracefully on the stop signal: running trials end at their next batch as interrupted', async () => {
    const stop = new AbortController();
    let started = 0;
    // Ctrl-C once both trials run (their workers said ready), whatever the machine's speed.
    const logger = {
      ...SILENT_LOGGER,
      info: (line: string) => /running on/.test(line) && ++started === 2 && stop.abort(),
    };
    const { result, trials } = await run(
      sweep({ curve: { value: Array<number>(200).fill(1) }, n: { values: [1, 2, 3] } }),
      {},
      { stop: stop.signal, logger },
    );
    assert.equal(result.status, 'stopped');
    assert.deepEqual(trials.map((t) => t.state).sort(), ['interrupted', 'interrupted']);
  });

  describe('worker reuse', () => {
    const FOUR_CURVES = [
      [1, 0.5],
      [1, 0.6],
      [1, 0.7],
      [1, 0.8],
    ];
    const alive = (pid: number | null) => {
      try {
        process.kill(pid ?? -1, 0);
        return true;
      } catch {
        return false;
      }
    };

    it('runs trial after trial in one worker, and ends idle workers with the sweep', async () => {
      const { trials } = await run(
        sweep({
          curve: { values: FOUR_CURVES },
        }),
        {},
        { concurrency: 1 },
      );
      assert.deepEqual(
        trials.map((t) => t.state),
        ['completed', 'completed', 'completed', 'completed'],
      );
      assert.equal(new Set(trials.map((t) => t.workerPid)).size, 1, 'one worker for all four');
      assert.ok(!alive(trials[0]?.workerPid ?? null), 'the idle worker exited when the sweep ended');
    });

    it('never reuses a worker whose trial failed, and replaces a worker after its share of trials', async () => {
      const { trials } = await run(
        sweep({ behaviour: { values: ['curve', 'exit', 'throw'] }, n: { values: [1, 2] } }),
        { maxTrialsPerWorker: 2 },
        { concurrency: 1 },
      );
      const ordered = [...trials].sort((a, b) => a.index - b.index);
      let streak = 0;
      for (let i = 1; i < ordered.length; i++) {
        const before = ordered[i - 1]!;
        const after = ordered[i]!;
        streak = before.workerPid === ordered[i - 2]?.workerPid ? streak + 1 : 1;
        if (before.state !== 'completed')
          assert.notEqual(after.workerPid, before.workerPid, `after failed trial ${i}`);
        else if (streak < 2) assert.equal(after.workerPid, before.workerPid, `after completed trial ${i}`);
        else assert.notEqual(after.workerPid, before.workerPid, `a worker runs at most 2 trials (${i})`);
      }
      assert.ok(ordered.some((t) => t.state === 'failed') && ordered.some((t) => t.state === 'completed'));
    });

    it('starts a trial again on a fresh worker when the idle one it was given dies first', async () => {
      const { trials } = await run(
        sweep({
          die_when_idle: { value: true },
          curve: { values: FOUR_CURVES },
        }),
        {},
        { concurrency: 1 },
      );
      assert.deepEqual(
        trials.map((t) => [t.state, t.attempt]),
        Array(4).fill(['completed', 1]),
      );
    });
  });
});
