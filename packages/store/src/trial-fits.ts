import type { Db } from './open-database.js';

/** One row of the trial_fit view (see docs/results-database.md). */
export interface TrialFit {
  readonly trial_id: number;
  readonly best_epoch: number | null;
  readonly loss_gap_at_best: number | null;
  readonly acc_gap_at_best: number | null;
  readonly loss_gap_at_end: number | null;
  readonly acc_gap_at_end: number | null;
  readonly min_val_loss: number | null;
  readonly min_val_loss_epoch: number | null;
  readonly final_val_loss: number | null;
  readonly overfitting: 0 | 1 | null;
  /** The embedding's effective rank at the best epoch (see the emb_* diagnostics), when measured. */
  readonly effective_rank_at_best: number | null;
}

/**
 * The trial_fit rows of one sweep, computed as the view defines them but trial by trial with
 * primary-key seeks: the view joins every point of every sweep before filtering, which takes
 * minutes on a sweep of 10,000 trials x 1,000 epochs; this reads a handful of points per trial
 * and the minimum from the thumbnail of its val_loss. A test holds the two to the same rows.
 */
export function readTrialFits(db: Db, sweepId: number): TrialFit[] {
  const at = db
    .prepare(
      `SELECT CASE WHEN is_nan = 0 THEN value END FROM metrics
        WHERE sweep_id = ? AND name = ? AND trial_id = ? AND attempt = ? AND step = ?`,
    )
    .pluck();
  const valuedAt = (trial: Row, name: string, step: number | null): number | null =>
    step === null
      ? null
      : ((at.get(sweepId, name, trial.id, trial.attempt, step) as number | null | undefined) ?? null);
  const last = db.prepare(
    `SELECT step, value FROM metrics
      WHERE sweep_id = ? AND name = 'val_loss' AND trial_id = ? AND attempt = ? AND is_nan = 0
      ORDER BY step DESC LIMIT 1`,
  );
  const lowestOfAll = db.prepare(
    `SELECT step, value FROM metrics
      WHERE sweep_id = ? AND name = 'val_loss' AND trial_id = ? AND attempt = ? AND is_nan = 0
      ORDER BY value, step LIMIT 1`,
  );
  const thumbnail = db.prepare(
    "SELECT steps, vals FROM curve_thumbnails WHERE trial_id = ? AND attempt = ? AND name = 'val_loss'",
  );
  // A thumbnail keeps each bucket's lowest value at its first epoch, so its lowest point is the
  // curve's (the earliest epoch of the minimum): no need to read every point.
  const lowest = (trial: Row): { step: number; value: number } | undefined => {
    const row = thumbnail.get(trial.id, trial.attempt) as { steps: Buffer; vals: Buffer } | undefined;
    if (row === undefined)
      return lowestOfAll.get(sweepId, trial.id, trial.attempt) as { step: number; value: number } | undefined;
    let found: { step: number; value: number } | undefined;
    for (let i = 0; i < row.vals.byteLength / 8; i++) {
      const value = row.vals.readDoubleLE(i * 8);
      if (!Number.isNaN(value) && (found === undefined || value < found.value))
        found = { step: row.steps.readInt32LE(i * 4), value };
    }
    return found;
  };
  const trials = db
    .prepare(
      'SELECT id, attempt, best_epoch FROM trials WHERE sweep_id = ? AND epochs_run > 0 ORDER BY trial_index',
    )
    .all(sweepId) as Row[];
  const gap = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return trials.flatMap((trial): TrialFit[] => {
    const end = last.get(sweepId, trial.id, trial.attempt) as { step: number; value: number } | undefined;
    const low = lowest(trial);
    if (end === undefined || low === undefined) return [];
    const best = trial.best_epoch;
    const lossAtEnd = valuedAt(trial, 'loss', end.step);
    const lossAtMin = valuedAt(trial, 'loss', low.step);
    return [
      {
        trial_id: trial.id,
        best_epoch: best,
        loss_gap_at_best: gap(valuedAt(trial, 'val_loss', best), valuedAt(trial, 'loss', best)),
        acc_gap_at_best: gap(valuedAt(trial, 'val_acc', best), valuedAt(trial, 'acc', best)),
        loss_gap_at_end: gap(end.value, lossAtEnd),
        acc_gap_at_end: gap(valuedAt(trial, 'val_acc', end.step), valuedAt(trial, 'acc', end.step)),
        min_val_loss: low.value,
        min_val_loss_epoch: low.step,
        final_val_loss: end.value,
        overfitting:
          lossAtMin === null || lossAtEnd === null
            ? null
            : end.value - low.value > 0.05 * Math.abs(low.value) && lossAtEnd < lossAtMin
              ? 1
              : 0,
        effective_rank_at_best: valuedAt(trial, 'emb_effective_rank', best),
      },
    ];
  });
}

interface Row {
  readonly id: number;
  readonly attempt: number;
  readonly best_epoch: number | null;
}
