import type { Curve } from '@embsweep/core';
import type { ResultsReader } from '@embsweep/store';

/**
 * Derived metrics: the generalization gap, validation minus training, epoch by epoch (the same
 * definition as the generalization_gap SQL view). The API serves them like recorded metrics, so
 * the comparison chart can draw the gap against epoch coloured by any parameter.
 */
export const GAP_METRICS: Readonly<Record<string, readonly [validation: string, training: string]>> = {
  loss_gap: ['val_loss', 'loss'],
  acc_gap: ['val_acc', 'acc'],
};

/** The gap metrics a sweep can have: those whose validation and training sides are recorded. */
export function gapMetricsFor(recorded: readonly string[]): string[] {
  return Object.entries(GAP_METRICS)
    .filter(([, [validation, training]]) => recorded.includes(validation) && recorded.includes(training))
    .map(([name]) => name);
}

/** One gap curve per trial that recorded both sides, at the epochs both have. */
export function gapCurves(reader: ResultsReader, sweepId: number, name: string): Curve[] {
  const sides = GAP_METRICS[name];
  if (sides === undefined) return [];
  const [validation, training] = sides;
  const curves = reader.curves(sweepId, [validation, training]);
  const train = new Map(curves.filter((c) => c.name === training).map((c) => [c.trialId, c]));
  return curves
    .filter((c) => c.name === validation)
    .flatMap((v) => {
      const t = train.get(v.trialId);
      if (t === undefined) return [];
      const at = new Map(t.steps.map((step, i) => [step, t.values[i] ?? NaN]));
      const steps: number[] = [];
      const values: number[] = [];
      v.steps.forEach((step, i) => {
        const other = at.get(step);
        if (other === undefined) return;
        steps.push(step);
        values.push((v.values[i] ?? NaN) - other);
      });
      return [{ trialId: v.trialId, name, steps, values }];
    });
}
