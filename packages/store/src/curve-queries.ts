import type { Curve } from '@embsweep/core';
import type { Db } from './open-database.js';
import { groupCurves } from './rows.js';

/**
 * The chart reads, shared by the writer (SqliteStore) and the read-only ResultsReader, so both
 * return the same curves for the same data.
 */

/** Curves of the latest attempt of every trial of a sweep, for the named metrics. */
export function readSweepCurves(db: Db, sweepId: number, names: readonly string[]): Curve[] {
  // One range scan of the primary key per metric; older attempts are dropped here rather than
  // by a join, which would cost a lookup per point.
  const latest = latestAttempts(db, sweepId);
  const select = db
    .prepare('SELECT trial_id, attempt, step, value, is_nan FROM metrics WHERE sweep_id = ? AND name = ?')
    .raw(true);
  const out: Curve[] = [];
  for (const name of names) {
    const rows = select.iterate(sweepId, name) as Iterable<[number, number, number, number | null, number]>;
    out.push(
      ...groupCurves(rows, ([trialId, attempt, step, value, isNan]) =>
        latest.get(trialId) === attempt ? { trialId, name, step, value, isNan } : undefined,
      ),
    );
  }
  return out;
}

/** Trial id -> its latest attempt, for a sweep: the attempt whose points are the trial's curves. */
function latestAttempts(db: Db, sweepId: number): Map<number, number> {
  return new Map(
    db.prepare('SELECT id, attempt FROM trials WHERE sweep_id = ?').raw(true).all(sweepId) as [
      number,
      number,
    ][],
  );
}

/** Every metric of one trial's latest attempt. */
export function readTrialCurves(db: Db, trialId: number): Curve[] {
  const rows = db
    .prepare(
      `SELECT m.name, m.step, m.value, m.is_nan FROM metrics m JOIN trials t ON t.id = m.trial_id
        WHERE m.trial_id = ? AND m.attempt = t.attempt ORDER BY m.name, m.step`,
    )
    .raw(true)
    .all(trialId) as [string, number, number | null, number][];
  return groupCurves(rows, ([name, step, value, isNan]) => ({ trialId, name, step, value, isNan }));
}

/**
 * The names of the metrics recorded for a sweep, sorted. Walks the primary key one name at a
 * time (a skip scan), so it costs one seek per metric rather than a pass over every point.
 */
export function readMetricNames(db: Db, sweepId: number): string[] {
  const next = db.prepare('SELECT name FROM metrics WHERE sweep_id = ? AND name > ? ORDER BY name LIMIT 1');
  const names: string[] = [];
  for (let row = next.get(sweepId, '') as { name: string } | undefined; row;) {
    names.push(row.name);
    row = next.get(sweepId, row.name) as { name: string } | undefined;
  }
  return names;
}
