// Test helpers of @embsweep/remote: a real redis-server and remote workers in processes of their own.
export { startRedis, redisInstalled, type RedisServer } from './redis-server.js';
export { startWorkerProcess, type WorkerProcess, type WorkerSettings } from './worker-processes.js';
export { fixtureSweep, runRemoteSweep, type RemoteSweepRun } from './remote-sweep.js';
export { LogWatch } from './log-watch.js';
export { testExecutor, testKeys } from './test-executor.js';
