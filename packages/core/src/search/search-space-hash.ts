import { createHash } from 'node:crypto';
import type { SweepSpec } from '../sweep-spec/sweep-spec.js';
import { canonicalJson } from './parameter-values.js';

/**
 * Hash of what decides which trials a sweep runs and what they mean: method (and its bayes
 * options), parameters, seeds, search seed, data set and model. A resumed sweep whose file
 * changes any of these is refused; run_cap, early_terminate, metric target and execution may
 * change between runs. (The bayes options join the hash only when given, so the hash of every
 * sweep written before they existed stays the same.)
 */
export function searchSpaceHash(spec: SweepSpec): string {
  const { method, parameters, seeds, search_seed, dataset, model, bayes } = spec;
  const identity = {
    method,
    parameters,
    seeds,
    search_seed,
    dataset,
    model,
    ...(bayes === undefined ? {} : { bayes }),
  };
  return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}
