/**
 * The parameter forms of a sweep file, after validation and defaulting. Names and defaults
 * follow W&B's sweep configuration (wandb/sweeps, config/schema.json) so a W&B user's
 * `parameters` section means the same here.
 */

/** A fixed value; not part of the search space. */
export interface ConstantSpec {
  readonly distribution: 'constant';
  readonly value: unknown;
}
/** One of `values`, uniformly or with `probabilities` (same length, summing to 1). */
export interface CategoricalSpec {
  readonly distribution: 'categorical';
  readonly values: readonly unknown[];
  readonly probabilities?: readonly number[] | undefined;
}
/** Integers min..max, both included. */
export interface IntUniformSpec {
  readonly distribution: 'int_uniform';
  readonly min: number;
  readonly max: number;
}
/** Reals on [min, max) drawn uniformly, or with log(X) uniform (`*_values`), or log(1/X) uniform. */
export interface RangeSpec {
  readonly distribution: 'uniform' | 'log_uniform_values' | 'inv_log_uniform_values';
  readonly min: number;
  readonly max: number;
}
/** As RangeSpec, then rounded to a multiple of q: round(X / q) * q. */
export interface QuantizedRangeSpec {
  readonly distribution: 'q_uniform' | 'q_log_uniform_values';
  readonly min: number;
  readonly max: number;
  readonly q: number;
}
/** Normal(mu, sigma), or X with log(X) ~ Normal(mu, sigma). */
export interface NormalSpec {
  readonly distribution: 'normal' | 'log_normal';
  readonly mu: number;
  readonly sigma: number;
}
export interface QuantizedNormalSpec {
  readonly distribution: 'q_normal' | 'q_log_normal';
  readonly mu: number;
  readonly sigma: number;
  readonly q: number;
}
/** Beta(a, b) on [0, 1]. */
export interface BetaSpec {
  readonly distribution: 'beta';
  readonly a: number;
  readonly b: number;
}
export interface QuantizedBetaSpec {
  readonly distribution: 'q_beta';
  readonly a: number;
  readonly b: number;
  readonly q: number;
}

/** One searchable (or constant) parameter. */
export type ParameterSpec =
  | ConstantSpec
  | CategoricalSpec
  | IntUniformSpec
  | RangeSpec
  | QuantizedRangeSpec
  | NormalSpec
  | QuantizedNormalSpec
  | BetaSpec
  | QuantizedBetaSpec;

export type DistributionName = ParameterSpec['distribution'];

/** A node of the `parameters` tree: a parameter, or a nested group (W&B's `parameters` key). */
export type ParameterNode = ParameterSpec | ParameterGroup;
export interface ParameterGroup {
  readonly parameters: Readonly<Record<string, ParameterNode>>;
}

export function isParameterGroup(node: ParameterNode): node is ParameterGroup {
  return 'parameters' in node;
}

/** A leaf parameter with its place in the tree, e.g. path ['optimizer', 'lr']. */
export interface FlatParameter {
  readonly path: readonly string[];
  readonly spec: ParameterSpec;
}

/**
 * Flattens the tree in W&B's order: keys sorted at every level, depth first
 * (wandb/sweeps params.py, HyperParameterSet.from_config). Grid order depends on it.
 */
export function flattenParameters(
  tree: Readonly<Record<string, ParameterNode>>,
  prefix: readonly string[] = [],
): FlatParameter[] {
  const out: FlatParameter[] = [];
  for (const key of Object.keys(tree).sort(compareCodeUnits)) {
    const node = tree[key];
    if (node === undefined) continue;
    if (isParameterGroup(node)) out.push(...flattenParameters(node.parameters, [...prefix, key]));
    else out.push({ path: [...prefix, key], spec: node });
  }
  return out;
}

/** Python's default string order (by code point), which `sorted()` uses; localeCompare differs. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
