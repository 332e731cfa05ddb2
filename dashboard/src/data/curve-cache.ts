import type { TrialRow } from '@embsweep/server';
import { decodeCurves, type BinaryCurve, type BinaryCurves } from '@embsweep/server/curves-binary';
import { getBinary } from '../api.js';

/** Asking for more trials than this in one update: the whole sweep is read again instead. */
const MAX_CHANGED = 1000;

/** What a trial's curves depend on: when none of it changed, neither did they. */
const markOf = (t: TrialRow) => `${t.attempt}|${t.epochsRun}|${t.state}`;

/**
 * The curves of one sweep as the page last read them, kept up to date by reading only what
 * changed: a live update compares each trial's attempt, epochs run and state with what it was
 * at the last read and asks the server for those trials' curves alone (`trials=`), so a running
 * sweep of ten thousand trials costs a few curves per update, not ten thousand. A whole read
 * leaves the points per curve to the server (fewer when there are many curves); updates ask for
 * as many.
 */
export class CurveCache {
  private metricsKey = '';
  private points: number | undefined;
  private readonly marks = new Map<number, string>();
  private readonly byTrial = new Map<number, BinaryCurve[]>();
  private early: Promise<BinaryCurves> | undefined;

  constructor(private readonly api: string) {}

  /**
   * Starts reading every curve of `metric` (the sweep's own when undefined) before the trials
   * are known, so a page's first load waits for one round trip less.
   */
  prefetch(metric: string | undefined): void {
    this.early = this.read(metric, undefined);
    this.early.catch(() => undefined); // reported by the load that uses it
  }

  /** The curves of `metrics` for the sweep whose trials are now `trials`, in the trials' order. */
  async load(metrics: readonly string[], trials: readonly TrialRow[]): Promise<BinaryCurve[]> {
    const key = metrics.join(',');
    const early = this.early && (await this.early);
    this.early = undefined;
    const prefetched = early !== undefined && early.metrics.join(',') === key ? early : undefined;
    const changed = prefetched ? trials : trials.filter((t) => this.marks.get(t.id) !== markOf(t));
    const whole = prefetched !== undefined || key !== this.metricsKey || changed.length > MAX_CHANGED;
    // A trial without epochs (queued again for a new attempt) has no curves to read.
    const ids = changed.filter((t) => t.epochsRun > 0).map((t) => t.id);
    const answer =
      prefetched ?? (whole || ids.length > 0 ? await this.read(key, whole ? undefined : ids) : undefined);
    if (whole) {
      this.byTrial.clear();
      this.marks.clear();
      this.points = answer?.points;
    }
    for (const t of changed) this.byTrial.delete(t.id);
    for (const curve of answer?.curves ?? [])
      this.byTrial.set(curve.trialId, [...(this.byTrial.get(curve.trialId) ?? []), curve]);
    for (const t of changed) this.marks.set(t.id, markOf(t));
    this.metricsKey = key;
    return trials.flatMap((t) => this.byTrial.get(t.id) ?? []);
  }

  private async read(
    metrics: string | undefined,
    trialIds: readonly number[] | undefined,
  ): Promise<BinaryCurves> {
    const query = [
      'format=binary',
      ...(metrics === undefined ? [] : [`metrics=${encodeURIComponent(metrics)}`]),
      ...(trialIds === undefined || this.points === undefined ? [] : [`points=${this.points}`]),
      ...(trialIds === undefined ? [] : [`trials=${trialIds.join(',')}`]),
    ];
    return decodeCurves(await getBinary(`${this.api}/curves?${query.join('&')}`));
  }
}
