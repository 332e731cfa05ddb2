import type { TrialRow } from '@embsweep/server';
import { decodeCurves, type BinaryCurve } from '@embsweep/server/curves-binary';
import { getBinary } from '../api.js';

/** Asking for more trials than this in one update: the whole sweep is read again instead. */
const MAX_CHANGED = 1000;

/** What a trial's curves depend on: when none of it changed, neither did they. */
const markOf = (t: TrialRow) => `${t.attempt}|${t.epochsRun}|${t.state}`;

/**
 * The curves of one sweep as the page last read them, kept up to date by reading only what
 * changed: a live update compares each trial's attempt, epochs run and state with what it was
 * at the last read and asks the server for those trials' curves alone (`trials=`), so a running
 * sweep of ten thousand trials costs a few curves per update, not ten thousand.
 */
export class CurveCache {
  private metricsKey = '';
  private readonly marks = new Map<number, string>();
  private readonly byTrial = new Map<number, BinaryCurve[]>();
  /** Curves read, for tests and the benchmark: how many the last update fetched. */
  lastFetched = 0;

  constructor(private readonly api: string) {}

  /** The curves of `metrics` for the sweep whose trials are now `trials`, in the trials' order. */
  async load(metrics: readonly string[], trials: readonly TrialRow[]): Promise<BinaryCurve[]> {
    const key = metrics.join(',');
    const changed = trials.filter((t) => this.marks.get(t.id) !== markOf(t));
    const whole = key !== this.metricsKey || changed.length > MAX_CHANGED;
    // A trial without epochs (queued again for a new attempt) has no curves to read.
    const ids = changed.filter((t) => t.epochsRun > 0).map((t) => t.id);
    const fresh = whole || ids.length > 0 ? await this.read(key, whole ? undefined : ids) : [];
    if (whole) {
      this.byTrial.clear();
      this.marks.clear();
    }
    for (const t of changed) this.byTrial.delete(t.id);
    for (const curve of fresh)
      this.byTrial.set(curve.trialId, [...(this.byTrial.get(curve.trialId) ?? []), curve]);
    for (const t of whole ? trials : changed) this.marks.set(t.id, markOf(t));
    this.metricsKey = key;
    this.lastFetched = fresh.length;
    return trials.flatMap((t) => this.byTrial.get(t.id) ?? []);
  }

  private async read(
    metrics: string,
    trialIds: readonly number[] | undefined,
  ): Promise<readonly BinaryCurve[]> {
    const only = trialIds === undefined ? '' : `&trials=${trialIds.join(',')}`;
    const answer = decodeCurves(
      await getBinary(`${this.api}/curves?metrics=${encodeURIComponent(metrics)}&format=binary${only}`),
    );
    return answer.curves;
  }
}
