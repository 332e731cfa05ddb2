import type { DataType, KernelBackend, TensorInfo, TypedArray } from '../tf.js';

/**
 * Reading inputs and allocating outputs inside a kernel, for the two JavaScript-side backends
 * whose kernels embsweep adds: `cpu` (data in JS typed arrays) and `wasm` (data on the wasm
 * heap). A kernel fills the returned array in place, so no extra copy of the output is made.
 */
interface CpuLike {
  readSync(dataId: object): unknown;
  makeTensorInfo(shape: number[], dtype: DataType, values?: TypedArray): TensorInfo;
  data: { get(dataId: object): { values: TypedArray } };
}
interface WasmLike {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): TypedArray;
}

function isWasm(backend: KernelBackend): backend is KernelBackend & WasmLike {
  return typeof (backend as Partial<WasmLike>).typedArrayFromHeap === 'function';
}

/** The values of an input tensor, without copying where the backend allows it. */
export function inputValues(backend: KernelBackend, info: TensorInfo): TypedArray {
  if (isWasm(backend)) return backend.typedArrayFromHeap(info);
  return (backend as unknown as CpuLike).data.get(info.dataId).values;
}

/** Allocates an output tensor of zeros and returns it with its writable values. */
export function zeroOutput(
  backend: KernelBackend,
  shape: number[],
  dtype: DataType,
): { info: TensorInfo; values: TypedArray } {
  if (isWasm(backend)) {
    const info = backend.makeOutput(shape, dtype);
    const values = backend.typedArrayFromHeap(info);
    values.fill(0); // the wasm allocator does not clear memory
    return { info, values };
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const values = dtype === 'int32' ? new Int32Array(size) : new Float32Array(size);
  return { info: (backend as unknown as CpuLike).makeTensorInfo(shape, dtype, values), values };
}
