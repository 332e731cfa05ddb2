/**
 * The parameter forms of a sweep file, after validation and defaulting. Names and defaults
 * follow W&B's sweep configuration (wandb/sweeps, config/schema.json) so a W&B user's
 * `parameters` section means the same here.
 */

import type { z } from 'zod';
import type { FORMS, FormName } from './parameter-forms.js';

/** The spec of one form, as its schema outputs it, tagged with the form's name. */
type FormSpec<F extends FormName> = Omit<z.output<(typeof FORMS)[F]>, 'distribution'> & {
  readonly distribution: F;
};

/** One searchable (or constant) parameter: inferred from the form schemas (parameter-forms.ts). */
export type ParameterSpec = { [F in FormName]: FormSpec<F> }[FormName];

/** A fixed value; not part of the search space. */
export type ConstantSpec = FormSpec<'constant'>;
/** One of `values`, uniformly or with `probabilities` (same length, summing to 1). */
export type CategoricalSpec = FormSpec<'categorical'>;
/** Integers min..max, both included. */
export type IntUniformSpec = FormSpec<'int_uniform'>;
/** Reals on [min, max) drawn uniformly, or with log(X) uniform (`*_values`), or log(1/X) uniform. */
export type RangeSpec = FormSpec<'uniform' | 'log_uniform_values' | 'inv_log_uniform_values'>;
/** As RangeSpec, then rounded to a multiple of q: round(X / q) * q. */
export type QuantizedRangeSpec = FormSpec<'q_uniform' | 'q_log_uniform_values'>;
/** Normal(mu, sigma), or X with log(X) ~ Normal(mu, sigma). */
export type NormalSpec = FormSpec<'normal' | 'log_normal'>;
export type QuantizedNormalSpec = FormSpec<'q_normal' | 'q_log_normal'>;
/** Beta(a, b) on [0, 1]. */
export type BetaSpec = FormSpec<'beta'>;
export type QuantizedBetaSpec = FormSpec<'q_beta'>;

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
