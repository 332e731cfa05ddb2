// Test helpers of @embsweep/scheduler, for other packages' tests: the Executor contract suite
// (run it against any new Executor) and the fixture worker that misbehaves on request.
export {
  executorContract,
  scriptedTrial,
  runTrial,
  SCRIPTED_WORKER,
  type ContractSettings,
} from './executor-contract.js';
export { leftRunningTrial } from './left-running.js';
export { fixtureSweep } from './fixture-sweep.js';
