// The distributed executor's guarantees, each shown with real processes: a real redis-server,
// remote workers in processes (and folders) of their own, a real SQLite file.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { EmbsweepError, HyperbandStopper, type EpochReport, type RunOutcome } from '@embsweep/core';
import { scriptedTrial } from '@embsweep/scheduler/testing';
import { SqliteStore } from '@embsweep/store';
import { makeTempDir } from '@embsweep/store/testing';
import { connectRedis } from './redis-connection.js';
import { attemptKey } from './protocol.js';
import { testExecutor, testKeys } from './testing/test-executor.js';
import { LogWatch } from './testing/log-watch.js';
import { redisInstalled, startRedis, type RedisServer } from './testing/redis-server.js';
import { fixtureSweep, runRemoteSweep } from './testing/remote-sweep.js';
import { startWorkerProcess, type WorkerProcess } from './testing/worker-processes.js';

const SCHEDULER_PROCESS = new URL('./testing/fixtures/scheduler-process.js', import.meta.url).pathname;

let redis: RedisServer;
const workers: WorkerProcess[] = [];

async function worker(settings: Parameters<typeof startWorkerProcess>[1] = {}): Promise<WorkerProcess> {
  const started = await startWorkerProcess(redis.url, settings);
  workers.push(started);
  return started;
}

/** A long fixture curve: `epochs` values, one every `epochMs`. */
const slowCurve = (epochs: number, epochMs: number) => ({
  curve: { value: Array.from({ length: epochs }, (_, i) => 1 / (i + 1)) },
  epoch_ms: { value: epochMs },
});

function transitions(dbPath: string): string[][] {
  const store = SqliteStore.open(dbPath);
  try {
    const [sweep] = store.listSweeps();
    return store
      .listTrials(sweep?.id ?? -1)
      .map((t) => store.trialEvents(t.id).map((e) => `${e.attempt}:${e.to}`));
  } finally {
    store.close();
  }
}

const executorFor = (name: string) => testExecutor(redis.url, name);
const keysOf = testKeys;

