import type { ConfigIssue } from '../errors.js';
import { formatJsonPath } from '../json-path.js';
import type { FlatParameter, ParameterSpec } from './parameter-spec.js';
import { TRAINER_PARAMETERS } from './trainer-parameters.js';

/** The memory a worker may use before it is stopped as out of memory (the local executor's default). */
export const WORKER_MEMORY_LIMIT_MIB = 4096;

/**
 * Bytes per weight while training with Adam: the weight, its gradient and two moment
 * estimates, float32 each.
 */
const BYTES_PER_WEIGHT = 16;

/** Settings that decide the built-in model's size, at their largest in the search space. */
interface SizeSettings {
  readonly vocab_size: number;
  readonly embedding_dim: number;
  readonly hidden_units: number;
  readonly batch_size: number;
  readonly max_length: number;
}

/** Weights and training memory of the built-in model for the given settings (two classes). */
export function estimateModelSize(s: SizeSettings): { readonly weights: number; readonly bytes: number } {
  const embedding = s.vocab_size * s.embedding_dim;
  const hidden = s.hidden_units > 0 ? s.embedding_dim * s.hidden_units + s.hidden_units : 0;
  const output = (s.hidden_units > 0 ? s.hidden_units : s.embedding_dim) + 1;
  const weights = embedding + hidden + output;
  // Activations of one batch: the embedded tokens (and their gradient, and the dropout mask).
  const activations = 3 * s.batch_size * s.max_length * s.embedding_dim * 4;
  return { weights, bytes: weights * BYTES_PER_WEIGHT + activations };
}

/**
 * Refuses a search space whose largest model cannot be trained within a worker's memory: it
 * would only be killed as out of memory (or hang while allocating) after the sweep started.
 * Says which settings make it large.
 */
export function checkModelSize(params: readonly FlatParameter[]): ConfigIssue[] {
  const largest = (name: keyof SizeSettings): number => {
    const found = params.find((p) => p.path.length === 1 && p.path[0] === name);
    const fallback = TRAINER_PARAMETERS.find((p) => p.name === name)?.default;
    return found === undefined ? Number(fallback) : largestValue(found.spec);
  };
  const settings: SizeSettings = {
    vocab_size: largest('vocab_size'),
    embedding_dim: largest('embedding_dim'),
    hidden_units: largest('hidden_units'),
    batch_size: largest('batch_size'),
    max_length: largest('max_length'),
  };
  if (Object.values(settings).some((v) => !Number.isFinite(v))) return []; // unbounded: checked elsewhere
  const { weights, bytes } = estimateModelSize(settings);
  const mib = bytes / 2 ** 20;
  if (mib <= WORKER_MEMORY_LIMIT_MIB) return [];
  const causes = `vocab_size ${settings.vocab_size}, embedding_dim ${settings.embedding_dim}${settings.hidden_units > 0 ? `, hidden_units ${settings.hidden_units}` : ''}`;
  const at = params.some((p) => p.path[0] === 'embedding_dim')
    ? ['parameters', 'embedding_dim']
    : ['parameters'];
  return [
    {
      path: formatJsonPath(at),
      message: `the largest model of this search (${causes}) has about ${weights.toExponential(2)} weights and needs about ${(mib / 1024).toFixed(1)} GiB to train, over a worker's ${WORKER_MEMORY_LIMIT_MIB / 1024} GiB; lower embedding_dim, vocab_size or hidden_units`,
    },
  ];
}

/** The largest value a parameter can take (Infinity for an unbounded distribution). */
function largestValue(spec: ParameterSpec): number {
  switch (spec.distribution) {
    case 'constant':
      return typeof spec.value === 'number' ? spec.value : NaN;
    case 'categorical':
      return Math.max(...spec.values.map((v) => (typeof v === 'number' ? v : -Infinity)));
    case 'int_uniform':
    case 'uniform':
    case 'log_uniform_values':
    case 'inv_log_uniform_values':
    case 'q_uniform':
    case 'q_log_uniform_values':
      return spec.max;
    default:
      return Infinity;
  }
}
