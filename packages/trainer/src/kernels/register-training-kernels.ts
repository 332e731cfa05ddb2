import * as tf from '../tf.js';
import { gatherRows } from './gather-rows.js';
import { unsortedSegmentSumConfig } from './unsorted-segment-sum.js';

/** Backends whose training kernels embsweep replaces or supplies (tfjs-node's native ones are fine). */
const PATCHED_BACKENDS = ['cpu', 'wasm'];

const registered = new Set<string>();

/**
 * Registers embsweep's training kernels for a backend, through tfjs's own kernel registry, so
 * that any model (built-in or a user's LayersModel) trains with them. Idempotent. Called by
 * chooseBackend before the first tensor of a trial is made.
 */
export function registerTrainingKernels(backendName: string): void {
  if (!PATCHED_BACKENDS.includes(backendName) || registered.has(backendName)) return;
  const stockGather = tf.getKernel(tf.GatherV2, backendName);
  const configs: tf.KernelConfig[] = [unsortedSegmentSumConfig(backendName)];
  if (stockGather !== undefined) {
    configs.push({ kernelName: tf.GatherV2, backendName, kernelFunc: gatherRows(stockGather.kernelFunc) });
  }
  for (const config of configs) {
    if (tf.getKernel(config.kernelName, backendName) !== undefined)
      tf.unregisterKernel(config.kernelName, backendName);
    tf.registerKernel(config);
  }
  registered.add(backendName);
}
