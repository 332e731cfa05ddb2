import { logNormalPdf, normalCdf } from '../../random/distributions.js';
import { normalQuantile } from '../../random/normal-quantile.js';
import type { Rng } from '../../random/rng.js';
import type { UnitAxis } from './unit-axes.js';

/** Weight of the prior kernel, as Optuna's default prior_weight. */
const PRIOR_WEIGHT = 1;

/**
 * Optuna's default_weights: equal weights up to 25 observations; beyond that the oldest are
 * ramped down linearly from 1/n (the newest 25 keep weight 1). Observations are in trial order.
 */
export function defaultWeights(n: number): number[] {
  if (n < 25) return Array<number>(n).fill(1);
  const ramp = n - 25;
  const out: number[] = [];
  for (let i = 0; i < ramp; i++) out.push(ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1));
  return out.concat(Array<number>(25).fill(1));
}

/** One kernel's part for one dimension. */
type Part = { readonly mu: number; readonly sigma: number } | { readonly probabilities: readonly number[] };

/**
 * A Parzen estimator as Optuna's _ParzenEstimator builds it (parzen_estimator.py), over points
 * whose numeric coordinates are on [0, 1] (see unit-axes.ts) and categorical ones are indexes:
 * one kernel per observation plus a prior kernel (mean 0.5, width 1 / uniform categories),
 * weighted by defaultWeights and the prior weight. Numeric kernels are normals truncated to
 * [0, 1], as wide as kernelWidths says. Categorical kernels put the prior weight spread over
 * the choices, plus one on the observed choice.
 */
export class ParzenEstimator {
  private readonly weights: number[];
  private readonly kernels: Part[][];

  constructor(observations: readonly (readonly number[])[], axes: readonly UnitAxis[]) {
    const n = observations.length;
    const raw = n === 0 ? [1] : [...defaultWeights(n), PRIOR_WEIGHT];
    const total = raw.reduce((a, b) => a + b, 0);
    this.weights = raw.map((w) => w / total);
    const columns = axes.map((axis, d) =>
      this.partsOf(
        axis,
        observations.map((o) => o[d] ?? 0),
      ),
    );
    this.kernels = this.weights.map((_, k) => columns.map((column) => column[k] as Part));
  }

  /** Draws points: a kernel by weight, then every coordinate from that kernel. */
  sample(rng: Rng, count: number): number[][] {
    return Array.from({ length: count }, () => {
      const kernel = this.kernels[pick(this.weights, rng.next())] ?? [];
      return kernel.map((part) =>
        'probabilities' in part
          ? pick(part.probabilities, rng.next())
          : sampleTruncatedNormal(part.mu, part.sigma, rng.next()),
      );
    });
  }

  /** log of the mixture's density at a point (log-sum-exp over kernels). */
  logPdf(point: readonly number[]): number {
    const terms = this.kernels.map((kernel, k) => {
      let log = Math.log(this.weights[k] ?? 0);
      kernel.forEach((part, d) => {
        const x = point[d] ?? 0;
        log +=
          'probabilities' in part
            ? Math.log(part.probabilities[x] ?? 0)
            : logTruncatedNormalPdf(x, part.mu, part.sigma);
      });
      return log;
    });
    const top = Math.max(...terms);
    if (top === -Infinity) return -Infinity;
    return top + Math.log(terms.reduce((s, t) => s + Math.exp(t - top), 0));
  }

  /** The kernels' parts for one dimension: one per observation, then the prior's. */
  private partsOf(axis: UnitAxis, values: readonly number[]): Part[] {
    const n = values.length;
    if (axis.kind === 'categorical') {
      const k = axis.size;
      const observed = values.map((index) => {
        const row = Array<number>(k).fill(PRIOR_WEIGHT / (n + 1));
        row[index] = (row[index] ?? 0) + 1;
        const sum = row.reduce((a, b) => a + b, 0);
        return { probabilities: row.map((p) => p / sum) };
      });
      return [...observed, { probabilities: Array<number>(k).fill(1 / k) }];
    }
    const sigmas = kernelWidths(values);
    const parts: Part[] = values.map((mu, i) => ({ mu, sigma: sigmas[i] ?? 1 }));
    return [...parts, { mu: 0.5, sigma: 1 }];
  }
}

/**
 * The widths of the kernels of observations on [0, 1], as Optuna 5.0's compute_sigmas, in
 * both modes (earlier versions' multivariate mode used 0.2 n^(-1/(d+4)) of the range, which
 * measured worse on every benchmark function here): each observation's distance to the
 * farther of its neighbours among the observations and the ends 0 and 1, the lowest and
 * highest taking the distance to their inner neighbour only (consider_endpoints off), clipped
 * to [1 / min(100, n + 2), 1] (the "magic clip"). The prior's mean is not a neighbour: Optuna
 * took it out (optuna/optuna#6574), as it came from hyperopt and says nothing about how dense
 * the observations are.
 */
export function kernelWidths(values: readonly number[]): number[] {
  const minSigma = 1 / Math.min(100, values.length + 2);
  return neighbourSigmas(values).map((sigma) => Math.min(1, Math.max(minSigma, sigma)));
}

/** The unclipped widths of kernelWidths. */
function neighbourSigmas(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  const sorted = [0, ...order.map((i) => values[i] ?? 0), 1];
  const sortedSigmas = order.map((_, j) =>
    Math.max((sorted[j + 1] ?? 0) - (sorted[j] ?? 0), (sorted[j + 2] ?? 0) - (sorted[j + 1] ?? 0)),
  );
  if (sorted.length >= 4) {
    sortedSigmas[0] = (sorted[2] ?? 0) - (sorted[1] ?? 0);
    sortedSigmas[sortedSigmas.length - 1] =
      (sorted[sorted.length - 2] ?? 0) - (sorted[sorted.length - 3] ?? 0);
  }
  const sigmas = Array<number>(values.length);
  order.forEach((original, j) => (sigmas[original] = sortedSigmas[j] ?? 1));
  return sigmas;
}

/** The index that the cumulative weights put `u` in. */
function pick(weights: readonly number[], u: number): number {
  let cumulative = 0;
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i] ?? 0;
    if (u < cumulative) return i;
  }
  return weights.length - 1;
}

/** A draw from Normal(mu, sigma) truncated to [0, 1], by the quantile of `u`. */
function sampleTruncatedNormal(mu: number, sigma: number, u: number): number {
  const a = (0 - mu) / sigma;
  const b = (1 - mu) / sigma;
  // Work in the lower tail, where the CDF keeps its precision.
  if (a > 0) return mu - sigma * quantileBetween(-b, -a, u);
  return mu + sigma * quantileBetween(a, b, u);
}

function quantileBetween(a: number, b: number, u: number): number {
  const lo = normalCdf(a);
  const hi = normalCdf(b);
  const z = normalQuantile(lo + u * (hi - lo));
  return Math.min(b, Math.max(a, z));
}

function logTruncatedNormalPdf(x: number, mu: number, sigma: number): number {
  if (x < 0 || x > 1) return -Infinity;
  const a = (0 - mu) / sigma;
  const b = (1 - mu) / sigma;
  const mass = a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
  return logNormalPdf((x - mu) / sigma) - Math.log(sigma) - Math.log(mass);
}
