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
  readonly steps: ArrayLike<number>;
  /** NaN or null: no value. */
  readonly values: ArrayLike<number | null>;
  /** Seconds since the trial started, at each point. */
  readonly elapsed?: ArrayLike<number>;
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
  /** Mean seconds since the start at each epoch (for an x axis of time). */
  readonly elapsed: number[];
}

export function aggregate(curves: readonly CurveLike[]): GroupCurve {
  const byStep = new Map<number, number[]>();
  const timeAt = new Map<number, number[]>();
  for (const curve of curves) {
    for (let i = 0; i < curve.steps.length; i++) {
      const step = curve.steps[i] ?? 0;
      const v = curve.values[i];
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      let values = byStep.get(step);
      let times = timeAt.get(step);
      if (values === undefined || times === undefined) {
        byStep.set(step, (values = []));
        timeAt.set(step, (times = []));
      }
      values.push(v);
      times.push(curve.elapsed?.[i] ?? NaN);
    }
  }
  const steps = [...byStep.keys()].sort((a, b) => a - b);
  const out: GroupCurve = {
    steps,
    mean: [],
    ciLow: [],
    ciHigh: [],
    low: [],
    high: [],
    count: [],
    elapsed: [],
  };
  for (const step of steps) {
    const times = timeAt.get(step) ?? [];
    out.elapsed.push(times.reduce((a, b) => a + b, 0) / times.length);
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
