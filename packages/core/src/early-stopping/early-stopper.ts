import type { TrialState } from '../trials/trial-state.js';

/** What an early-termination rule sees of one trial: its state and its metric per epoch. */
export interface TrialProgress {
  readonly id: string;
  readonly state: TrialState;
  /**
   * The sweep's metric after each epoch, in order (index 0 is the first epoch). NaN and
   * Infinity are kept as reported; each rule treats them as its reference system does.
   */
  readonly values: readonly number[];
  /** The trial's configuration (its parameters without the seed), when the rule may use it. */
  readonly config?: number | undefined;
  readonly seed?: number | undefined;
}

export type StopDecision =
  | { readonly stop: false }
  | { readonly stop: true; /** Why, for the trial's event log and the dashboard. */ readonly reason: string };

export const CONTINUE: StopDecision = { stop: false };

/**
 * An early-termination rule: one pure method, like Optuna's pruners. The scheduler calls it
 * for a running trial after each of its epoch reports, passing every trial of the sweep
 * (the judged one included), and stops the trial when told to.
 */
export interface EarlyStopper {
  decide(trial: TrialProgress, trials: readonly TrialProgress[]): StopDecision;
}
