import { SweepHistory, type Store, type SweepSpec } from '@embsweep/core';

/** The sweep's history as the store has it now: every trial with its metric curve. */
export function loadHistory(store: Store, sweepId: number, spec: SweepSpec): SweepHistory {
  const history = new SweepHistory(spec.metric.goal);
  const curves = new Map(store.curves(sweepId, [spec.metric.name]).map((c) => [c.trialId, c.values]));
  for (const trial of store.listTrials(sweepId)) history.upsert(trial, curves.get(trial.id) ?? []);
  return history;
}
