import {
  UnsortedSegmentSum,
  type KernelBackend,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '../tf.js';
import { inputValues, zeroOutput } from './tensor-io.js';

/**
 * UnsortedSegmentSum as a scatter-add: out[segmentIds[i]] += x[i], in O(size of x).
 *
 * Why: it is the gradient of an embedding lookup (GatherV2's gradient w.r.t. the table). The
 * stock cpu kernel costs O(numSegments x size of x), i.e. vocabulary x tokens x dimension per
 * training step, and the wasm backend has no such kernel at all, so embedding models either
 * crawl or cannot train. Ids outside [0, numSegments) are dropped, as TensorFlow does.
 */
export const unsortedSegmentSum: KernelFunc = ({ inputs, backend: anyBackend, attrs }) => {
  const backend = anyBackend as KernelBackend;
  const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
  const numSegments = Number((attrs as { numSegments: number }).numSegments);
  const idCount = segmentIds.shape.reduce((a, b) => a * b, 1);
  const inner = x.shape.slice(segmentIds.shape.length);
  const width = inner.reduce((a, b) => a * b, 1);
  const ids = inputValues(backend, segmentIds);
  const values = inputValues(backend, x);
  const out = zeroOutput(backend, [numSegments, ...inner], x.dtype);
  const sums = out.values;
  for (let i = 0; i < idCount; i++) {
    const segment = ids[i] ?? -1;
    if (segment < 0 || segment >= numSegments) continue;
    const from = i * width;
    const to = segment * width;
    for (let j = 0; j < width; j++) sums[to + j] = (sums[to + j] ?? 0) + (values[from + j] ?? 0);
  }
  return out.info;
};

/** The kernel config for one backend. */
export function unsortedSegmentSumConfig(backendName: string): KernelConfig {
  return { kernelName: UnsortedSegmentSum, backendName, kernelFunc: unsortedSegmentSum };
}
