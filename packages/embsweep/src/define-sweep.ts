import type { SweepFile } from '@embsweep/core/sweep-file';

/**
 * Returns the sweep as given; its only job is the type, so that an editor completes and checks
 * the keys of a sweep defined in code. Validation happens when it is loaded or run.
 */
export function defineSweep(sweep: SweepFile): SweepFile {
  return sweep;
}
