import type { z } from 'zod';
import type { ParameterNode } from './parameter-spec.js';
import type { DATASET, EARLY_TERMINATE, EXECUTION, METHODS, METRIC, TOP_LEVEL } from './sweep-schema.js';

export { BUILT_IN_MODEL } from './model-name.js';

/**
 * The types of a validated sweep file, every default filled in, inferred from the zod schemas
 * of sweep-schema.ts (field docs and defaults live there). Produced only by validateSweep, so
 * code that holds a SweepSpec never re-checks it. Keys are snake_case, as in the file and in
 * W&B.
 */

export type MetricSpec = z.output<typeof METRIC>;
export type ExecutionSpec = z.output<typeof EXECUTION>;
/** W&B's hyperband stopping rule (wandb/sweeps hyperband_stopping.py). */
export type HyperbandSpec = z.output<typeof EARLY_TERMINATE.hyperband>;
/** Optuna's MedianPruner (optuna/pruners/_median.py, _percentile.py). */
export type MedianSpec = z.output<typeof EARLY_TERMINATE.median>;
/** Asynchronous successive halving (Optuna's SuccessiveHalvingPruner). */
export type AshaSpec = z.output<typeof EARLY_TERMINATE.asha>;
export type EarlyTerminateSpec = HyperbandSpec | MedianSpec | AshaSpec;

export type SyntheticDatasetSpec = z.output<typeof DATASET.synthetic>;
export type SpamAssassinDatasetSpec = z.output<(typeof DATASET)['spam-assassin']>;
/** A CSV or JSON Lines file; `format` is filled from the file name when the file omits it. */
export type FileDatasetSpec = Omit<z.output<typeof DATASET.file>, 'format'> & {
  readonly format: NonNullable<z.output<typeof DATASET.file>['format']>;
};
export type DatasetSpec = SyntheticDatasetSpec | SpamAssassinDatasetSpec | FileDatasetSpec;

type TopLevel = z.output<typeof TOP_LEVEL>;

/** A validated sweep file (see sweep-schema.ts for each key). */
export type SweepSpec = Readonly<
  Omit<TopLevel, 'schema_version' | 'method' | 'parameters' | 'early_terminate' | 'dataset'>
> & {
  /** Version of the sweep-file format. @default 1 */
  readonly schema_version: 1;
  readonly method: (typeof METHODS)[number];
  readonly parameters: Readonly<Record<string, ParameterNode>>;
  readonly early_terminate?: EarlyTerminateSpec | undefined;
  readonly dataset: DatasetSpec;
};

/** Metrics the built-in trainer reports every epoch. */
export const TRAINER_METRICS: readonly string[] = ['loss', 'acc', 'val_loss', 'val_acc'];
