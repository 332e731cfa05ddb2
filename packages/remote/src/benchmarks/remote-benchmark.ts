// Benchmark of remote workers (npm run bench), with a real redis-server and worker processes
// running the scripted fixture trainer (so the figures are the queue's, not training's):
// - per-trial overhead of the queue against the local executor (target: under 50 ms a trial);
// - report latency from a worker's epoch to the SQLite commit (p50, p95);
// - stop latency from stop() to the trial's end on the remote worker (target: p95 under 1 s);
// - throughput of a sweep on two workers against one (one slot each).
import { hostname } from 'node:os';
import { join } from 'node:path';
import { type EpochReport, type Executor, type MetricPoint, type TrialHandlers } from '@embsweep/core';
import { LocalProcessExecutor } from '@embsweep/scheduler';
import { SCRIPTED_WORKER, scriptedTrial } from '@embsweep/scheduler/testing';
import { SqliteStore } from '@embsweep/store';
import { contractSpec, gridPlan, makeTempDir } from '@embsweep/store/testing';
import { testExecutor } from '../testing/test-executor.js';
import { redisInstalled, startRedis, type RedisServer } from '../testing/redis-server.js';
import { fixtureSweep, runRemoteSweep } from '../testing/remote-sweep.js';
import { startWorkerProcess } from '../testing/worker-processes.js';

const print = (line: string): void => void process.stdout.write(`${line}\n`);
const percentile = (xs: readonly number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
const quiet: TrialHandlers = { onReady() {}, onEpoch() {}, onHeartbeat() {}, onLog() {} };

let sweeps = 0;
const remoteExecutor = (redis: RedisServer) => testExecutor(redis.url, `bench-${++sweeps}`);

/** Milliseconds per trial of `count` one-epoch trials run one after another. */
async function perTrialMs(executor: Executor, count: number): Promise<number> {
  await executor.run(scriptedTrial({ curve: [1], epoch_ms: 0 }), quiet).outcome; // warm: worker up
  const start = performance.now();
  for (let i = 0; i < count; i++)
    await executor.run(scriptedTrial({ curve: [1], epoch_ms: 0 }), quiet).outcome;
  const ms = (performance.now() - start) / count;
  await executor.close();
  return ms;
}

async function overhead(redis: RedisServer): Promise<void> {
  const dir = makeTempDir('local-bench');
  const local = await perTrialMs(
    new LocalProcessExecutor({ workerPath: SCRIPTED_WORKER, sweepDir: dir, cacheDir: join(dir, 'cache') }),
    40,
  );
  const worker = await startWorkerProcess(redis.url, { concurrency: 1, lockDurationMs: 30_000 });
  const remote = await perTrialMs(remoteExecutor(redis), 40);
  await worker.kill();
  const extra = remote - local;
  print(
    `Per-trial overhead of the queue: ${extra.toFixed(1)} ms (remote ${remote.toFixed(1)} ms a trial, local ${local.toFixed(1)} ms; target under 50 ms: ${extra < 50 ? 'met' : 'MISSED'})`,
  );
}

async function reportLatency(redis: RedisServer): Promise<void> {
  const worker = await startWorkerProcess(redis.url, { concurrency: 2, lockDurationMs: 30_000 });
  const dbPath = join(makeTempDir('latency-bench'), 'r.db');
  const store = SqliteStore.open(dbPath);
  const latencies: number[] = [];
  const executor = remoteExecutor(redis);
  const epochs = 100;
  // Two trials of an example sweep, claimed as a scheduler claims them, to record into.
  const spec = contractSpec();
  const sweep = store.openSweep('latency', spec, 'h');
  store.addTrials(sweep.id, gridPlan(spec));
  const claimant = { pid: process.pid, host: hostname() };
  const records = [store.claimTrial(sweep.id, claimant), store.claimTrial(sweep.id, claimant)];
  await Promise.all(
    records.map((record) => {
      if (record === undefined) throw new Error('no trial to claim');
      const onEpoch = (report: EpochReport) => {
        const points: MetricPoint[] = Object.entries(report.metrics).map(([name, value]) => ({
          trialId: record.id,
          attempt: record.attempt,
          name,
          step: report.epoch,
          value,
        }));
        store.logMetrics(points); // committed when it returns
        const sent = report.metrics['sent_at_ms'];
        if (sent !== undefined) latencies.push(Date.now() - sent);
      };
      const trial = scriptedTrial({ curve: Array<number>(epochs).fill(0.5), epoch_ms: 20, stamp: true });
      return executor.run({ ...trial, trialId: record.id, attempt: record.attempt }, { ...quiet, onEpoch })
        .outcome;
    }),
  );
  await executor.close();
  await worker.kill();
  store.close();
  print(
    `Report latency, worker epoch to SQLite commit (${latencies.length} reports): p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms`,
  );
}

async function stopLatency(redis: RedisServer): Promise<void> {
  const worker = await startWorkerProcess(redis.url, { concurrency: 1, lockDurationMs: 30_000 });
  const executor = remoteExecutor(redis);
  const latencies: number[] = [];
  for (let i = 0; i < 20; i++) {
    let stoppedAt = 0;
    const handle = executor.run(scriptedTrial({ curve: Array<number>(1000).fill(0.5), epoch_ms: 20 }), {
      ...quiet,
      onEpoch: (report) => {
        if (report.epoch !== 3) return;
        stoppedAt = performance.now();
        handle.stop('benchmark');
      },
    });
    await handle.outcome;
    latencies.push(performance.now() - stoppedAt);
  }
  await executor.close();
  await worker.kill();
  const p95 = percentile(latencies, 0.95);
  print(
    `Stop latency, stop() to the trial's end on the worker (20 stops): p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (target p95 under 1000 ms: ${p95 < 1000 ? 'met' : 'MISSED'})`,
  );
}

async function throughput(redis: RedisServer): Promise<void> {
  const seconds = async (workers: number) => {
    const started = await Promise.all(
      Array.from({ length: workers }, () =>
        startWorkerProcess(redis.url, { concurrency: 1, lockDurationMs: 30_000 }),
      ),
    );
    const start = performance.now();
    await runRemoteSweep({
      redisUrl: redis.url,
      dbPath: join(makeTempDir('throughput'), 'r.db'),
      spec: fixtureSweep(`throughput-${workers}`, {
        curve: { value: Array<number>(10).fill(0.5) },
        epoch_ms: { value: 50 },
        n: { values: Array.from({ length: 12 }, (_, i) => i) },
      }),
      concurrency: workers,
    });
    const s = (performance.now() - start) / 1000;
    await Promise.all(started.map((w) => w.kill()));
    return s;
  };
  const one = await seconds(1);
  const two = await seconds(2);
  print(
    `Throughput, 12 trials of 0.5 s: one worker ${one.toFixed(1)} s, two workers ${two.toFixed(1)} s (${(one / two).toFixed(2)}x)`,
  );
}

if (!redisInstalled()) {
  print('Remote workers: skipped (redis-server is not installed; .ci/run installs it)');
} else {
  const redis = await startRedis();
  try {
    await overhead(redis);
    await reportLatency(redis);
    await stopLatency(redis);
    await throughput(redis);
  } finally {
    await redis.stop();
  }
}
