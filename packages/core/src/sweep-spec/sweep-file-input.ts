import type { z } from 'zod';
import type { DistributionName } from './parameter-spec.js';
import type { DATASET, EARLY_TERMINATE, METHODS, TOP_LEVEL } from './sweep-schema.js';

/**
 * A sweep file as a person writes it (before validation fills the defaults), for code that
 * defines a sweep as an object: editors complete its keys. The same rules apply as to a file;
 * validateSweep checks them. One difference: an object cannot say `1.0`, so a range of whole
 * numbers such as `{min: 0, max: 1}` counts as integers (int_uniform); name the distribution
 * (`distribution: 'uniform'`) for a real range.
 */
export type SweepFile = Omit<
  z.input<typeof TOP_LEVEL>,
  'method' | 'parameters' | 'early_terminate' | 'dataset'
> & {
  readonly method: (typeof METHODS)[number];
  readonly parameters: Readonly<Record<string, ParameterInput>>;
  readonly early_terminate?:
    | z.input<typeof EARLY_TERMINATE.hyperband>
    | z.input<typeof EARLY_TERMINATE.median>
    | z.input<typeof EARLY_TERMINATE.asha>;
  readonly dataset:
    | z.input<typeof DATASET.synthetic>
    | z.input<(typeof DATASET)['spam-assassin']>
    | z.input<typeof DATASET.file>;
};

/** One parameter of the search space, in any of W&B's forms, or a group of nested ones. */
export type ParameterInput =
  | { readonly value: unknown; readonly distribution?: 'constant' }
  | {
      readonly values: readonly unknown[];
      readonly probabilities?: readonly number[];
      readonly distribution?: 'categorical';
    }
  | {
      readonly distribution?: DistributionName;
      readonly min?: number;
      readonly max?: number;
      readonly mu?: number;
      readonly sigma?: number;
      readonly q?: number;
      readonly a?: number;
      readonly b?: number;
    }
  | { readonly parameters: Readonly<Record<string, ParameterInput>> };
