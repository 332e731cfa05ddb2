import { keptIndices } from '@embsweep/core/downsample';
import type { Db } from './open-database.js';

/** Points kept per thumbnail: the dashboard API's default curve resolution. */
export const THUMBNAIL_POINTS = 300;

/** One curve thinned for drawing, with each point's time since its attempt started. */
export interface ThinCurve {
  readonly trialId: number;
  readonly name: string;
  /** Points logged (before thinning). */
  readonly recorded: number;
  readonly steps: Int32Array;
  /** NaN where the value was NaN; infinities as themselves. */
  readonly values: Float64Array;
  /** Seconds from the attempt's start to when the point was recorded. */
  readonly elapsed: Float32Array;
}

type PointRow = [step: number, value: number | null, isNan: number, elapsed: number | null];

// julianday accepts the ISO text the store writes; x 86400 turns days into seconds.
const POINTS_SQL = `SELECT m.step, m.value, m.is_nan, (julianday(m.recorded_at) - julianday(t.started_at)) * 86400.0
   FROM metrics m JOIN trials t ON t.id = m.trial_id
  WHERE m.sweep_id = t.sweep_id AND m.name = ? AND m.trial_id = ? AND m.attempt = ?
  ORDER BY m.step`;

/** One curve of one attempt, every point, thinned to `points` (ThinCurve arrays). */
function readThinCurve(db: Db, trialId: number, attempt: number, name: string, points: number): ThinCurve {
  const rows = db.prepare(POINTS_SQL).raw(true).all(name, trialId, attempt) as PointRow[];
  const values = Float64Array.from(rows, ([, value, isNan]) => (isNan === 1 || value === null ? NaN : value));
  const kept = keptIndices(values, points);
  return {
    trialId,
    name,
    recorded: rows.length,
    steps: Int32Array.from(kept, (i) => rows[i]?.[0] ?? 0),
    values: Float64Array.from(kept, (i) => values[i] ?? NaN),
    elapsed: Float32Array.from(kept, (i) => Math.max(0, rows[i]?.[3] ?? 0)),
  };
}

const bytes = (a: Int32Array | Float64Array | Float32Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Stores the thumbnails of every metric of an attempt that has ended (inside the write transaction). */
export function writeThumbnails(db: Db, trialId: number, attempt: number): void {
  const names = db
    .prepare('SELECT DISTINCT name FROM metrics WHERE trial_id = ? AND attempt = ?')
    .pluck()
    .all(trialId, attempt) as string[];
  const insert = db.prepare(
    'INSERT OR REPLACE INTO curve_thumbnails (trial_id, attempt, name, recorded, steps, vals, elapsed) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const name of names) {
    const c = readThinCurve(db, trialId, attempt, name, THUMBNAIL_POINTS);
    insert.run(trialId, attempt, name, c.recorded, bytes(c.steps), bytes(c.values), bytes(c.elapsed));
  }
}

/** Copies a blob into an aligned typed array (a Buffer from SQLite may start at any byte). */
function decode<T extends Int32Array | Float64Array | Float32Array>(
  blob: Buffer,
  Kind: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
): T {
  const copy = new ArrayBuffer(blob.byteLength);
  new Uint8Array(copy).set(blob);
  return new Kind(copy);
}

/** A thin curve thinned further to `points` (keptIndices on its values). */
export function thinCurve(c: ThinCurve, points: number): ThinCurve {
  if (c.values.length <= points) return c;
  const kept = keptIndices(c.values, points);
  return {
    ...c,
    steps: Int32Array.from(kept, (i) => c.steps[i] ?? 0),
    values: Float64Array.from(kept, (i) => c.values[i] ?? NaN),
    elapsed: Float32Array.from(kept, (i) => c.elapsed[i] ?? 0),
  };
}

/** A thumbnail thinned to `points`: itself when it holds the whole curve or was thinned to as many. */
function thinAgain(c: ThinCurve, points: number): ThinCurve {
  return points >= THUMBNAIL_POINTS ? c : thinCurve(c, points);
}

type ThumbnailRow = [trialId: number, recorded: number, steps: Buffer, vals: Buffer, elapsed: Buffer];

function fromRow(name: string, [trialId, recorded, steps, vals, elapsed]: ThumbnailRow): ThinCurve {
  return {
    trialId,
    name,
    recorded,
    steps: decode(steps, Int32Array),
    values: decode(vals, Float64Array),
    elapsed: decode(elapsed, Float32Array),
  };
}

/**
 * The curves of a sweep's latest attempts for the named metrics, each thinned to at most
 * `points` (see keptIndices), optionally only of some trials. Finished attempts come from their
 * thumbnails when those hold enough points; running ones, and any finished before thumbnails
 * existed, are read point by point. Order: by metric as asked, then by trial id.
 */
export function readThinCurves(
  db: Db,
  sweepId: number,
  names: readonly string[],
  points: number,
  trialIds?: readonly number[],
): ThinCurve[] {
  const wanted = trialIds && new Set(trialIds);
  const trials = (
    db
      .prepare('SELECT id, attempt FROM trials WHERE sweep_id = ? AND epochs_run > 0 ORDER BY id')
      .raw(true)
      .all(sweepId) as [number, number][]
  ).filter(([id]) => wanted === undefined || wanted.has(id));
  const bulk = db
    .prepare(
      `SELECT c.trial_id, c.recorded, c.steps, c.vals, c.elapsed FROM trials t
         JOIN curve_thumbnails c ON c.trial_id = t.id AND c.attempt = t.attempt
        WHERE t.sweep_id = ? AND c.name = ?`,
    )
    .raw(true);
  const one = db
    .prepare(
      'SELECT trial_id, recorded, steps, vals, elapsed FROM curve_thumbnails WHERE trial_id = ? AND attempt = ? AND name = ?',
    )
    .raw(true);
  const out: ThinCurve[] = [];
  for (const name of names) {
    // The whole sweep in one pass; a few trials (a live update) one by one.
    const stored = new Map<number, ThumbnailRow>();
    if (wanted === undefined)
      for (const row of bulk.iterate(sweepId, name) as Iterable<ThumbnailRow>) stored.set(row[0], row);
    for (const [trialId, attempt] of trials) {
      const row =
        wanted === undefined
          ? stored.get(trialId)
          : (one.get(trialId, attempt, name) as ThumbnailRow | undefined);
      // A thumbnail serves when it holds the whole curve or at least as many points as asked.
      const enough = row !== undefined && (row[1] <= THUMBNAIL_POINTS || points <= THUMBNAIL_POINTS);
      const curve = enough
        ? thinAgain(fromRow(name, row), points)
        : readThinCurve(db, trialId, attempt, name, points);
      if (curve.recorded > 0) out.push(curve);
    }
  }
  return out;
}
