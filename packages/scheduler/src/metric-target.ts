import type { HistoryTrial, MetricSpec } from '@embsweep/core';

/**
 * metric.target as W&B defines it: once any trial reports a value at or past the target, at
 * any epoch, no new trial starts; the trials already running finish normally. Remembers the
 * first report that reached it, as a sentence for the log and the sweep's record.
 */
export class MetricTarget {
  /** Why no new trial starts, once the target is reached. */
  reached: string | undefined;

  constructor(private readonly metric: MetricSpec) {}

  /** Looks at one epoch report; true the first time it reaches the target. */
  check(trialIndex: number, epoch: number, value: number): boolean {
    if (this.reached !== undefined || !this.meets(value)) return false;
    this.reached = `metric.target ${this.metric.target} reached by trial ${trialIndex + 1} at epoch ${epoch} (${this.metric.name} ${value}); no new trials start, running ones finish`;
    return true;
  }

  /** A resumed sweep whose history already reached the target starts nothing new. */
  checkHistory(trials: readonly HistoryTrial[]): void {
    for (const t of trials) {
      const epoch = t.values.findIndex((v) => this.meets(v));
      if (epoch < 0) continue;
      this.reached = `metric.target ${this.metric.target} was reached by trial ${t.index + 1} at epoch ${epoch + 1}; no new trials start`;
      return;
    }
  }

  private meets(value: number): boolean {
    const { target, goal } = this.metric;
    if (target === undefined || Number.isNaN(value)) return false;
    return goal === 'minimize' ? value <= target : value >= target;
  }
}
