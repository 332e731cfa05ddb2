import { z } from 'zod';
import { MAX_CONCURRENCY } from './limits.js';
import { BUILT_IN_MODEL } from './model-name.js';
import { closedObject } from './zod-support.js';

/**
 * The zod schemas of a sweep file's keys. The SweepSpec types (sweep-spec.ts) are inferred
 * from them, so each shape and each default is written once, here. `method`, `parameters`,
 * `early_terminate` and `dataset` are parsed by hand in validate-sweep.ts (their form depends
 * on a tag), each with the schema below.
 */

const int = z.number().int();
const fraction = z.number().min(0).lt(1);
const split = {
  seed: int.min(0).default(0),
  validation_split: fraction.gt(0).default(0.2),
  test_split: fraction.default(0),
};

/** The search methods a sweep file may name (the CLI's registry maps each to a strategy). */
/**
 * The order of a configuration's seeds: `seed-major` runs the first seed of every
 * configuration before the second seed of any (early comparisons and pruning start-ups then
 * cover many configurations); `config-major` runs all seeds of a configuration together.
 */
export const SEED_ORDERS = ['seed-major', 'config-major'] as const;

export const METHODS = ['grid', 'random', 'bayes'] as const;

export const METRIC = closedObject({
  /** The metric to optimise, as the trainer reports it per epoch. @default "val_loss" */
  name: z.string().min(1),
  /** @default "minimize" */
  goal: z.enum(['minimize', 'maximize']).default('minimize'),
  /** Once any trial reports this value (or better) at any epoch, no new trial starts. */
  target: z.number().optional(),
  /** How bayes search counts a failed trial (W&B): its worst or best value seen, or its own last value. Left out when absent. */
  impute: z.enum(['worst', 'best', 'latest']).optional(),
});

/** Options of `method: "bayes"` (the TPE of Optuna; see docs/sweep-file.md). */
export const BAYES = closedObject({
  /** Random trials (exactly random search's) before the model is used. @default 10 */
  n_startup_trials: int.min(0).default(10),
  /** Candidates drawn per proposal. @default 24 */
  n_ei_candidates: int.min(1).max(10_000).default(24),
  /** One joint model over all parameters. @default true */
  multivariate: z.boolean().default(true),
  /** Running trials count as the worst result, so parallel proposals spread out. @default true */
  constant_liar: z.boolean().default(true),
});

export const EXECUTION = closedObject({
  /** Trials at once; the scheduler defaults it to the number of CPU cores. */
  concurrency: int.min(1).max(MAX_CONCURRENCY).optional(),
  /** Seconds one trial may run before it is killed and failed as timeout. */
  trial_timeout: z.number().gt(0).optional(),
  /** Extra attempts for a failed trial. @default 0 */
  max_retries: int.min(0).max(100).default(0),
  /** @default "auto" */
  backend: z.enum(['auto', 'tensorflow', 'wasm', 'cpu']).default('auto'),
});

// W&B keys that have no meaning here get a message that says why, not just "unknown".
const WANDB_ONLY: Record<string, string> = Object.fromEntries(
  ['program', 'command', 'entity', 'project', 'controller', 'apiVersion', 'kind', 'job', 'image_uri'].map(
    (key) => [
      key,
      `\`${key}\` is a W&B key that embsweep does not use: the trainer is built in and runs locally`,
    ],
  ),
);
WANDB_ONLY['metrics'] = 'multi-objective `metrics` is not supported; give one `metric`';
WANDB_ONLY['scheduler'] = '`scheduler` is not supported; use `method` and `early_terminate`';

export const TOP_LEVEL = closedObject(
  {
    schema_version: z.unknown().optional(),
    name: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, _ . - only')
      .optional(),
    description: z.string().max(10_000).optional(),
    method: z.unknown().optional(),
    metric: METRIC.default({ name: 'val_loss', goal: 'minimize' }),
    parameters: z.unknown().optional(),
    run_cap: int.gt(0).optional(),
    early_terminate: z.unknown().optional(),
    seeds: z.array(int.min(0)).min(1).default([0]),
    seed_order: z.enum(SEED_ORDERS).default('seed-major'),
    /**
     * Measure the embedding matrix after every epoch (norms, effective rank, movement) and
     * record the nearest neighbours of probe words at the best epoch: true, false, or
     * {probe_words: [...]}. @default true
     */
    diagnostics: z
      .union([z.boolean(), closedObject({ probe_words: z.array(z.string().min(1).max(100)).min(1).max(20) })])
      .default(true),
    /** Keep the trained embedding matrix: of every trial, of the sweep's best, or none. @default "none" */
    save_embeddings: z.enum(['none', 'best', 'all']).default('none'),
    search_seed: int.min(0).default(0),
    bayes: BAYES.optional(),
    dataset: z.unknown().optional(),
    model: z.string().min(1).default(BUILT_IN_MODEL),
    execution: EXECUTION.default({ max_retries: 0, backend: 'auto' }),
  },
  WANDB_ONLY,
);

export const EARLY_TERMINATE = {
  hyperband: closedObject({
    type: z.literal('hyperband'),
    min_iter: int.min(1).optional(),
    max_iter: int.min(1).optional(),
    s: int.min(1).optional(),
    eta: z.number().gt(1).default(3),
    strict: z.boolean().default(true),
  }),
  median: closedObject({
    type: z.literal('median'),
    n_startup_trials: int.min(0).default(5),
    n_warmup_steps: int.min(0).default(0),
    interval_steps: int.min(1).default(1),
    n_min_trials: int.min(1).default(1),
  }),
  /** Asynchronous successive halving (Optuna's SuccessiveHalvingPruner; see asha.ts). */
  asha: closedObject({
    type: z.literal('asha'),
    /** First rung's epoch (Optuna's min_resource). @default 1 */
    min_iter: int.min(1).default(1),
    /** Keep the top 1/eta at each rung (Optuna's reduction_factor). @default 4 */
    eta: int.min(2).default(4),
    /** Skips the first s rungs (Optuna's min_early_stopping_rate). @default 0 */
    s: int.min(0).default(0),
    /** Trials that must reach a rung before any goes on past it. @default 0 */
    bootstrap_count: int.min(0).default(0),
  }),
};

export const DATASET = {
  synthetic: closedObject({
    source: z.literal('synthetic'),
    samples: int.min(20).max(1_000_000).default(2000),
    classes: int.min(2).max(100).default(2),
    vocabulary: int.min(10).max(1_000_000).default(500),
    length: int.min(1).max(10_000).default(40),
    noise: fraction.default(0.5),
    ...split,
  }),
  'spam-assassin': closedObject({ source: z.literal('spam-assassin'), ...split }),
  file: closedObject({
    source: z.literal('file'),
    path: z.string().min(1),
    format: z.enum(['csv', 'jsonl']).optional(),
    text_field: z.string().min(1).default('text'),
    label_field: z.string().min(1).default('label'),
    ...split,
  }),
};
