/**
 * Aggregates curves of several trials into one per group: the mean at each epoch and a band
 * from the lowest to the highest value, over the trials that reported that epoch. Seeds of one
 * configuration are the usual group, so a difference between configurations can be told from
 * seed noise. Null values (NaN, infinities) are left out of the mean and band.
 */
export interface CurveLike {
  readonly steps: readonly number[];
  readonly values: readonly (number | null)[];
}

export interface GroupCurve {
  readonly steps: number[];
  readonly mean: number[];
  readonly low: number[];
  readonly high: number[];
  /** How many curves reported each epoch. */
  readonly count: number[];
}

export function aggregate(curves: readonly CurveLike[]): GroupCurve {
  const byStep = new Map<number, number[]>();
  for (const curve of curves) {
    curve.steps.forEach((step, i) => {
      const v = curve.values[i];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      const list = byStep.get(step) ?? [];
      list.push(v);
      byStep.set(step, list);
    });
  }
  const steps = [...byStep.keys()].sort((a, b) => a - b);
  const out: GroupCurve = { steps, mean: [], low: [], high: [], count: [] };
  for (const step of steps) {
    const values = byStep.get(step) ?? [];
    out.mean.push(values.reduce((a, b) => a + b, 0) / values.length);
    out.low.push(Math.min(...values));
    out.high.push(Math.max(...values));
    out.count.push(values.length);
  }
  return out;
}

/** Groups items by a key, keeping the order in which keys first appear. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  return groups;
}
