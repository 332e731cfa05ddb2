import type { MetricPoint } from '@embsweep/core';
import type Database from 'better-sqlite3';
import type { Db } from './open-database.js';

// The pieces of MetricWriter (metric-writer.ts): what a batch says about each trial, and the prepared
// statements of the hot write path.

export const NONE_REPLACED: ReadonlySet<MetricPoint> = new Set();

/** Points per multi-row INSERT: fewer statements per batch, well under SQLite's parameter limit. */
export const INSERT_CHUNK = 64;

/** What one batch of points says about one trial. */
export interface BatchSummary {
  readonly attempt: number;
  maxStep: number;
  best: { value: number; step: number } | undefined;
  /** A point of the batch overwrote a stored one, so the stored summary may be stale. */
  replaced: boolean;
}

/** Whether (value, step) beats the best so far: by the goal, and at an equal value the earlier epoch. */
export function isBetter(
  value: number,
  step: number,
  best: { value: number; step: number } | undefined,
  goal: 'minimize' | 'maximize',
) {
  if (best === undefined) return true;
  if (value === best.value) return step < best.step;
  return goal === 'maximize' ? value > best.value : value < best.value;
}

/** The statements of the hot paths, prepared once per connection. */
/** The statements of the hot write path, as better-sqlite3 prepares them. */
export type MetricStatements = Record<
  | 'replacePoint'
  | 'dropThumbnails'
  | 'mergeMin'
  | 'mergeMax'
  | 'updateSummaryOfAttempt'
  | 'bestMin'
  | 'bestMax'
  | 'lastStep',
  Database.Statement
>;

export function prepareStatements(db: Db): MetricStatements {
  const finite = 'value BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308';
  const best = (order: string) =>
    db.prepare(
      `SELECT step, value FROM metrics
        WHERE sweep_id = ? AND name = ? AND trial_id = ? AND attempt = ? AND is_nan = 0 AND ${finite}
        ORDER BY value ${order}, step LIMIT 1`,
    );
  const merge = (better: '<' | '>') =>
    db.prepare(
      `UPDATE trials SET
         best_epoch = CASE WHEN :value IS NOT NULL AND (best_value IS NULL OR :value ${better} best_value
                             OR (:value = best_value AND :step < best_epoch)) THEN :step ELSE best_epoch END,
         best_value = CASE WHEN :value IS NOT NULL AND (best_value IS NULL OR :value ${better} best_value) THEN :value ELSE best_value END,
         epochs_run = MAX(epochs_run, :last)
       WHERE id = :id AND attempt = :attempt`,
    );
  return {
    replacePoint: db.prepare(
      `UPDATE metrics SET value = ?, is_nan = ?, recorded_at = ?
        WHERE sweep_id = ? AND name = ? AND trial_id = ? AND attempt = ? AND step = ?`,
    ),
    dropThumbnails: db.prepare('DELETE FROM curve_thumbnails WHERE trial_id = ? AND attempt = ?'),
    // SET expressions all read the row as it was, so best_epoch compares with the old best_value.
    mergeMin: merge('<'),
    mergeMax: merge('>'),
    updateSummaryOfAttempt: db.prepare(
      'UPDATE trials SET best_value = ?, best_epoch = ?, epochs_run = ? WHERE id = ? AND attempt = ?',
    ),
    bestMin: best('ASC'),
    bestMax: best('DESC'),
    lastStep: db.prepare('SELECT MAX(step) AS n FROM metrics WHERE trial_id = ? AND attempt = ?'),
  };
}
