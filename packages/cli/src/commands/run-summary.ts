import {
  compareConfigurations,
  countTrials,
  type SweepSpec,
  type SweepStatus,
  type TrialRecord,
} from '@embsweep/core';
import { formatRows } from '../format-rows.js';
import { configurationRows } from './configuration-rows.js';
import { trialRows } from './trial-columns.js';

/**
 * What `embsweep run` prints when it ends: how the sweep ended and why, what became of its
 * trials (counted against the plan, since trials are created as they start), the best ones,
 * and why each failed one failed. Trials still running belong to another `embsweep run` on
 * the same sweep, and the line says so rather than calling them "not run".
 */
export function runSummary(
  spec: SweepSpec,
  result: { readonly status: SweepStatus; readonly reason?: string | undefined },
  trials: readonly TrialRecord[],
): string {
  const count = (state: string) => trials.filter((t) => t.state === state).length;
  const planned = Math.max(countTrials(spec), trials.length);
  const ended = count('completed') + count('pruned') + count('failed');
  const running = count('running');
  const notRun = Number.isFinite(planned)
    ? `${planned - ended - running} not run, of ${planned}`
    : `${count('pending') + count('interrupted')} not run`;
  const elsewhere =
    running > 0
      ? `, ${running} still running in another embsweep run on this sweep (it records their results)`
      : '';
  const why = result.reason ? ` (${result.reason})` : '';
  let text = `\nSweep "${spec.name ?? ''}" ${result.status}${why}: ${count('completed')} completed, ${count('pruned')} pruned, ${count('failed')} failed${elsewhere}, ${notRun}.\n`;
  text += spec.seeds.length > 1 ? bestConfigurations(spec, trials) : bestTable(spec, trials);
  for (const t of trials.filter((t) => t.state === 'failed'))
    text += `failed: trial ${t.index + 1}: ${t.errorCode ?? ''}: ${t.errorMessage ?? ''}\n`;
  return text;
}

function bestTable(spec: SweepSpec, trials: readonly TrialRecord[]): string {
  const goal = spec.metric.goal === 'maximize' ? -1 : 1;
  // Completed trials only: a pruned trial's best comes from fewer epochs.
  const top = trials
    .filter((t) => t.bestValue !== null && t.state === 'completed')
    .sort((a, b) => goal * ((a.bestValue ?? 0) - (b.bestValue ?? 0)))
    .slice(0, 5);
  if (top.length === 0) return '';
  const rows = trialRows(
    spec,
    top.map((t) => ({
      trial_index: t.index,
      seed: t.seed,
      params: JSON.stringify(t.params),
      state: t.state,
      best_value: t.bestValue,
      best_epoch: t.bestEpoch,
      epochs_run: t.epochsRun,
      worker_host: t.workerHost,
      duration_s: null,
      error_code: null,
      error_message: null,
    })),
  );
  const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== 'duration_s' && c !== 'error');
  return `\nBest completed trials by ${spec.metric.name} (${spec.metric.goal}):\n${formatRows(columns, rows, 'table')}\n`;
}

/** With several seeds, the best configurations over their completed seeds, with intervals. */
function bestConfigurations(spec: SweepSpec, trials: readonly TrialRecord[]): string {
  const completed = trials.flatMap((t) =>
    t.state === 'completed' && t.bestValue !== null
      ? [{ configIndex: t.configIndex, params: t.params, seed: t.seed, best: t.bestValue, final: null }]
      : [],
  );
  if (completed.length === 0) return '';
  const comparison = compareConfigurations(completed, { goal: spec.metric.goal });
  const rows = configurationRows(spec, comparison, spec.metric.name, 'table', 5);
  return (
    `\nBest configurations by ${spec.metric.name} (${spec.metric.goal}), mean over completed seeds:\n` +
    `${formatRows(Object.keys(rows[0] ?? {}), rows, 'table')}\n${comparison.verdict}\n` +
    `("embsweep compare ${spec.name ?? ''}" adds final values and p-values.)\n`
  );
}
