import { z } from 'zod';
import { closedObject } from './zod-support.js';

/**
 * The zod schema of each parameter form of a sweep file, with W&B's rules (wandb/sweeps
 * config/schema.json): every form rejects keys it does not define; defaults mu=0, sigma=1,
 * q=1, a=b=1. The parameter types (parameter-spec.ts) are inferred from these: one definition.
 */

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const q = finite.gt(0).default(1);
const distributionOf = <T extends string>(...names: T[]) => z.enum(names as [T, ...T[]]).optional();

const bounds = { min: finite, max: finite };
const positiveBounds = { min: finite.gt(0), max: finite };
const normal = { mu: finite.default(0), sigma: finite.min(0).default(1) };
// W&B allows a = 0 or b = 0, which makes Beta degenerate (scipy returns NaN); we require > 0.
const beta = { a: finite.gt(0).default(1), b: finite.gt(0).default(1) };

export const FORMS = {
  constant: closedObject({ value: z.unknown().optional(), distribution: distributionOf('constant') }),
  categorical: closedObject({
    values: z.array(z.unknown()).min(1),
    probabilities: z.array(finite.min(0)).min(1).optional(),
    distribution: distributionOf('categorical', 'categorical_w_probabilities'),
  }),
  int_uniform: closedObject({
    min: finite.int(),
    max: finite.int(),
    distribution: distributionOf('int_uniform'),
  }),
  uniform: closedObject({ ...bounds, distribution: distributionOf('uniform') }),
  q_uniform: closedObject({ ...bounds, q, distribution: distributionOf('q_uniform') }),
  log_uniform_values: closedObject({
    ...positiveBounds,
    distribution: distributionOf('log_uniform_values'),
  }),
  q_log_uniform_values: closedObject({
    ...positiveBounds,
    q,
    distribution: distributionOf('q_log_uniform_values'),
  }),
  inv_log_uniform_values: closedObject({
    ...positiveBounds,
    distribution: distributionOf('inv_log_uniform_values'),
  }),
  normal: closedObject({ ...normal, distribution: distributionOf('normal') }),
  q_normal: closedObject({ ...normal, q, distribution: distributionOf('q_normal') }),
  log_normal: closedObject({ ...normal, distribution: distributionOf('log_normal') }),
  q_log_normal: closedObject({ ...normal, q, distribution: distributionOf('q_log_normal') }),
  beta: closedObject({ ...beta, distribution: distributionOf('beta') }),
  q_beta: closedObject({ ...beta, q, distribution: distributionOf('q_beta') }),
} as const;

export type FormName = keyof typeof FORMS;
