import { rmSync, statSync } from 'node:fs';
import type { Curve, SweepRecord, SweepSpec, TrialEvent, TrialRecord } from '@embsweep/core';
// Values from small entry points: `embsweep ls` and the dashboard load no search code.
import { NotFoundError, StoreError } from '@embsweep/core/errors';
import { closestName } from '@embsweep/core/suggest';
import { readMetricNames, readSweepCurves, readTrialCurves } from './curve-queries.js';
import { readTrialFits, type TrialFit } from './trial-fits.js';
import { ThumbnailCache, countTrialsWithCurves, readThinCurves, type ThinCurve } from './curve-thumbnails.js';
import { loadMigrations } from './migrations.js';
import type { Db } from './open-database.js';
import { openForReading } from './open-for-reading.js';
import { translateSqliteError } from './sqlite-errors.js';
import { readSweep, readTrial, readTrialEvents, readTrials } from './record-queries.js';

/** A sweep with its progress, as `embsweep ls` shows it. */
export interface SweepSummary {
  readonly name: string;
  readonly method: string;
  readonly status: string;
  readonly metric: string;
  readonly goal: 'minimize' | 'maximize';
  readonly trials: number;
  readonly pending: number;
  readonly running: number;
  readonly completed: number;
  readonly pruned: number;
  readonly failed: number;
  readonly interrupted: number;
  readonly bestValue: number | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** One row of the trial_summary view, keyed by column name. */
export type SummaryRow = Readonly<Record<string, number | string | null>>;

/**
 * Read-only access to a results database for the CLI (and other readers): a connection that
 * cannot write, queries over the documented views, and clear errors for a missing file, an
 * unknown sweep, or a database from a newer embsweep.
 */
/** An artifact as listed (its content is read with ResultsReader.artifact). */
export interface ArtifactInfo {
  readonly name: string;
  readonly kind: 'json' | 'float32';
  readonly size: number;
  readonly createdAt: string;
}

/** A completed trial's best and final value of one metric (see completedTrialValues). */
export interface CompletedTrialValue {
  readonly trial_id: number;
  readonly trial_index: number;
  readonly config_index: number;
  readonly seed: number;
  readonly params: string;
  readonly best: number | null;
  readonly final: number | null;
}

export class ResultsReader {
  /** The file it opened (device and inode), to notice when it is deleted or replaced. */
  private readonly identity: string | undefined;
  /** Thumbnails already decoded: a dashboard reads the same ones on every page load. */
  private readonly thumbnails = new ThumbnailCache();

  private constructor(
    private readonly db: Db,
    readonly path: string,
    /** The folder of the snapshot copy it reads, when the database's own folder is read-only. */
    private readonly snapshotDir: string | undefined,
  ) {
    this.identity = fileIdentity(path);
  }

  /**
   * Throws StoreError('store_gone') when the database file was deleted or replaced since it
   * was opened: this connection would go on reading the old file without a word.
   */
  assertSameFile(): void {
    const now = fileIdentity(this.path);
    if (now === this.identity) return;
    throw new StoreError(
      'store_gone',
      now === undefined
        ? `the results database ${this.path} was deleted while it was being read; restart the command to read a new one`
        : `the results database ${this.path} was replaced by another file while it was being read; restart the command to read the new one`,
    );
  }

  static open(path: string): ResultsReader {
    const { db, snapshotDir } = openForReading(path);
    try {
      const newest = loadMigrations().at(-1)?.version ?? 0;
      const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
      if ((row.v ?? 0) > newest) {
        throw new StoreError(
          'store_version',
          `${path} was written by a newer embsweep (schema version ${row.v}); upgrade embsweep`,
        );
      }
      if ((row.v ?? 0) < newest) {
        throw new StoreError(
          'store_version',
          `${path} has an older schema (version ${row.v ?? 0}); run any embsweep run on it once to upgrade it`,
        );
      }
    } catch (error) {
      db.close();
      if (snapshotDir !== undefined) rmSync(snapshotDir, { recursive: true, force: true });
      if (error instanceof StoreError) throw error;
      // Only a database without embsweep's tables is "not an embsweep database"; any other
      // failure is said as it is.
      if (/no such table: schema_migrations/.test((error as Error).message)) {
        throw new StoreError(
          'store_failed',
          `${path} is not an embsweep results database (it has no embsweep tables)`,
        );
      }
      throw translateSqliteError(error, path, 'read');
    }
    return new ResultsReader(db, path, snapshotDir);
  }

  /** Whether it reads a snapshot copy (the database's folder is read-only): it will not change. */
  get isSnapshot(): boolean {
    return this.snapshotDir !== undefined;
  }

  close(): void {
    this.db.close();
    if (this.snapshotDir !== undefined) rmSync(this.snapshotDir, { recursive: true, force: true });
  }

