import { normalCdf } from '../random/distributions.js';

/**
 * PED-ANOVA parameter importance (Watanabe, Bansal and Hutter 2023), as Optuna computes it
 * (optuna/importance/_ped_anova/evaluator.py and scott_parzen_estimator.py): how much each
 * parameter's distribution among the best trials (the top `baselineQuantile`, at least 2)
 * differs from its distribution among all trials, as the Pearson divergence of two Parzen
 * estimates on a grid, normalised to sum to 1. Numeric parameters are counted on a grid of
 * up to 50 steps (in log space for log-distributed ones) and smoothed with discretised normal
 * kernels of Scott's bandwidth; categorical ones with Optuna's categorical kernels; both with a
 * prior kernel of weight 1.
 */
export type ImportanceDomain =
  | { readonly kind: 'categorical'; readonly choices: readonly unknown[] }
  | {
      readonly kind: 'numeric';
      readonly low: number;
      readonly high: number;
      readonly log: boolean;
      /** Whole numbers (an integer parameter): one grid step per value, up to the 50 steps. */
      readonly integer: boolean;
    };

export interface ImportanceTrial {
  /** The value of each parameter, by the same names as the domains. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly value: number;
}

const N_STEPS = 50;
const PRIOR_WEIGHT = 1;
const MIN_TOP_TRIALS = 2;

export function pedAnova(
  trials: readonly ImportanceTrial[],
  domains: Readonly<Record<string, ImportanceDomain>>,
  goal: 'minimize' | 'maximize',
  baselineQuantile = 0.1,
): Record<string, number> {
  const names = Object.keys(domains).filter((n) => !single(domains[n]));
  if (names.length === 0) return {};
  const equal = Object.fromEntries(names.map((n) => [n, 1 / names.length]));
  if (trials.length <= MIN_TOP_TRIALS) return equal;
  const top = topTrials(trials, goal, baselineQuantile);
  const divergence = Object.fromEntries(
    names.map((n) => {
      const domain = domains[n] as ImportanceDomain;
      const pdfTop = density(n, domain, top);
      const pdfAll = density(n, domain, trials);
      let d = 0;
      pdfAll.forEach((local, k) => {
        const l = local + 1e-12;
        d += l * (((pdfTop[k] ?? 0) + 1e-12) / l - 1) ** 2;
      });
      return [n, d];
    }),
  );
  const sum = Object.values(divergence).reduce((s, v) => s + v, 0);
  if (!(sum > 0)) return equal;
  return Object.fromEntries(
    Object.entries(divergence)
      .map(([n, d]) => [n, d / sum] as const)
      .sort((a, b) => b[1] - a[1]),
  );
}

function single(domain: ImportanceDomain | undefined): boolean {
  return (
    domain === undefined ||
    (domain.kind === 'categorical' ? domain.choices.length < 2 : domain.low >= domain.high)
  );
}

/** Optuna's quantile filter: the trials at or better than the baseline quantile (inverted CDF), at least 2. */
function topTrials(
  trials: readonly ImportanceTrial[],
  goal: 'minimize' | 'maximize',
  quantile: number,
): ImportanceTrial[] {
  const sign = goal === 'minimize' ? 1 : -1;
  const losses = trials.map((t) => sign * t.value);
  const sorted = [...losses].sort((a, b) => a - b);
  const cutoff = Math.max(
    sorted[MIN_TOP_TRIALS - 1] ?? Infinity,
    sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)] ?? Infinity,
  );
  return trials.filter((_, i) => (losses[i] ?? Infinity) <= cutoff);
}

/** The Parzen estimate of one parameter's distribution over its grid, for these trials. */
function density(name: string, domain: ImportanceDomain, trials: readonly ImportanceTrial[]): number[] {
  return domain.kind === 'categorical'
    ? categoricalDensity(categoricalCounts(name, domain.choices, trials))
    : numericDensity(numericCounts(name, domain, trials));
}

