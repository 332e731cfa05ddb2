import { createHash } from 'node:crypto';
import type { SweepSpec } from '../sweep-spec/sweep-spec.js';
import { canonicalJson } from './parameter-values.js';

/**
 * Hash of what decides which trials a sweep runs and what they mean: method, parameters,
 * seeds, search seed, data set and model. A resumed sweep whose file changes any of these is
 * refused; run_cap, early_terminate, metric target and execution may change between runs.
 */
export function searchSpaceHash(spec: SweepSpec): string {
  const { method, parameters, seeds, search_seed, dataset, model } = spec;
  return createHash('sha256')
    .update(canonicalJson({ method, parameters, seeds, search_seed, dataset, model }))
    .digest('hex');
}
