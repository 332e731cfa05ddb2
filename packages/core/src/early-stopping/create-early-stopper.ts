import type { EarlyTerminateSpec, MetricSpec } from '../sweep-spec/sweep-spec.js';
import { CONTINUE, type EarlyStopper } from './early-stopper.js';
import { HyperbandStopper } from './hyperband.js';
import { MedianStopper } from './median.js';

/** A rule that never stops a trial, for sweeps without early_terminate. */
export const NEVER_STOP: EarlyStopper = { decide: () => CONTINUE };

/** The rule a sweep's `early_terminate` names (the only place that maps names to classes). */
export function createEarlyStopper(spec: EarlyTerminateSpec | undefined, metric: MetricSpec): EarlyStopper {
  switch (spec?.type) {
    case undefined:
      return NEVER_STOP;
    case 'hyperband':
      return new HyperbandStopper(spec, metric);
    case 'median':
      return new MedianStopper(spec, metric);
  }
}
