import type { ParameterNode } from './parameter-spec.js';

/**
 * A validated sweep file with every default filled in. Produced only by validateSweep, so code
 * that holds a SweepSpec never re-checks it. Keys are snake_case, as in the file and in W&B.
 */
export interface SweepSpec {
  /** Version of the sweep-file format. @default 1 */
  readonly schema_version: 1;
  /** Names the sweep in the results database; the CLI defaults it to the file name. */
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly method: 'grid' | 'random';
  readonly metric: MetricSpec;
  readonly parameters: Readonly<Record<string, ParameterNode>>;
  /** Most trials to run, seeds included (W&B's run_cap counts runs). Required by random. */
  readonly run_cap?: number | undefined;
  readonly early_terminate?: EarlyTerminateSpec | undefined;
  /** Every proposed configuration runs once per seed. @default [0] */
  readonly seeds: readonly number[];
  /** Seeds the random search, so the same file proposes the same trials. @default 0 */
  readonly search_seed: number;
  readonly dataset: DatasetSpec;
  /** `embedding-classifier`, or a path to a module that builds a custom model. @default "embedding-classifier" */
  readonly model: string;
  readonly execution: ExecutionSpec;
}

export interface MetricSpec {
  readonly name: string;
  /** @default "minimize" */
  readonly goal: 'minimize' | 'maximize';
  /** Once a finished trial reaches this value, no new trials start. */
  readonly target?: number | undefined;
}

/** W&B's hyperband stopping rule (wandb/sweeps hyperband_stopping.py). */
export interface HyperbandSpec {
  readonly type: 'hyperband';
  readonly min_iter?: number | undefined;
  readonly max_iter?: number | undefined;
  readonly s?: number | undefined;
  /** @default 3 */
  readonly eta: number;
  /** Judge the value at the band rather than the best so far. @default true (W&B's schema default) */
  readonly strict: boolean;
}

/** Optuna's MedianPruner (optuna/pruners/_median.py, _percentile.py). */
export interface MedianSpec {
  readonly type: 'median';
  /** @default 5 */
  readonly n_startup_trials: number;
  /** @default 0 */
  readonly n_warmup_steps: number;
  /** @default 1 */
  readonly interval_steps: number;
  /** @default 1 */
  readonly n_min_trials: number;
}

export type EarlyTerminateSpec = HyperbandSpec | MedianSpec;

interface SplitSpec {
  /** Seeds the shuffle before the split (and generation, for synthetic data). @default 0 */
  readonly seed: number;
  /** @default 0.2 */
  readonly validation_split: number;
  /** @default 0 */
  readonly test_split: number;
}

export interface SyntheticDatasetSpec extends SplitSpec {
  readonly source: 'synthetic';
  /** @default 2000 */
  readonly samples: number;
  /** @default 2 */
  readonly classes: number;
  /** Distinct words the generator uses. @default 500 */
  readonly vocabulary: number;
  /** Words per generated text. @default 40 */
  readonly length: number;
  /** Share of words drawn from no class at all. @default 0.5 */
  readonly noise: number;
}

export interface SpamAssassinDatasetSpec extends SplitSpec {
  readonly source: 'spam-assassin';
}

export interface FileDatasetSpec extends SplitSpec {
  readonly source: 'file';
  /** Relative paths are resolved against the sweep file's folder. */
  readonly path: string;
  readonly format: 'csv' | 'jsonl';
  /** @default "text" */
  readonly text_field: string;
  /** @default "label" */
  readonly label_field: string;
}

export type DatasetSpec = SyntheticDatasetSpec | SpamAssassinDatasetSpec | FileDatasetSpec;

export interface ExecutionSpec {
  /** Trials at once; the scheduler defaults it to the number of CPU cores. */
  readonly concurrency?: number | undefined;
  /** Seconds one trial may run before it is killed and failed as timeout. */
  readonly trial_timeout?: number | undefined;
  /** Extra attempts for a failed trial. @default 0 */
  readonly max_retries: number;
  /** @default "auto" */
  readonly backend: 'auto' | 'tensorflow' | 'wasm' | 'cpu';
}

/** The model every sweep uses unless it names a module of its own. */
export const BUILT_IN_MODEL = 'embedding-classifier';

/** Metrics the built-in trainer reports every epoch. */
export const TRAINER_METRICS: readonly string[] = ['loss', 'acc', 'val_loss', 'val_acc'];