function categoricalCounts(
  name: string,
  choices: readonly unknown[],
  trials: readonly ImportanceTrial[],
): number[] {
  const keys = choices.map((c) => JSON.stringify(c));
  const counts = new Array<number>(choices.length).fill(0);
  for (const t of trials) {
    const i = keys.indexOf(JSON.stringify(t.params[name]));
    if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** Each observed choice a kernel (prior weight / kernels everywhere, +1 at the choice), plus a uniform prior. */
function categoricalDensity(counts: readonly number[]): number[] {
  const observed = counts.flatMap((c, i) => (c > 0 ? [i] : []));
  const n = counts.length;
  const kernels = observed.length + 1;
  const fill = PRIOR_WEIGHT / kernels;
  const rows = observed.map((i) => counts.map((_, j) => (fill + (j === i ? 1 : 0)) / (fill * n + 1)));
  rows.push(counts.map(() => 1 / n));
  return mixture(rows, [...observed.map((i) => counts[i] ?? 0), PRIOR_WEIGHT]);
}

function numericCounts(
  name: string,
  domain: Extract<ImportanceDomain, { kind: 'numeric' }>,
  trials: readonly ImportanceTrial[],
): number[] {
  const scale = (x: number) => (domain.log ? Math.log(x) : x);
  let steps = N_STEPS;
  if (domain.integer && domain.log)
    steps = Math.min(Math.ceil(Math.log2(domain.high - domain.low + 1)) + 1, N_STEPS);
  else if (domain.integer) steps = Math.min(domain.high - domain.low + 1, N_STEPS);
  const low = scale(domain.low);
  const width = (scale(domain.high) - low) / (steps - 1);
  const counts = new Array<number>(steps).fill(0);
  for (const t of trials) {
    const x = t.params[name];
    if (typeof x !== 'number' || !Number.isFinite(scale(x))) continue;
    // The first grid point at or above x - width / 2 (numpy searchsorted, side left).
    const k = Math.min(steps - 1, Math.max(0, Math.ceil((scale(x) - width / 2 - low) / width - 1e-9)));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

/** Discretised normal kernels at the observed grid points, Scott's bandwidth, plus a wide prior. */
function numericDensity(counts: readonly number[]): number[] {
  const steps = counts.length;
  const observed = counts.flatMap((c, i) => (c > 0 ? [i] : []));
  const weights = observed.map((i) => counts[i] ?? 0);
  const n = weights.reduce((s, w) => s + w, 0);
  const mean = observed.reduce((s, m, i) => s + m * (weights[i] ?? 0), 0) / Math.max(1, n);
  const sd = Math.sqrt(
    observed.reduce((s, m, i) => s + (m - mean) ** 2 * (weights[i] ?? 0), 0) / Math.max(1, n - 1),
  );
  const cumulative = weights.map(
    (
      (sum) => (w: number) =>
        (sum += w)
    )(0),
  );
  const q25 = cumulative.findIndex((c) => c >= Math.floor(n / 4));
  const q75 = cumulative.findIndex((c) => c > Math.floor((n * 3) / 4));
  const iqr =
    (observed[Math.min(observed.length - 1, q75 === -1 ? observed.length : q75)] ?? 0) -
    (observed[Math.max(0, q25)] ?? 0);
  const sigma = Math.max(1.059 * Math.min(iqr / 1.34, sd) * n ** -0.2, 0.5 / 1.64);
  const kernel = (mu: number, s: number) => {
    const z = (x: number) => normalCdf((x - mu) / s);
    const total = z(steps - 0.5) - z(-0.5);
    return counts.map((_, k) => (z(k + 0.5) - z(k - 0.5)) / total);
  };
  const rows = observed.map((m) => kernel(m, sigma));
  rows.push(kernel(0.5 * (steps - 1), steps));
  return mixture(rows, [...weights, PRIOR_WEIGHT]);
}

function mixture(rows: readonly number[][], weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const out = new Array<number>(rows[0]?.length ?? 0).fill(0);
  rows.forEach((row, r) => row.forEach((p, k) => (out[k] = (out[k] ?? 0) + ((weights[r] ?? 0) / total) * p)));
  return out;
}
