import type { EpochReport, MetricPoint, TrialRecord, TrialSummary } from '@embsweep/core';

/** The points one epoch report stores: its metrics plus epoch time, throughput (real tokens and padded positions) and tensors. */
export function epochPoints(trial: TrialRecord, report: EpochReport): MetricPoint[] {
  const values: Record<string, number> = {
    ...report.metrics,
    epoch_time_s: report.epochSeconds,
    tokens_per_s: report.tokensPerSecond,
    positions_per_s: report.positionsPerSecond,
    tensors: report.tensors,
  };
  return Object.entries(values).map(([name, value]) => ({
    trialId: trial.id,
    attempt: trial.attempt,
    name,
    step: report.epoch,
    value,
  }));
}

/** The test-split metrics of a finished trial, stored at its best epoch. */
export function testPoints(trial: TrialRecord, summary: TrialSummary): MetricPoint[] {
  if (summary.testMetrics === null || summary.bestEpoch === null) return [];
  const step = summary.bestEpoch;
  return Object.entries(summary.testMetrics).map(([name, value]) => ({
    trialId: trial.id,
    attempt: trial.attempt,
    name,
    step,
    value,
  }));
}

/** "embedding_dim=32, dropout=0.5" for log lines. */
export function describeParams(params: Readonly<Record<string, unknown>>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}
