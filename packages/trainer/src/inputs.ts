// @embsweep/trainer/inputs: the part of the trainer that loads no TensorFlow.js, for the
// processes that do not train (the scheduler, the CLI's other commands): what trials read,
// named by content; the data preparation and its cache; and where the worker's entry point is.
// A second deliberate entry point, so that `import '@embsweep/trainer'` (which starts tfjs)
// stays out of the scheduler's process.
export { describeTrialInputs } from './inputs/describe-inputs.js';
export { openTrialInputs, type InputPlaces, type OpenedInputs } from './inputs/open-inputs.js';
export { prepareData, type PrepareOptions } from './data/prepare-data.js';
export { readPrepared } from './data/data-cache.js';
export type { PreparedData, EncodedSplit } from './data/prepared-data.js';
export { resolveTrainingParams, type TrainingParams } from './train/training-params.js';
export { WORKER_MAIN } from './worker/worker-path.js';
export { checkSweepInputs, type InputCheckOptions } from './inputs/check-inputs.js';
export { sourceFingerprint } from './data/load-texts.js';
export { fileSha256 } from './inputs/file-hash.js';
export { guessFields, type GuessedFields } from './data/guess-fields.js';
