// The public API of @embsweep/scheduler.
export { runSweep, type RunSweepOptions, type SweepRunResult } from './run-sweep.js';
export { LocalProcessExecutor, type LocalExecutorOptions } from './local-process-executor.js';
export { describeParams } from './epoch-points.js';
export { DataPreparer } from './data-preparer.js';
export { processAlive } from './process-alive.js';
