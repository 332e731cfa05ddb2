import type { FlatParameter } from '../sweep-spec/parameter-spec.js';
import { createRng } from '../random/rng.js';
import { sampleParameter } from '../random/sample-parameter.js';
import { buildValues, type ParameterValues } from './parameter-values.js';
import type { SearchHistory } from './search-history.js';
import type { SearchStrategy } from './search-strategy.js';

/**
 * Random search: every parameter drawn independently from its distribution, as W&B's
 * random_search.py does. Reproducible: proposal number k draws each parameter from its own
 * stream seeded by (search_seed, k, parameter path), so the same file and seed give the same
 * proposals, in the same order, however the sweep is interrupted and resumed. Unlike grid, a
 * configuration may repeat (W&B does not de-duplicate random draws either). Never exhausted:
 * run_cap ends a random sweep.
 */
export class RandomSearch implements SearchStrategy {
  readonly plansAhead = 'all';

  constructor(
    private readonly params: readonly FlatParameter[],
    private readonly searchSeed: number,
  ) {}

  next(history: SearchHistory): ParameterValues {
    return this.proposal(history.configCount);
  }

  /** The k-th proposal of this sweep (0-based). */
  proposal(k: number): ParameterValues {
    const chosen = this.params.map(({ path, spec }) =>
      sampleParameter(spec, createRng(this.searchSeed, k, path.join('.'))),
    );
    return buildValues(this.params, chosen);
  }
}
