import * as tfc from '@tensorflow/tfjs-core';
// Types of the chained ops (tensor.mul(), ...): tfjs-core declares them in this module.
import type {} from '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops.js';

/**
 * Chained ops (`tensor.mul(b)` for `tf.mul(tensor, b)`), which tfjs-layers and our kernels use.
 * The `@tensorflow/tfjs` umbrella package registers them in its bundle; tfjs-core's own Node
 * bundle does not, and its per-op registration modules are not loadable by Node. So they are
 * registered here, as tfjs 4.22 defines them (tfjs-core/src/public/chained_ops): most are the
 * op of the same name with the tensor as first argument, and the rest are spelt out below.
 * An op already registered (someone also loaded the umbrella package) is left alone.
 */
const SAME_NAME: readonly string[] = [
  'avgPool',
  'conv2dTranspose',
  'depthwiseConv2d',
  'dilation2d',
  'localResponseNormalization',
  'maxPool',
  'separableConv2d',
  'unsortedSegmentSum',
  'conv2d',
  'isFinite',
  'isNaN',
  'matMul',
  'mean',
  'oneHot',
  'abs',
  'acos',
  'acosh',
  'add',
  'all',
  'any',
  'argMax',
  'argMin',
  'asin',
  'asinh',
  'atan',
  'atan2',
  'atanh',
  'batchToSpaceND',
  'batchNorm',
  'broadcastTo',
  'cast',
  'ceil',
  'clipByValue',
  'conv1d',
  'cos',
  'cosh',
  'cumprod',
  'cumsum',
  'depthToSpace',
  'divNoNan',
  'div',
  'dot',
  'elu',
  'equal',
  'erf',
  'euclideanNorm',
  'exp',
  'expandDims',
  'expm1',
  'fft',
  'floor',
  'floorDiv',
  'gather',
  'greaterEqual',
  'greater',
  'ifft',
  'irfft',
  'isInf',
  'leakyRelu',
  'lessEqual',
  'less',
  'logSigmoid',
  'logSoftmax',
  'logSumExp',
  'log',
  'log1p',
  'logicalAnd',
  'logicalNot',
  'logicalOr',
  'logicalXor',
  'max',
  'maximum',
  'min',
  'minimum',
  'mirrorPad',
  'mod',
  'mul',
  'neg',
  'norm',
  'notEqual',
  'onesLike',
  'pad',
  'pool',
  'pow',
  'prelu',
  'prod',
  'reciprocal',
  'relu',
  'relu6',
  'reshape',
  'reverse',
  'rfft',
  'round',
  'rsqrt',
  'selu',
  'sigmoid',
  'sign',
  'sin',
  'sinh',
  'slice',
  'softmax',
  'softplus',
  'spaceToBatchND',
  'split',
  'sqrt',
  'square',
  'squaredDifference',
  'squeeze',
  'step',
  'stridedSlice',
  'sub',
  'sum',
  'tan',
  'tanh',
  'tile',
  'topk',
  'transpose',
  'unique',
  'unstack',
  'zerosLike',
];

type Op = (...args: unknown[]) => tfc.Tensor;
type Method = (this: tfc.Tensor, ...args: unknown[]) => unknown;
const ops = tfc as unknown as Readonly<Record<string, Op>>;
const asList = (x: tfc.Tensor | tfc.Tensor[]) => (x instanceof tfc.Tensor ? [x] : x);

const SPECIAL: Readonly<Record<string, Method>> = {
  asType(dtype) {
    return tfc.cast(this, dtype as tfc.DataType);
  },
  asScalar() {
    tfc.util.assert(this.size === 1, () => 'The array must have only 1 element.');
    return tfc.reshape(this, []);
  },
  as1D() {
    return tfc.reshape(this, [this.size]);
  },
  as2D(...shape) {
    return tfc.reshape(this, shape as number[]);
  },
  as3D(...shape) {
    return tfc.reshape(this, shape as number[]);
  },
  as4D(...shape) {
    return tfc.reshape(this, shape as number[]);
  },
  as5D(...shape) {
    return tfc.reshape(this, shape as number[]);
  },
  concat(x, axis) {
    return tfc.concat([this, ...asList(x as tfc.Tensor | tfc.Tensor[])], axis as number | undefined);
  },
  flatten() {
    return tfc.reshape(this, [this.size]);
  },
  reshapeAs(x) {
    return tfc.reshape(this, (x as tfc.Tensor).shape);
  },
  stack(x, axis) {
    return tfc.stack([this, ...asList(x as tfc.Tensor | tfc.Tensor[])], axis as number | undefined);
  },
  resizeBilinear(...args) {
    return (tfc.image.resizeBilinear as unknown as Op)(this, ...args);
  },
  resizeNearestNeighbor(...args) {
    return (tfc.image.resizeNearestNeighbor as unknown as Op)(this, ...args);
  },
  toBool() {
    return tfc.cast(this, 'bool');
  },
  toFloat() {
    return tfc.cast(this, 'float32');
  },
  toInt() {
    return tfc.cast(this, 'int32');
  },
  where(condition, x) {
    return tfc.where(condition as tfc.Tensor, this, x as tfc.Tensor);
  },
};

export function registerChainedOps(): void {
  const proto = tfc.Tensor.prototype as unknown as Record<string, Method | undefined>;
  const define = (name: string, method: Method) => {
    if (proto[name] !== undefined) return;
    proto[name] = function (this: tfc.Tensor, ...args: unknown[]) {
      this.throwIfDisposed();
      return method.apply(this, args);
    };
  };
  for (const name of SAME_NAME) {
    const op = ops[name];
    if (op === undefined) throw new Error(`tfjs-core has no op ${name}`);
    define(name, function (...args) {
      return op(this, ...args);
    });
  }
  for (const [name, method] of Object.entries(SPECIAL)) define(name, method);
}
