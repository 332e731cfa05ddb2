import { CONTINUE, type EarlyStopper } from './early-stopper.js';

/** A rule that never stops a trial, for sweeps without early_terminate. */
export const NEVER_STOP: EarlyStopper = { decide: () => CONTINUE };
