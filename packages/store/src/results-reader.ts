import { NotFoundError, StoreError, closestName, type SweepSpec } from '@embsweep/core';
import { loadMigrations } from './migrations.js';
import { openDatabase, type Db } from './open-database.js';

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
export class ResultsReader {
  private constructor(
    private readonly db: Db,
    readonly path: string,
  ) {}

  static open(path: string): ResultsReader {
    const db = openDatabase(path, { readonly: true });
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
      if (error instanceof StoreError) throw error;
      throw new StoreError(
        'store_failed',
        `${path} is not an embsweep results database (${(error as Error).message})`,
      );
    }
    return new ResultsReader(db, path);
  }

  close(): void {
    this.db.close();
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
    const row = this.db.prepare('SELECT spec_json FROM sweeps WHERE name = ?').get(name) as
      { spec_json: string } | undefined;
    if (row === undefined) {
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
    return JSON.parse(row.spec_json) as SweepSpec;
  }

  /** The trial_summary rows of a sweep, in plan order. */
  trialSummaries(sweep: string): SummaryRow[] {
    this.sweepSpec(sweep);
    return this.db
      .prepare('SELECT * FROM trial_summary WHERE sweep = ? ORDER BY trial_index')
      .all(sweep) as SummaryRow[];
  }

  /** The trials of a sweep with a best value, best first by the sweep's goal (ties: earlier epoch). */
  bestTrials(sweep: string, top: number): SummaryRow[] {
    const spec = this.sweepSpec(sweep);
    const order = spec.metric.goal === 'maximize' ? 'DESC' : 'ASC';
    return this.db
      .prepare(
        `SELECT * FROM trial_summary WHERE sweep = ? AND best_value IS NOT NULL
          ORDER BY best_value ${order}, best_epoch, trial_index LIMIT ?`,
      )
      .all(sweep, top) as SummaryRow[];
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
