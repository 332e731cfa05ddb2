import type { SweepRecord, TrialEvent, TrialRecord } from '@embsweep/core';
import type { Db } from './open-database.js';
import { toEvent, toSweep, toTrial, type EventRow, type SweepRow, type TrialRow } from './rows.js';

/**
 * The plain record reads, shared by the writer (SqliteStore) and the read-only ResultsReader,
 * so both turn the same rows into the same records.
 */

export function readSweep(db: Db, name: string): SweepRecord | undefined {
  const row = db.prepare('SELECT * FROM sweeps WHERE name = ?').get(name) as SweepRow | undefined;
  return row && toSweep(row);
}

export function readSweeps(db: Db): SweepRecord[] {
  return (db.prepare('SELECT * FROM sweeps ORDER BY created_at, id').all() as SweepRow[]).map(toSweep);
}

export function readTrial(db: Db, trialId: number): TrialRecord | undefined {
  const row = db.prepare('SELECT * FROM trials WHERE id = ?').get(trialId) as TrialRow | undefined;
  return row && toTrial(row);
}

/** Every trial of a sweep, in plan order. */
/** A sweep's trials in index order, from index `fromIndex` on (all of them by default). */
export function readTrials(db: Db, sweepId: number, fromIndex = 0): TrialRecord[] {
  return (
    db
      .prepare('SELECT * FROM trials WHERE sweep_id = ? AND trial_index >= ? ORDER BY trial_index')
      .all(sweepId, fromIndex) as TrialRow[]
  ).map(toTrial);
}

/** A trial's state changes with their reasons, oldest first. */
export function readTrialEvents(db: Db, trialId: number): TrialEvent[] {
  return (
    db
      .prepare(
        'SELECT trial_id, attempt, from_state, to_state, reason, at FROM trial_events WHERE trial_id = ? ORDER BY id',
      )
      .all(trialId) as EventRow[]
  ).map(toEvent);
}
