import { studentTQuantile } from '@embsweep/core/student-t';

/**
 * Aggregates curves of several trials into one per group: the mean at each epoch, the 95%
 * interval of that mean (Student's t: mean ± t(0.975, n-1) · sd / √n, the standard interval for
 * a mean of a few seeds, cheap enough for every epoch of every group), and the range from the
 * lowest to the highest value, over the trials that reported that epoch. Seeds of one
 * configuration are the usual group, so a difference between configurations can be told from
 * seed noise. Null values (NaN, infinities) are left out. With one value there is no interval:
 * it collapses to the mean.
 */
export interface CurveLike {
  readonly steps: readonly number[];
  readonly values: readonly (number | null)[];
}

export interface GroupCurve {
  readonly steps: number[];
  readonly mean: number[];
  /** 95% interval of the mean. */
  readonly ciLow: number[];
  readonly ciHigh: number[];
  /** Lowest and highest value. */
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
  const out: GroupCurve = { steps, mean: [], ciLow: [], ciHigh: [], low: [], high: [], count: [] };
  for (const step of steps) {
    const values = byStep.get(step) ?? [];
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const half = halfWidth(values, mean);
    out.mean.push(mean);
    out.ciLow.push(mean - half);
    out.ciHigh.push(mean + half);
    out.low.push(Math.min(...values));
    out.high.push(Math.max(...values));
    out.count.push(values.length);
  }
  return out;
}

const T_CACHE = new Map<number, number>();

/** Half the width of the 95% t-interval of the mean; 0 for fewer than two values. */
export function halfWidth(values: readonly number[], mean: number): number {
  const n = values.length;
  if (n < 2) return 0;
  const variance = values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / (n - 1);
  let t = T_CACHE.get(n - 1);
  if (t === undefined) T_CACHE.set(n - 1, (t = studentTQuantile(0.975, n - 1)));
  return (t * Math.sqrt(variance)) / Math.sqrt(n);
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
