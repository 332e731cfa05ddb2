import type { ResultsReader, ThinCurve } from '@embsweep/store';
import { thinCurve } from '@embsweep/store';

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

/**
 * One gap curve per trial that recorded both sides, at the epochs both have, thinned to
 * `points`. The sides are read whole (a gap of thinned curves would subtract values of
 * different epochs), so a gap costs a read of every point of both metrics.
 */
export function gapCurves(
  reader: ResultsReader,
  sweepId: number,
  name: string,
  points: number,
  trialIds?: readonly number[],
): ThinCurve[] {
  const sides = GAP_METRICS[name];
  if (sides === undefined) return [];
  const [validation, training] = sides;
  const curves = reader.thinCurves(sweepId, [validation, training], Number.MAX_SAFE_INTEGER, trialIds);
  const train = new Map(curves.filter((c) => c.name === training).map((c) => [c.trialId, c]));
  return curves
    .filter((c) => c.name === validation)
    .flatMap((v) => {
      const t = train.get(v.trialId);
      if (t === undefined) return [];
      const at = new Map(Array.from(t.steps, (step, i) => [step, t.values[i] ?? NaN]));
      const kept = Array.from(v.steps.keys()).filter((i) => at.has(v.steps[i] ?? -1));
      const gap: ThinCurve = {
        trialId: v.trialId,
        name,
        recorded: kept.length,
        steps: Int32Array.from(kept, (i) => v.steps[i] ?? 0),
        values: Float64Array.from(kept, (i) => (v.values[i] ?? NaN) - (at.get(v.steps[i] ?? -1) ?? NaN)),
        elapsed: Float32Array.from(kept, (i) => v.elapsed[i] ?? 0),
      };
      return [thinCurve(gap, points)];
    });
}
