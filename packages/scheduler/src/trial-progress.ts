import type { TrialProgress, TrialState } from '@embsweep/core';

/**
 * The in-memory view of every trial's metric curve that the early-termination rules read:
 * loaded from the store at the start (so a resumed sweep judges against earlier trials) and
 * kept current from epoch reports, without reading the database on every epoch.
 */
export class ProgressBoard {
  private readonly trials = new Map<number, { state: TrialState; values: number[] }>();

  set(trialId: number, state: TrialState, values: readonly number[] = []): void {
    this.trials.set(trialId, { state, values: [...values] });
  }

  setState(trialId: number, state: TrialState): void {
    const entry = this.trials.get(trialId);
    if (entry) entry.state = state;
    else this.trials.set(trialId, { state, values: [] });
  }

  /** Records the metric of an epoch (epochs start at 1; a retried trial starts over). */
  record(trialId: number, epoch: number, value: number): void {
    const entry = this.trials.get(trialId) ?? { state: 'running' as TrialState, values: [] };
    entry.values.length = epoch - 1;
    entry.values.push(value);
    this.trials.set(trialId, entry);
  }

  progress(trialId: number): TrialProgress {
    const entry = this.trials.get(trialId);
    return { id: String(trialId), state: entry?.state ?? 'running', values: entry?.values ?? [] };
  }

  all(): TrialProgress[] {
    return [...this.trials.entries()].map(([id, e]) => ({
      id: String(id),
      state: e.state,
      values: e.values,
    }));
  }
}
