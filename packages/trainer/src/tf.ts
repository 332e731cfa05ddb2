// The TensorFlow.js embsweep trains with: tfjs-core, tfjs-layers and the cpu backend (the wasm
// backend is loaded by choose-backend.ts; tfjs-node when the user has it). Not the `@tensorflow/tfjs`
// umbrella package, which also brings the converter, tfjs-data and WebGL (about 190 MB more
// installed) that a Node trainer never uses. Every trainer module imports tf from here.
export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import { registerChainedOps } from './chained-ops.js';

registerChainedOps();