  listSweeps(): SweepSummary[] {
    return this.db
      .prepare(
        `SELECT s.name, s.method, s.status, s.metric_name AS metric, s.metric_goal AS goal,
                COUNT(t.id) AS trials,
                COALESCE(SUM(t.state = 'pending'), 0) AS pending, COALESCE(SUM(t.state = 'running'), 0) AS running,
                COALESCE(SUM(t.state = 'completed'), 0) AS completed, COALESCE(SUM(t.state = 'pruned'), 0) AS pruned,
                COALESCE(SUM(t.state = 'failed'), 0) AS failed, COALESCE(SUM(t.state = 'interrupted'), 0) AS interrupted,
                CASE s.metric_goal WHEN 'maximize' THEN MAX(t.best_value) ELSE MIN(t.best_value) END AS bestValue,
                s.created_at AS createdAt, s.finished_at AS finishedAt
           FROM sweeps s LEFT JOIN trials t ON t.sweep_id = s.id
          GROUP BY s.id ORDER BY s.created_at, s.id`,
      )
      .all() as SweepSummary[];
  }

  /** The sweep's spec; NotFoundError naming the closest sweep when there is no such sweep. */
  sweepSpec(name: string): SweepSpec {
    return this.sweep(name).spec;
  }

  /** The sweep of that name; NotFoundError naming the closest sweep when there is none. */
  sweep(name: string): SweepRecord {
    const sweep = readSweep(this.db, name);
    if (sweep === undefined) {
      const names = (
        this.db.prepare('SELECT name FROM sweeps ORDER BY name').all() as { name: string }[]
      ).map((r) => r.name);
      const near = closestName(name, names);
      throw new NotFoundError(
        names.length === 0
          ? `${this.path} has no sweeps yet; run one with "embsweep run <sweep.json>"`
          : `no sweep named "${name}" in ${this.path}${near ? `; did you mean "${near}"?` : ''} (see "embsweep ls")`,
      );
    }
    return sweep;
  }

  /** Every trial of a sweep, in plan order. */
  trials(sweepId: number): TrialRecord[] {
    return readTrials(this.db, sweepId);
  }

  trial(trialId: number): TrialRecord | undefined {
    return readTrial(this.db, trialId);
  }

  /** A trial's state changes with their reasons, oldest first. */
  trialEvents(trialId: number): TrialEvent[] {
    return readTrialEvents(this.db, trialId);
  }

  /** Curves of the latest attempt of every trial of a sweep, for the named metrics. */
  curves(sweepId: number, names: readonly string[]): Curve[] {
    return readSweepCurves(this.db, sweepId, names);
  }

  /** How many trials of a sweep (or of some of its trials) have curves. */
  countTrialsWithCurves(sweepId: number, trialIds?: readonly number[]): number {
    return countTrialsWithCurves(this.db, sweepId, trialIds);
  }

  /** The curves thinned for drawing, from thumbnails where they serve (see readThinCurves). */
  thinCurves(
    sweepId: number,
    names: readonly string[],
    points: number,
    trialIds?: readonly number[],
  ): ThinCurve[] {
    return readThinCurves(this.db, sweepId, names, points, trialIds, this.thumbnails);
  }

  /** Every metric of one trial's latest attempt. */
  trialCurves(trialId: number): Curve[] {
    return readTrialCurves(this.db, trialId);
  }

  /** The metrics recorded for a sweep, sorted by name. */
  metricNames(sweepId: number): string[] {
    return readMetricNames(this.db, sweepId);
  }

  /**
   * A number that changes whenever another connection commits to the database (SQLite's
   * data_version): a cheap way for a live view to know that it should read again.
   */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** The trial_summary rows of a sweep, in plan order. */
  trialSummaries(sweep: string): SummaryRow[] {
    this.sweepSpec(sweep);
    return this.db
      .prepare('SELECT * FROM trial_summary WHERE sweep = ? ORDER BY trial_index')
      .all(sweep) as SummaryRow[];
  }

  /**
   * The trials with the best value of the sweep's metric, best first. Only completed trials by
   * default: a pruned trial's best is from fewer epochs and is not comparable with theirs.
   */
  bestTrials(sweep: string, top: number, options: { readonly includePartial?: boolean } = {}): SummaryRow[] {
    const spec = this.sweepSpec(sweep);
    const order = spec.metric.goal === 'maximize' ? 'DESC' : 'ASC';
    const completed = options.includePartial === true ? '' : "AND state = 'completed'";
    return this.db
      .prepare(
        `SELECT * FROM trial_summary WHERE sweep = ? AND best_value IS NOT NULL ${completed}
          ORDER BY best_value ${order}, best_epoch, trial_index LIMIT ?`,
      )
      .all(sweep, top) as SummaryRow[];
  }

