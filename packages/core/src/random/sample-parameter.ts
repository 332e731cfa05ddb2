import type { ParameterSpec } from '../sweep-spec/parameter-spec.js';
import { normalQuantile } from './normal-quantile.js';
import type { Rng } from './rng.js';

/**
 * Draws one value of a parameter, with the formulas of W&B's HyperParameter.ppf
 * (wandb/sweeps params.py). Quantized forms return round(X / q) * q, tidied to q's decimals so
 * that q = 0.1 gives 0.3 rather than 0.30000000000000004.
 */
export function sampleParameter(spec: ParameterSpec, rng: Rng): unknown {
  switch (spec.distribution) {
    case 'constant':
      return spec.value;
    case 'categorical':
      return spec.values[categoricalIndex(spec.values.length, spec.probabilities, rng.next())];
    case 'int_uniform':
      return spec.min + Math.floor(rng.next() * (spec.max - spec.min + 1));
    case 'uniform':
      return uniform(spec.min, spec.max, rng.next());
    case 'q_uniform':
      return quantize(uniform(spec.min, spec.max, rng.next()), spec.q);
    case 'log_uniform_values':
      return logUniform(spec.min, spec.max, rng.next());
    case 'q_log_uniform_values':
      return quantize(logUniform(spec.min, spec.max, rng.next()), spec.q);
    case 'inv_log_uniform_values':
      // W&B: exp(-U(-log max, -log min) at 1 - x); log(1/X) is uniform.
      return Math.exp(-uniform(-Math.log(spec.max), -Math.log(spec.min), 1 - rng.next()));
    case 'normal':
      return spec.mu + spec.sigma * normalQuantile(rng.next());
    case 'q_normal':
      return quantize(spec.mu + spec.sigma * normalQuantile(rng.next()), spec.q);
    case 'log_normal':
      return Math.exp(spec.mu + spec.sigma * normalQuantile(rng.next()));
    case 'q_log_normal':
      return quantize(Math.exp(spec.mu + spec.sigma * normalQuantile(rng.next())), spec.q);
    case 'beta':
      return sampleBeta(spec.a, spec.b, rng);
    case 'q_beta':
      return quantize(sampleBeta(spec.a, spec.b, rng), spec.q);
  }
}

/** W&B: the first index whose cumulative probability exceeds x; uniform without probabilities. */
function categoricalIndex(n: number, probabilities: readonly number[] | undefined, x: number): number {
  if (probabilities === undefined) return Math.min(n - 1, Math.floor(x * n));
  let cumulative = 0;
  for (let i = 0; i < n; i++) {
    cumulative += probabilities[i] ?? 0;
    if (x < cumulative) return i;
  }
  return n - 1; // probabilities summing to a hair under 1
}

function uniform(min: number, max: number, x: number): number {
  return min + x * (max - min);
}

function logUniform(min: number, max: number, x: number): number {
  return Math.exp(uniform(Math.log(min), Math.log(max), x));
}

/**
 * round(x / q) * q, without binary-fraction noise in the last digits. Halves round to even,
 * as numpy.round does in W&B's engine (2.5 -> 2, 3.5 -> 4), not up as Math.round does.
 */
export function quantize(x: number, q: number): number {
  return tidy(roundHalfEven(x / q) * q, q);
}

/** numpy.round(x): to the nearest integer, and to the even one on an exact half. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction !== 0.5) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Rounds to the decimals that `step` is written with (0.05 -> 2), which the step implies. */
export function tidy(x: number, step: number): number {
  const decimals = decimalsOf(step);
  return decimals === 0 ? x : Number(x.toFixed(Math.min(decimals, 15)));
}

function decimalsOf(x: number): number {
  const text = String(x);
  const exp = /e-(\d+)$/.exec(text);
  if (exp?.[1]) return Number(exp[1]) + (text.split('e')[0]?.split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
function sampleBeta(a: number, b: number, rng: Rng): number {
  const x = sampleGamma(a, rng);
  const y = sampleGamma(b, rng);
  return x / (x + y);
}

/** Marsaglia and Tsang's method; shape < 1 by the boost Gamma(a) = Gamma(a + 1) * U^(1/a). */
function sampleGamma(shape: number, rng: Rng): number {
  if (shape < 1) return sampleGamma(shape + 1, rng) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normalQuantile(rng.next());
    const v0 = 1 + c * z;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}
