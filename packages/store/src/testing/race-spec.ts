import { type SweepSpec } from '@embsweep/core';
import { validateSweep } from '@embsweep/core/sweep-file';

/**
 * The sweep that the proposal race runs: random search with two seeds per configuration and a
 * small categorical space, so configurations repeat (each repeat must still be its own trial).
 */
export function raceSpec(): SweepSpec {
  return validateSweep({
    method: 'random',
    run_cap: 120,
    seeds: [0, 1],
    search_seed: 11,
    dataset: { source: 'synthetic' },
    parameters: { embedding_dim: { values: [8, 16, 32] }, dropout: { values: [0, 0.5] } },
  });
}