describe(
  'remote workers: guarantees with real processes and a real Redis',
  {
    skip: redisInstalled() ? false : 'redis-server is not installed (.ci/run installs it)',
    timeout: 120_000,
  },
  () => {
    before(async () => {
      redis = await startRedis({ appendOnly: true });
    });
    // Each test has its own workers: one left from another test would take its trials.
    afterEach(async () => {
      await Promise.all(workers.splice(0).map((w) => w.kill()));
    });
    after(async () => {
      await redis.stop();
    });

    it('retries the trial of a worker killed with SIGKILL as a new attempt on another worker', async () => {
      const first = await worker({ concurrency: 1 });
      const log = new LogWatch();
      const dbPath = join(makeTempDir('killed-worker'), 'r.db');
      const spec = fixtureSweep('killed-worker', slowCurve(30, 50), { execution: { max_retries: 1 } });
      const done = runRemoteSweep({
        redisUrl: redis.url,
        dbPath,
        spec,
        logger: log.logger(),
        concurrency: 1,
      });
      await log.until(new RegExp(`running on fixture \\(${hostname()}/${first.child.pid ?? 0}#`));
      await first.kill();
      const second = await worker({ concurrency: 1 });
      const result = await done;
      assert.equal(result.status, 'finished');
      const [events] = transitions(dbPath);
      assert.deepEqual(events, [
        '0:pending',
        '1:running',
        '1:failed',
        '1:pending',
        '2:running',
        '2:completed',
      ]);
      assert.match(log.all(), /failed \(worker_lost\): the worker running it .* stopped renewing its lock/);
      assert.match(
        log.all(),
        new RegExp(`attempt 2\\) running on fixture \\(${hostname()}/${second.child.pid ?? 0}#`),
      );
    });

    it('drops every report of an attempt whose worker lost its lock and kept running', async () => {
      const stalled = await worker({ concurrency: 1 });
      const executor = executorFor('superseded');
      const trial = scriptedTrial({ curve: Array.from({ length: 40 }, () => 0.5), epoch_ms: 50 });
      const first = executor.run(trial, {
        onReady: () => stalled.child.kill('SIGSTOP'), // its trainer goes on; its lock renewals stop
        onEpoch: () => undefined,
        onHeartbeat: () => undefined,
        onLog: () => undefined,
      });
      const lost = await first.outcome;
      assert.equal(lost.kind === 'failed' && lost.code, 'worker_lost');
      await worker({ concurrency: 1 });
      const epochs: EpochReport[] = [];
      const second = executor.run(
        { ...trial, attempt: 2 },
        {
          onReady: () => stalled.child.kill('SIGCONT'), // now it reports attempt 1 again
          onEpoch: (report) => epochs.push(report),
          onHeartbeat: () => undefined,
          onLog: () => undefined,
        },
      );
      await stalled.log.until(/trial \d+ \(attempt 1\) (done|failed)/);
      const outcome: RunOutcome = await second.outcome;
      await executor.close();
      assert.equal(outcome.kind, 'done');
      assert.deepEqual(
        epochs.map((e) => e.epoch),
        Array.from({ length: 40 }, (_, i) => i + 1),
        'attempt 2 heard each of its own epochs once, and nothing of attempt 1',
      );
    });

    it('resumes after the scheduler is killed: reports sent while it was down are applied, nothing runs twice', async () => {
      await worker({ concurrency: 2 });
      const dbPath = join(makeTempDir('killed-scheduler'), 'r.db');
      const args = JSON.stringify({
        redisUrl: redis.url,
        dbPath,
        name: 'killed-scheduler',
        parameters: { ...slowCurve(12, 80), seed_note: { values: [1, 2, 3] } },
      });
      const scheduler = spawn(process.execPath, [SCHEDULER_PROCESS, args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const log = new LogWatch();
      scheduler.stderr?.on('data', (chunk: Buffer) => log.add(chunk.toString()));
      await log.until(/running on fixture[^\n]*\n[^]*running on fixture/); // two trials under way
      scheduler.kill('SIGKILL');
      await once(scheduler, 'exit');
      const resumed = new LogWatch();
      const result = await runRemoteSweep({
        redisUrl: redis.url,
        dbPath,
        spec: fixtureSweep('killed-scheduler', { ...slowCurve(12, 80), seed_note: { values: [1, 2, 3] } }),
        logger: resumed.logger(),
      });
      assert.equal(result.status, 'finished');
      assert.match(resumed.all(), /is still running on a worker; following it again/);
      for (const events of transitions(dbPath))
        assert.deepEqual(events, ['0:pending', '1:running', '1:completed'], 'every trial ran once');
      const store = SqliteStore.open(dbPath);
      try {
        for (const t of store.listTrials(store.listSweeps()[0]?.id ?? -1))
          assert.equal(store.trialCurves(t.id).find((c) => c.name === 'val_loss')?.values.length, 12);
      } finally {
        store.close();
      }
    });

    it('goes on when Redis restarts mid-sweep (append-only file): workers and scheduler reconnect', async () => {
      await worker({ concurrency: 2 });
      const log = new LogWatch();
      const dbPath = join(makeTempDir('redis-restart'), 'r.db');
      const done = runRemoteSweep({
        redisUrl: redis.url,
        dbPath,
        spec: fixtureSweep('redis-restart', { ...slowCurve(15, 60), seed_note: { values: [1, 2, 3, 4] } }),
        logger: log.logger(),
      });
      await log.until(/running on fixture/);
      await redis.restart();
      const result = await done;
      assert.equal(result.status, 'finished');
      for (const events of transitions(dbPath)) assert.match(events.at(-1) ?? '', /:completed$/);
    });

    it('stops the sweep with a clear message when Redis is gone for good, keeping what was recorded', async () => {
      const own = await startRedis();
      const remote = await startWorkerProcess(own.url, { concurrency: 1 });
      const log = new LogWatch();
      const dbPath = join(makeTempDir('redis-gone'), 'r.db');
      const done = runRemoteSweep({
        redisUrl: own.url,
        dbPath,
        spec: fixtureSweep('redis-gone', { ...slowCurve(400, 50), seed_note: { values: [1, 2] } }),
        logger: log.logger(),
        giveUpMs: 1500,
      });
      await log.until(/running on fixture/);
      await own.stop();
      await assert.rejects(
        done,
        (e: unknown) =>
          e instanceof EmbsweepError &&
          e.code === 'queue_unavailable' &&
          /Redis at redis:\/\/127\.0\.0\.1:\d+\/? has been unreachable for 2 s .*run the same command to resume/.test(
            e.message,
          ),
      );
      await remote.kill();
      const store = SqliteStore.open(dbPath);
      try {
        const [sweep] = store.listSweeps();
        assert.equal(sweep?.status, 'stopped');
        const trials = store.listTrials(sweep?.id ?? -1);
        assert.ok(
          trials.some((t) => t.state === 'interrupted'),
          'the running trial runs again on resume',
        );
        assert.ok(
          trials.every((t) => t.state !== 'running'),
          'nothing is left looking alive',
        );
      } finally {
        store.close();
      }
    });

    it('obeys a stop kept in the stops hash at the next epoch, even without the published message', async () => {
      await worker({ concurrency: 1 });
      const executor = executorFor('durable-stop');
      const trial = scriptedTrial({ curve: Array.from({ length: 200 }, () => 0.5), epoch_ms: 30 });
      const direct = connectRedis(redis.url, 'test');
      const stop = { action: 'stop', trialId: trial.trialId, attempt: trial.attempt, reason: 'pruned' };
      let sent = false;
      const epochs: number[] = [];
      const handle = executor.run(trial, {
        onReady: () => undefined,
        onEpoch: (report) => {
          epochs.push(report.epoch);
          if (sent) return;
          sent = true;
          // Written to the hash only: the worker hears no message and must find it there.
          void direct.hset(
            keysOf('durable-stop').stops,
            attemptKey(trial.trialId, trial.attempt),
            JSON.stringify(stop),
          );
        },
        onHeartbeat: () => undefined,
        onLog: () => undefined,
      });
      const outcome = await handle.outcome;
      await executor.close();
      direct.disconnect();
      assert.ok(outcome.kind === 'done' && outcome.summary.stopped, 'the trial stopped');
      assert.ok(epochs.length < 200);
    });

    it('hands running trials back to the queue on a second Ctrl-C; another worker finishes them', async () => {
      const leaving = await worker({ concurrency: 1 });
      const log = new LogWatch();
      const dbPath = join(makeTempDir('hand-back'), 'r.db');
      const done = runRemoteSweep({
        redisUrl: redis.url,
        dbPath,
        spec: fixtureSweep('hand-back', slowCurve(40, 50)),
        logger: log.logger(),
        concurrency: 1,
      });
      await log.until(new RegExp(`running on fixture \\(${hostname()}/${leaving.child.pid ?? 0}#`));
      await leaving.interrupt(2);
      const staying = await worker({ concurrency: 1 });
      const result = await done;
      assert.equal(result.status, 'finished');
      assert.deepEqual(
        transitions(dbPath)[0],
        ['0:pending', '1:running', '1:completed'],
        'the same attempt, not a failure',
      );
      assert.match(log.all(), /handed back by/);
      assert.match(log.all(), new RegExp(`running on fixture \\(${hostname()}/${staying.child.pid ?? 0}#`));
    });

    it('keeps two unrelated sweeps with the same name on one Redis apart', async () => {
      await worker({ concurrency: 4 });
      const [a, b] = ['one', 'two'].map((d) => join(makeTempDir(`same-name-${d}`), 'r.db'));
      const run = (dbPath: string, value: number) =>
        runRemoteSweep({
          redisUrl: redis.url,
          dbPath,
          spec: fixtureSweep('same-name', {
            curve: { value: [value, value] },
            seed_note: { values: [1, 2, 3] },
          }),
        });
      await Promise.all([run(a ?? '', 0.25), run(b ?? '', 0.75)]);
      for (const [dbPath, value] of [
        [a, 0.25],
        [b, 0.75],
      ] as const) {
        const store = SqliteStore.open(dbPath ?? '');
        try {
          const trials = store.listTrials(store.listSweeps()[0]?.id ?? -1);
          assert.equal(trials.length, 3);
          for (const t of trials) {
            assert.equal(t.state, 'completed');
            assert.deepEqual(store.trialCurves(t.id).find((c) => c.name === 'val_loss')?.values, [
              value,
              value,
            ]);
          }
        } finally {
          store.close();
        }
      }
    });

    it('prunes on a remote worker like on a local one, and does not retry a pruned trial', async () => {
      await worker({ concurrency: 1 });
      const curves = [
        [1.0, 0.5, 0.4, 0.3],
        [1.0, 0.6, 0.5, 0.45],
        [1.0, 0.9, 0.9, 0.9],
      ];
      const spec = fixtureSweep(
        'remote-prune',
        { curve: { values: curves } },
        { execution: { max_retries: 2 }, early_terminate: { type: 'hyperband', min_iter: 2, eta: 2 } },
      );
      const dbPath = join(makeTempDir('remote-prune'), 'r.db');
      await runRemoteSweep({
        redisUrl: redis.url,
        dbPath,
        spec,
        concurrency: 1,
        stopper:
          spec.early_terminate?.type === 'hyperband'
            ? new HyperbandStopper(spec.early_terminate, spec.metric)
            : assert.fail('the sweep has a hyperband rule'),
      });
      assert.deepEqual(transitions(dbPath)[2], ['0:pending', '1:running', '1:pruned']);
    });

    it('takes a password in the URL, and says so plainly when it is wrong', async () => {
      const locked = await startRedis({ password: 's3cret' });
      try {
        const remote = await startWorkerProcess(locked.url, { concurrency: 1 });
        const dbPath = join(makeTempDir('password'), 'r.db');
        const spec = fixtureSweep('password', { curve: { value: [0.5, 0.4] } });
        const result = await runRemoteSweep({ redisUrl: locked.url, dbPath, spec });
        await remote.kill();
        assert.equal(result.status, 'finished');
        const wrong = locked.url.replace('s3cret', 'guess');
        await assert.rejects(
          runRemoteSweep({ redisUrl: wrong, dbPath: join(makeTempDir('password-wrong'), 'r.db'), spec }),
          (e: unknown) =>
            e instanceof EmbsweepError &&
            /^Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ refused the connection: WRONGPASS/.test(e.message),
        );
      } finally {
        await locked.stop();
      }
    });

    it('works over TLS (rediss://), trusting a private authority through NODE_EXTRA_CA_CERTS', async () => {
      const secure = await startRedis({ tls: true });
      try {
        const env = { NODE_EXTRA_CA_CERTS: secure.caFile };
        const remote = await startWorkerProcess(secure.url, { concurrency: 2 }, env);
        const dbPath = join(makeTempDir('tls'), 'r.db');
        const args = {
          redisUrl: secure.url,
          dbPath,
          name: 'tls',
          parameters: { curve: { values: [[0.5], [0.4]] } },
        };
        const scheduler = spawn(process.execPath, [SCHEDULER_PROCESS, JSON.stringify(args)], {
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        scheduler.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
        await once(scheduler, 'exit');
        await remote.kill();
        assert.equal(out.trim(), 'finished');
        assert.deepEqual(transitions(dbPath), [
          ['0:pending', '1:running', '1:completed'],
          ['0:pending', '1:running', '1:completed'],
        ]);
      } finally {
        await secure.stop();
      }
    });
  },
);
