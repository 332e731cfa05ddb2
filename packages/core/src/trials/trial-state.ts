import { IllegalTransitionError } from '../errors.js';

/**
 * The life of a trial, after Optuna's TrialState. Defined once here; the store refuses any
 * change not listed in TRANSITIONS.
 * - pending: planned, not started (or queued again for a retry or a resume);
 * - running: a worker trains it;
 * - completed: trained to the end (or stopped by its own patience);
 * - failed: crashed, diverged, timed out, or ran out of memory (see the error code);
 * - pruned: stopped by the early-termination rule;
 * - interrupted: stopped by the user or left running by a scheduler that died.
 */
export const TRIAL_STATES = ['pending', 'running', 'completed', 'failed', 'pruned', 'interrupted'] as const;
export type TrialState = (typeof TRIAL_STATES)[number];

const TRANSITIONS: Readonly<Record<TrialState, readonly TrialState[]>> = {
  pending: ['running'],
  running: ['completed', 'failed', 'pruned', 'interrupted'],
  // A failed trial is retried (max_retries) and an interrupted one resumed, as a new attempt.
  failed: ['pending'],
  interrupted: ['pending'],
  completed: [],
  pruned: [],
};

/** Whether a trial may go from one state to another. */
export function canTransition(from: TrialState, to: TrialState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws IllegalTransitionError, naming the allowed next states, unless the change is legal. */
export function assertTransition(trial: string, from: TrialState, to: TrialState): void {
  if (canTransition(from, to)) return;
  const allowed = TRANSITIONS[from];
  throw new IllegalTransitionError(
    `trial ${trial} cannot go from ${from} to ${to}; from ${from} it can go to ${allowed.length > 0 ? allowed.join(', ') : 'nothing (it is final)'}`,
  );
}

/** States a trial never leaves. */
export function isFinal(state: TrialState): boolean {
  return TRANSITIONS[state].length === 0;
}
