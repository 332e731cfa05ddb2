import { betaCdf, betaQuantile, normalCdf } from '../../random/distributions.js';
import { normalQuantile } from '../../random/normal-quantile.js';
import { quantize } from '../../random/sample-parameter.js';
import type { ParameterSpec } from '../../sweep-spec/parameter-spec.js';
import { canonicalJson } from '../parameter-values.js';

/**
 * One searchable parameter as the model-based search sees it. A numeric parameter lives on the
 * unit interval through its own distribution's CDF (as W&B's bayes search does): a value x is
 * at u = CDF(x), and u maps back with the quantile function. So the prior is uniform in u for
 * every distribution, a log distribution is searched in log space, a normal one densest near
 * its mean, and an integer or quantized one lands on its grid (the quantile rounds). A
 * categorical parameter is searched by index.
 */
export type UnitAxis =
  | {
      readonly kind: 'numeric';
      /** Where a value sits on [0, 1] (for a discrete value: the middle of its step). */
      toUnit(value: number): number;
      /** The value at u (rounded onto the grid for integer and quantized forms). */
      fromUnit(u: number): number;
    }
  | {
      readonly kind: 'categorical';
      readonly size: number;
      /** The index of a value, or -1 when it is not one of the choices. */
      indexOf(value: unknown): number;
      valueAt(index: number): unknown;
    };

/** Keeps u off 0 and 1, where quantiles of unbounded distributions are infinite. */
const EDGE = 1e-12;
const clampUnit = (u: number) => Math.min(1 - EDGE, Math.max(EDGE, u));

/** The unit axis of a parameter; undefined for a constant (it is not searched). */
export function unitAxis(spec: ParameterSpec): UnitAxis | undefined {
  switch (spec.distribution) {
    case 'constant':
      return undefined;
    case 'categorical': {
      const keys = spec.values.map((v) => canonicalJson(v));
      return {
        kind: 'categorical',
        size: spec.values.length,
        indexOf: (value) => keys.indexOf(canonicalJson(value)),
        valueAt: (i) => spec.values[i],
      };
    }
    case 'int_uniform': {
      const n = spec.max - spec.min + 1;
      return numeric(
        (x) => (x - spec.min + 0.5) / n,
        (u) => spec.min + Math.min(n - 1, Math.floor(u * n)),
      );
    }
    case 'uniform':
      return numeric(linear(spec.min, spec.max), (u) => spec.min + u * (spec.max - spec.min));
    case 'q_uniform':
      return numeric(linear(spec.min, spec.max), (u) =>
        quantize(spec.min + u * (spec.max - spec.min), spec.q),
      );
    case 'log_uniform_values':
    case 'inv_log_uniform_values': // log(1/X) uniform is log X uniform: the same axis
      return numeric(logLinear(spec.min, spec.max), (u) =>
        Math.exp(Math.log(spec.min) + u * Math.log(spec.max / spec.min)),
      );
    case 'q_log_uniform_values':
      return numeric(logLinear(spec.min, spec.max), (u) =>
        quantize(Math.exp(Math.log(spec.min) + u * Math.log(spec.max / spec.min)), spec.q),
      );
    case 'normal':
      return numeric(
        (x) => normalCdf((x - spec.mu) / spec.sigma),
        (u) => spec.mu + spec.sigma * normalQuantile(u),
      );
    case 'q_normal':
      return numeric(
        (x) => normalCdf((x - spec.mu) / spec.sigma),
        (u) => quantize(spec.mu + spec.sigma * normalQuantile(u), spec.q),
      );
    case 'log_normal':
      return numeric(
        (x) => normalCdf((Math.log(x) - spec.mu) / spec.sigma),
        (u) => Math.exp(spec.mu + spec.sigma * normalQuantile(u)),
      );
    case 'q_log_normal':
      return numeric(
        (x) => normalCdf((Math.log(Math.max(x, Number.MIN_VALUE)) - spec.mu) / spec.sigma),
        (u) => quantize(Math.exp(spec.mu + spec.sigma * normalQuantile(u)), spec.q),
      );
    case 'beta':
      return numeric(
        (x) => betaCdf(x, spec.a, spec.b),
        (u) => betaQuantile(u, spec.a, spec.b),
      );
    case 'q_beta':
      return numeric(
        (x) => betaCdf(x, spec.a, spec.b),
        (u) => quantize(betaQuantile(u, spec.a, spec.b), spec.q),
      );
  }
}

function numeric(toUnit: (x: number) => number, fromUnit: (u: number) => number): UnitAxis {
  return {
    kind: 'numeric',
    toUnit: (x) => clampUnit(toUnit(x)),
    fromUnit: (u) => fromUnit(clampUnit(u)),
  };
}

function linear(min: number, max: number): (x: number) => number {
  return (x) => (x - min) / (max - min);
}

function logLinear(min: number, max: number): (x: number) => number {
  return (x) => (Math.log(x) - Math.log(min)) / Math.log(max / min);
}
