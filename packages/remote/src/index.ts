// The public API of @embsweep/remote: trials on workers elsewhere, through BullMQ on Redis.
export { RemoteExecutor, type RemoteExecutorOptions } from './remote-executor.js';
export { LocalFirstExecutor } from './local-first-executor.js';
export { RemoteWorker, type RemoteWorkerOptions } from './remote-worker.js';
export { sweepKeys, type SweepKeys } from './keys.js';
export { listWorkers, type WorkerAnnouncement } from './worker-registry.js';
export { connectRedis, reachRedis, redactUrl } from './redis-connection.js';
