// The public API of @embsweep/cli: the program, callable in-process (tests, embedding).
export { main } from './main.js';
export type { CommandIo } from './io.js';
// What the `embsweep` package's API composes a run from, as `embsweep run` does.
export { loadSweepFile, type LoadedSweep } from './load-sweep-file.js';
export { chooseExecutor, type ExecutorChoice } from './choose-executor.js';
export { searchStrategyFor, earlyStopperFor } from './registry.js';
