// The public API of @embsweep/trainer: everything that touches TensorFlow.js.
export { chooseBackend, type ActiveBackend, type BackendChoice } from './backends/choose-backend.js';
export { registerTrainingKernels } from './kernels/register-training-kernels.js';
export { prepareData, type PrepareOptions } from './data/prepare-data.js';
export { readPrepared } from './data/data-cache.js';
export type { PreparedData, EncodedSplit } from './data/prepared-data.js';
export { trainTrial, type TrainTrialOptions } from './train/train-trial.js';
export { resolveTrainingParams, type TrainingParams } from './train/training-params.js';
export type { ModelContext } from './model/model-context.js';
export { WORKER_MAIN } from './worker/worker-path.js';
export { describeTrialInputs } from './inputs/describe-inputs.js';
export { openTrialInputs, type InputPlaces, type OpenedInputs } from './inputs/open-inputs.js';
