import { symmetricEigenvalues } from './symmetric-eigenvalues.js';

/** The word rows start here: id 0 is padding and id 1 the unknown word (see vectorizer.ts). */
const FIRST_WORD = 2;
/** The frequent and the rare words: this share of the vocabulary at each end of the ranking. */
const BUCKET = 0.1;
/** The "top directions" of top10_variance: this share of the dimensions. */
const TOP_DIRECTIONS = 0.1;

export interface EmbeddingSnapshot {
  /** The embedding matrix, rows x dim, row-major; words ranked by training frequency from row 2. */
  readonly matrix: Float32Array;
  readonly rows: number;
  readonly dim: number;
  /** Its Gram matrix, dim x dim (matrix^T matrix), computed on the backend. */
  readonly gram: Float64Array;
}

/**
 * What one epoch's embedding matrix says about how the model uses it, as metrics named `emb_*`:
 * - `emb_norm_mean`, `emb_norm_median`, `emb_norm_p95`: the L2 norms of the word rows;
 * - `emb_norm_frequent`, `emb_norm_rare`: mean norm of the 10% most and least frequent words
 *   (rare words whose norms grow is how an embedding memorises);
 * - `emb_effective_rank`: exp of the entropy of the normalised singular values (Roy and
 *   Vetterli 2007), from the eigenvalues of the Gram matrix (singular values squared), so it
 *   costs O(V D^2) once rather than an SVD of V x D; between 1 and D;
 * - `emb_top10_variance`: the share of the variance (of the rows about their mean, so a common
 *   offset does not count) along the top 10% of principal directions;
 * - `emb_movement`: ||E - E_previous||_F / ||E_previous||_F, how far this epoch moved it
 *   (given the previous epoch's matrix);
 * - `emb_drift`: ||E - E_0||_F / ||E_0||_F, how far it moved from pretrained vectors (given them).
 */
export function diagnoseEmbedding(
  now: EmbeddingSnapshot,
  previous?: Float32Array,
  pretrained?: Float32Array,
): Record<string, number> {
  const norms = rowNorms(now);
  const sorted = Float64Array.from(norms).sort();
  const bucket = Math.max(1, Math.floor(norms.length * BUCKET));
  const eigen = symmetricEigenvalues(now.gram, now.dim).map((v) => Math.max(0, v));
  const singular = eigen.map(Math.sqrt);
  const out: Record<string, number> = {
    emb_norm_mean: mean(norms),
    emb_norm_median: quantile(sorted, 0.5),
    emb_norm_p95: quantile(sorted, 0.95),
    emb_norm_frequent: mean(norms.subarray(0, bucket)),
    emb_norm_rare: mean(norms.subarray(norms.length - bucket)),
    emb_effective_rank: effectiveRank(singular),
    emb_top10_variance: topShare(
      symmetricEigenvalues(centredGram(now), now.dim).map((v) => Math.max(0, v)),
      Math.max(1, Math.ceil(now.dim * TOP_DIRECTIONS)),
    ),
  };
  if (previous !== undefined) out['emb_movement'] = relativeChange(now.matrix, previous);
  if (pretrained !== undefined) out['emb_drift'] = relativeChange(now.matrix, pretrained);
  return out;
}

/** exp(-sum p log p) of the singular values normalised to sum 1. */
export function effectiveRank(singular: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < singular.length; i++) total += singular[i] ?? 0;
  if (total === 0) return 0;
  let entropy = 0;
  for (let i = 0; i < singular.length; i++) {
    const p = (singular[i] ?? 0) / total;
    if (p > 0) entropy -= p * Math.log(p);
  }
  return Math.exp(entropy);
}

function rowNorms({ matrix, rows, dim }: EmbeddingSnapshot): Float64Array {
  const norms = new Float64Array(Math.max(0, rows - FIRST_WORD));
  for (let r = FIRST_WORD; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < dim; c++) sum += (matrix[r * dim + c] ?? 0) ** 2;
    norms[r - FIRST_WORD] = Math.sqrt(sum);
  }
  return norms;
}

/** The Gram matrix of the rows about their mean: G - rows * mean mean^T (the scatter matrix). */
function centredGram({ matrix, rows, dim, gram }: EmbeddingSnapshot): Float64Array {
  const mean = new Float64Array(dim);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < dim; c++) mean[c] = (mean[c] ?? 0) + (matrix[r * dim + c] ?? 0) / rows;
  const out = Float64Array.from(gram);
  for (let i = 0; i < dim; i++)
    for (let j = 0; j < dim; j++)
      out[i * dim + j] = (out[i * dim + j] ?? 0) - rows * (mean[i] ?? 0) * (mean[j] ?? 0);
  return out;
}

function topShare(eigen: Float64Array, k: number): number {
  let total = 0;
  let top = 0;
  eigen.forEach((v, i) => {
    total += v;
    if (i < k) top += v;
  });
  return total === 0 ? 0 : top / total;
}

function relativeChange(now: Float32Array, before: Float32Array): number {
  let diff = 0;
  let base = 0;
  for (let i = 0; i < now.length; i++) {
    diff += ((now[i] ?? 0) - (before[i] ?? 0)) ** 2;
    base += (before[i] ?? 0) ** 2;
  }
  return base === 0 ? 0 : Math.sqrt(diff / base);
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? NaN : sum / values.length;
}

/** numpy's linear-interpolated quantile of sorted values. */
function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = q * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (rank - lo);
}
