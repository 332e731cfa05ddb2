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
  const all: ThinCurve = {
    trialId,
    name,
    recorded: rows.length,
    steps: new Int32Array(rows.length),
    values: new Float64Array(rows.length),
    elapsed: new Float32Array(rows.length),
  };
  rows.forEach(([step, value, isNan, elapsed], i) => {
    all.steps[i] = step;
    all.values[i] = isNan === 1 || value === null ? NaN : value;
    all.elapsed[i] = Math.max(0, elapsed ?? 0);
  });
  return thinCurve(all, points);
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
  return pick(c, keptIndices(c.values, points));
}

/** The points of a curve at `kept` (loops: TypedArray.from with a function is slow in V8). */
function pick(c: ThinCurve, kept: readonly number[]): ThinCurve {
  const n = kept.length;
  const [steps, values, elapsed] = [new Int32Array(n), new Float64Array(n), new Float32Array(n)];
  for (let k = 0; k < n; k++) {
    const i = kept[k] ?? 0;
    steps[k] = c.steps[i] ?? 0;
    values[k] = c.values[i] ?? NaN;
    elapsed[k] = c.elapsed[i] ?? 0;
  }
  return { ...c, steps, values, elapsed };
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

/** How many trials of a sweep (or of `trialIds`) have curves: what a curves answer will hold per metric. */
export function countTrialsWithCurves(db: Db, sweepId: number, trialIds?: readonly number[]): number {
  const ids = db
    .prepare('SELECT id FROM trials WHERE sweep_id = ? AND epochs_run > 0')
    .pluck()
    .all(sweepId) as number[];
  const wanted = trialIds && new Set(trialIds);
  return wanted === undefined ? ids.length : ids.filter((id) => wanted.has(id)).length;
}

/**
 * Decoded thumbnails a long-lived reader keeps (the dashboard server), so a page of ten thousand
 * curves does not read them from the file again on every load. A thumbnail never changes once
 * written: a later point of its attempt deletes it (and the curve is then read point by point),
 * so an entry is found again only while the row is still there with the same point count.
 */
export class ThumbnailCache {
  private readonly entries = new Map<string, ThinCurve>();

  constructor(private readonly capacity = 40_000) {}

  get(key: string): ThinCurve | undefined {
    return this.entries.get(key);
  }

  set(key: string, curve: ThinCurve): void {
    if (this.entries.size >= this.capacity) this.entries.clear(); // crude but bounded
    this.entries.set(key, curve);
  }
}

/**
 * The curves of a sweep's latest attempts for the named metrics, each thinned to at most
 * `points` (see keptIndices), optionally only of some trials. Finished attempts come from their
 * thumbnails when those hold enough points (from `cache` when given); running ones, and any
 * finished before thumbnails existed, are read point by point. Order: by metric as asked, then
 * by trial id.
 */
export function readThinCurves(
  db: Db,
  sweepId: number,
  names: readonly string[],
  points: number,
  trialIds?: readonly number[],
  cache: ThumbnailCache = new ThumbnailCache(),
): ThinCurve[] {
  const wanted = trialIds && new Set(trialIds);
  const trials = (
    db
      .prepare('SELECT id, attempt FROM trials WHERE sweep_id = ? AND epochs_run > 0 ORDER BY id')
      .raw(true)
      .all(sweepId) as [number, number][]
  ).filter(([id]) => wanted === undefined || wanted.has(id));
  // Which thumbnails exist, and of how many points: from an index, without touching the blobs.
  // A sweep's trial ids are one range (trials of other sweeps in it are dropped by attempt below).
  const present = db
    .prepare(
      'SELECT trial_id, attempt, recorded FROM curve_thumbnails WHERE name = ? AND trial_id BETWEEN ? AND ?',
    )
    .raw(true);
  const [first, last] = [trials[0]?.[0] ?? 0, trials.at(-1)?.[0] ?? -1];
  const one = db
    .prepare(
      'SELECT trial_id, recorded, steps, vals, elapsed FROM curve_thumbnails WHERE trial_id = ? AND attempt = ? AND name = ?',
    )
    .raw(true);
  const out: ThinCurve[] = [];
  for (const name of names) {
    const stored = new Map(
      (present.all(name, first, last) as [number, number, number][]).map(([id, attempt, recorded]) => [
        `${id}|${attempt}`,
        recorded,
      ]),
    );
    for (const [trialId, attempt] of trials) {
      const recorded = stored.get(`${trialId}|${attempt}`);
      // A thumbnail serves when it holds the whole curve or at least as many points as asked.
      const serves = recorded !== undefined && (recorded <= THUMBNAIL_POINTS || points <= THUMBNAIL_POINTS);
      const curve = serves
        ? thumbnail(trialId, attempt, name, recorded)
        : readThinCurve(db, trialId, attempt, name, points);
      if (curve.recorded > 0) out.push(curve);
    }
  }
  return out;

  function thumbnail(trialId: number, attempt: number, name: string, recorded: number): ThinCurve {
    // Kept as thinned for this answer: a page asks at the same resolution every time.
    const key = `${trialId}|${attempt}|${name}|${recorded}|${points}`;
    let curve = cache.get(key);
    if (curve === undefined) {
      curve = thinAgain(fromRow(name, one.get(trialId, attempt, name) as ThumbnailRow), points);
      cache.set(key, curve);
    }
    return curve;
  }
}
