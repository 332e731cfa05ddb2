import type { HyperbandSpec } from '../sweep-spec/sweep-spec.js';

/**
 * The iteration counts at which hyperband judges trials, as W&B computes them
 * (wandb/sweeps hyperband_stopping.py):
 * - with max_iter and s: max_iter/eta, max_iter/eta^2, ... (s of them, stopping below 1),
 *   truncated to integers and sorted ascending;
 * - with min_iter: min_iter, min_iter*eta, min_iter*eta^2, ... (100 of them), truncated.
 * max_iter wins when both are given, as in W&B. Returns [] when no band is >= 1, which
 * validation reports with W&B's advice.
 */
export function hyperbandBands(spec: Pick<HyperbandSpec, 'min_iter' | 'max_iter' | 's' | 'eta'>): number[] {
  if (spec.max_iter !== undefined && spec.s !== undefined) {
    const bands: number[] = [];
    let band = spec.max_iter;
    for (let i = 0; i < spec.s; i++) {
      band /= spec.eta;
      if (band < 1) break;
      bands.push(Math.trunc(band));
    }
    return bands.sort((a, b) => a - b);
  }
  if (spec.min_iter !== undefined) {
    const bands: number[] = [];
    let band = spec.min_iter;
    for (let i = 0; i < 100; i++) {
      bands.push(Math.trunc(band));
      band *= spec.eta;
    }
    return bands;
  }
  return [];
}
