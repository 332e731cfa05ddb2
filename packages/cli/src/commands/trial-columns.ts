import { flattenParameters, type SweepSpec } from '@embsweep/core';
import type { SummaryRow } from '@embsweep/store';

/** A parameter's value by its dotted name (`optimizer.beta1` reaches into a nested group). */
export function paramAt(values: Readonly<Record<string, unknown>>, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], values);
}

/** The parameters a sweep varies (not its constants), as dotted names. */
export function sweptParameters(spec: SweepSpec): string[] {
  return flattenParameters(spec.parameters)
    .filter((p) => p.spec.distribution !== 'constant')
    .map((p) => p.path.join('.'));
}

/**
 * Turns trial_summary rows into the rows `show` and `best` print: plan position, seed, the swept
 * parameters, state, best value and epoch, epochs run, duration and failure reason.
 */
export function trialRows(spec: SweepSpec, rows: readonly SummaryRow[]): Record<string, unknown>[] {
  const params = sweptParameters(spec);
  return rows.map((r) => {
    const values = JSON.parse(String(r['params'] ?? '{}')) as Record<string, unknown>;
    const out: Record<string, unknown> = { trial: Number(r['trial_index']) + 1, seed: r['seed'] };
    for (const name of params) out[name] = paramAt(values, name);
    // A pruned trial's values are partial: say so wherever they are shown beside finished ones.
    out['state'] = r['state'] === 'pruned' ? `pruned at epoch ${String(r['epochs_run'] ?? '?')}` : r['state'];
    out[`best_${spec.metric.name}`] = r['best_value'];
    out['best_epoch'] = r['best_epoch'];
    out['epochs'] = r['epochs_run'];
    out['duration_s'] = typeof r['duration_s'] === 'number' ? Number(r['duration_s'].toFixed(1)) : null;
    out['host'] = r['worker_host'] ?? null;
    out['error'] =
      r['error_code'] === null ? '' : `${String(r['error_code'])}: ${String(r['error_message'] ?? '')}`;
    return out;
  });
}
