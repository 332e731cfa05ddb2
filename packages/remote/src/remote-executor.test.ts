import { after, before, describe } from 'node:test';
import type { Executor } from '@embsweep/core';
import { executorContract, type ContractSettings } from '@embsweep/scheduler/testing';
import { testExecutor } from './testing/test-executor.js';
import { redisInstalled, startRedis, type RedisServer } from './testing/redis-server.js';
import { startWorkerProcess, type WorkerProcess } from './testing/worker-processes.js';

let redis: RedisServer | undefined;
const workers: WorkerProcess[] = [];
let sweeps = 0;

/** The contract's executor: a RemoteExecutor on its own sweep, served by a worker process of its own. */
function remoteExecutor(settings: ContractSettings): Executor {
  if (redis === undefined) throw new Error('redis-server is not running');
  const executor = testExecutor(redis.url, `contract-${++sweeps}`, {
    execution: { trialTimeoutSeconds: settings.trialTimeoutSeconds },
  });
  const worker = startWorkerProcess(redis.url, {
    concurrency: 4,
    local: {
      workerPath: settings.workerPath.pathname,
      heartbeatGraceSeconds: settings.heartbeatGraceSeconds,
      stopGraceSeconds: settings.stopGraceSeconds,
      memoryLimitMb: settings.memoryLimitMb,
    },
  });
  void worker.then((w) => workers.push(w));
  // The worker process goes when the executor closes, as a machine's worker would be stopped.
  const close = executor.close.bind(executor);
  executor.close = async () => {
    await close();
    await (await worker).kill();
  };
  return executor;
}

describe(
  'RemoteExecutor',
  { skip: redisInstalled() ? false : 'redis-server is not installed (.ci/run installs it)' },
  () => {
    before(async () => {
      redis = await startRedis();
    });
    after(async () => {
      await Promise.all(workers.map((w) => w.kill()));
      await redis?.stop();
    });
    executorContract(
      'RemoteExecutor (BullMQ on a real Redis, workers in their own processes)',
      remoteExecutor,
    );
  },
);