  /**
   * The trials that reached `epoch`, whatever their state, best first by their value of the
   * sweep's metric at that epoch (as `value_at_epoch`): a like-for-like comparison that
   * includes pruned trials, at an epoch every compared trial has run.
   */
  trialsAtEpoch(sweep: string, epoch: number, top: number): SummaryRow[] {
    const spec = this.sweepSpec(sweep);
    const order = spec.metric.goal === 'maximize' ? 'DESC' : 'ASC';
    return this.db
      .prepare(
        `SELECT ts.*, m.value AS value_at_epoch FROM trial_summary ts
           JOIN metrics m ON m.sweep_id = ts.sweep_id AND m.name = ts.metric AND m.trial_id = ts.trial_id
                         AND m.attempt = ts.attempt AND m.step = ? AND m.is_nan = 0
          WHERE ts.sweep = ?
          ORDER BY value_at_epoch ${order}, ts.trial_index LIMIT ?`,
      )
      .all(epoch, sweep, top) as SummaryRow[];
  }

  /**
   * The completed trials of a sweep with their best and final value of `metric` (best by `goal`
   * over the epochs of the latest attempt; final is the last epoch's): what comparing
   * configurations across seeds works from. For the sweep's own metric, best is the trial's
   * recorded best.
   */
  completedTrialValues(sweep: string, metric: string, goal: 'minimize' | 'maximize'): CompletedTrialValue[] {
    const spec = this.sweepSpec(sweep);
    const pick = goal === 'maximize' ? 'MAX' : 'MIN';
    const best =
      metric === spec.metric.name
        ? 'ts.best_value'
        : `(SELECT ${pick}(m.value) FROM metrics m WHERE m.sweep_id = ts.sweep_id AND m.name = @metric
             AND m.trial_id = ts.trial_id AND m.attempt = ts.attempt AND m.is_nan = 0)`;
    return this.db
      .prepare(
        `SELECT ts.trial_id, ts.trial_index, ts.config_index, ts.seed, ts.params, ${best} AS best,
                (SELECT CASE WHEN m.is_nan = 1 THEN NULL ELSE m.value END FROM metrics m
                  WHERE m.sweep_id = ts.sweep_id AND m.name = @metric AND m.trial_id = ts.trial_id
                    AND m.attempt = ts.attempt ORDER BY m.step DESC LIMIT 1) AS final
           FROM trial_summary ts WHERE ts.sweep = @sweep AND ts.state = 'completed' ORDER BY ts.trial_index`,
      )
      .all({ sweep, metric }) as CompletedTrialValue[];
  }

  /**
   * The trial_fit rows of a sweep (the generalization gap and the overfitting flag per trial),
   * with the embedding's effective rank at the best epoch.
   */
  trialFits(sweep: string): TrialFit[] {
    return readTrialFits(this.db, this.sweep(sweep).id);
  }

  /** The artifacts of a trial's latest attempt: name, kind, size in bytes, when recorded. */
  artifacts(trialId: number): ArtifactInfo[] {
    return this.db
      .prepare(
        `SELECT a.name, a.kind, a.size, a.created_at AS createdAt FROM artifacts a
           JOIN trials t ON t.id = a.trial_id AND t.attempt = a.attempt
          WHERE a.trial_id = ? ORDER BY a.name`,
      )
      .all(trialId) as ArtifactInfo[];
  }

  /** The trials of a sweep whose latest attempt left an artifact of this name, in plan order. */
  trialsWithArtifact(
    sweep: string,
    name: string,
  ): { readonly trialId: number; readonly trialIndex: number }[] {
    this.sweepSpec(sweep);
    return this.db
      .prepare(
        `SELECT t.id AS trialId, t.trial_index AS trialIndex FROM artifacts a
           JOIN trials t ON t.id = a.trial_id AND t.attempt = a.attempt
           JOIN sweeps s ON s.id = t.sweep_id
          WHERE s.name = ? AND a.name = ? ORDER BY t.trial_index`,
      )
      .all(sweep, name) as { trialId: number; trialIndex: number }[];
  }

  /** One artifact of a trial's latest attempt, or undefined. */
  artifact(
    trialId: number,
    name: string,
  ): { readonly kind: 'json' | 'float32'; readonly content: Buffer } | undefined {
    const row = this.db
      .prepare(
        `SELECT a.kind, a.content FROM artifacts a JOIN trials t ON t.id = a.trial_id AND t.attempt = a.attempt
          WHERE a.trial_id = ? AND a.name = ?`,
      )
      .get(trialId, name) as { kind: 'json' | 'float32'; content: Buffer | string } | undefined;
    // JSON is stored as text (SQL can read it), float32 as bytes: both come back as bytes.
    return row && { kind: row.kind, content: Buffer.from(row.content) };
  }

  /** Long-form curves of a sweep (the curves view). */
  curveRows(sweep: string): SummaryRow[] {
    this.sweepSpec(sweep);
    return this.db
      .prepare(
        'SELECT trial_id, trial_index, seed, state, metric, epoch, value, is_nan FROM curves WHERE sweep = ? ORDER BY trial_index, metric, epoch',
      )
      .all(sweep) as SummaryRow[];
  }
}

function fileIdentity(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}
