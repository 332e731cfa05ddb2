import { EmbsweepError, NotFoundError } from '@embsweep/core/errors';
import { assertTransition } from '@embsweep/core/trial-state';
import type {
  Artifact,
  Claimant,
  Curve,
  NewTrial,
  MetricPoint,
  PlannedTrial,
  Store,
  SweepRecord,
  SweepSpec,
  SweepStatus,
  TrialEvent,
  TrialRecord,
  TrialRuntime,
  TrialState,
} from '@embsweep/core';
import { migrate } from './migrations.js';
import { openDatabase, type Db } from './open-database.js';
import { translateSqliteError } from './sqlite-errors.js';
import { readSweepCurves, readTrialCurves } from './curve-queries.js';
import { writeThumbnails } from './curve-thumbnails.js';
import { readSweep, readSweeps, readTrial, readTrialEvents, readTrials } from './record-queries.js';
import { MetricWriter } from './metric-writer.js';

/** The largest artifact stored (an embedding of 100,000 words x 300 dims is 120 MB). */
export const MAX_ARTIFACT_BYTES = 128 * 1024 * 1024;

const now = () => new Date().toISOString();

/**
 * The Store on one SQLite file (or `:memory:`). The scheduler is its only writer; readers
 * (dashboard, CLI) open their own connections. Every write is one BEGIN IMMEDIATE
 * transaction, so it takes the write lock up front rather than failing with SQLITE_BUSY when
 * a read upgrades, and two schedulers never claim the same trial.
 */
export class SqliteStore implements Store {
  private readonly db: Db;
  private readonly metrics: MetricWriter;

  private constructor(
    db: Db,
    /** The database file, for messages. */
    readonly path: string,
  ) {
    this.db = db;
    this.metrics = new MetricWriter(db);
  }

  /** Opens (creating and migrating as needed) the database at `path`. */
  static open(path: string): SqliteStore {
    const db = openDatabase(path);
    try {
      migrate(db, path);
    } catch (error) {
      db.close();
      throw translateSqliteError(error, path);
    }
    return new SqliteStore(db, path);
  }

  close(): void {
    this.db.close();
  }

  /** Runs `work` in one BEGIN IMMEDIATE transaction, turning SQLite errors into StoreErrors. */
  private write<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (error) {
      throw translateSqliteError(error, this.path);
    }
  }

  // --- sweeps -------------------------------------------------------------------------------

  openSweep(name: string, spec: SweepSpec, specHash: string): SweepRecord {
    return this.write(() => {
      const existing = this.getSweep(name);
      if (existing) return existing;
      const at = now();
      this.db
        .prepare(
          `INSERT INTO sweeps (name, method, metric_name, metric_goal, spec_json, spec_hash, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
        )
        .run(name, spec.method, spec.metric.name, spec.metric.goal, JSON.stringify(spec), specHash, at, at);
      return this.getSweep(name) as SweepRecord;
    });
  }

  getSweep(name: string): SweepRecord | undefined {
    return readSweep(this.db, name);
  }

  listSweeps(): SweepRecord[] {
    return readSweeps(this.db);
  }

  changeMetric(sweepId: number, spec: SweepSpec): void {
    this.write(() => {
      const result = this.db
        .prepare(
          'UPDATE sweeps SET metric_name = ?, metric_goal = ?, spec_json = ?, updated_at = ? WHERE id = ?',
        )
        .run(spec.metric.name, spec.metric.goal, JSON.stringify(spec), now(), sweepId);
      if (result.changes === 0) throw new NotFoundError(`no sweep with id ${sweepId}`);
      this.metrics.forget(); // it caches each trial's metric and goal
      for (const trial of readTrials(this.db, sweepId))
        this.metrics.recomputeSummary(trial.id, trial.attempt);
    });
  }

  setSweepStatus(sweepId: number, status: SweepStatus, reason?: string): void {
    this.write(() => {
      const at = now();
      const result = this.db
        .prepare(
          'UPDATE sweeps SET status = ?, status_reason = ?, updated_at = ?, finished_at = ? WHERE id = ?',
        )
        .run(status, reason ?? null, at, status === 'running' ? null : at, sweepId);
      if (result.changes === 0) throw new NotFoundError(`no sweep with id ${sweepId}`);
    });
  }

  // --- trials -------------------------------------------------------------------------------

  addTrials(sweepId: number, trials: readonly PlannedTrial[]): void {
    this.write(() => {
      const at = now();
      const insert = this.db.prepare(
        `INSERT INTO trials (sweep_id, trial_index, config_index, cell_id, params_json, seed, state, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING`,
      );
      for (const t of trials) {
        const result = insert.run(
          sweepId,
          t.index,
          t.configIndex,
          t.cellId,
          JSON.stringify(t.params),
          t.seed,
          at,
        );
        if (result.changes === 1)
          this.recordEvent(Number(result.lastInsertRowid), 0, null, 'pending', 'planned', at);
      }
    });
  }

  claimTrial(sweepId: number, claimant: Claimant): TrialRecord | undefined {
    return this.write(() => {
      const next = this.db
        .prepare(
          `SELECT id FROM trials WHERE sweep_id = ? AND state = 'pending' ORDER BY trial_index LIMIT 1`,
        )
        .get(sweepId) as { id: number } | undefined;
      return next === undefined ? undefined : this.claim(next.id, claimant);
    });
  }

  proposeTrial(
    sweepId: number,
    knownTrials: number,
    propose: (unseen: readonly TrialRecord[]) => NewTrial | undefined,
    claimant: Claimant,
  ): TrialRecord | undefined {
    return this.write(() => {
      const unseen = readTrials(this.db, sweepId, knownTrials);
      const trial = propose(unseen);
      if (trial === undefined) return undefined;
      const { next } = this.db
        .prepare('SELECT COALESCE(MAX(trial_index) + 1, 0) AS next FROM trials WHERE sweep_id = ?')
        .get(sweepId) as { next: number };
      const at = now();
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO trials (sweep_id, trial_index, config_index, cell_id, params_json, seed, state, created_at)
             VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`,
          )
          .run(sweepId, next, trial.configIndex, trial.cellId, JSON.stringify(trial.params), trial.seed, at)
          .lastInsertRowid,
      );
      this.recordEvent(id, 0, null, 'pending', 'proposed', at);
      return this.claim(id, claimant);
    });
  }

  /** Marks a pending trial running with a new attempt; call inside a write transaction. */
  private claim(trialId: number, claimant: Claimant): TrialRecord {
    const at = now();
    this.db
      .prepare(
        `UPDATE trials SET state = 'running', attempt = attempt + 1, scheduler_pid = ?, scheduler_host = ?,
           worker_pid = NULL, worker_id = NULL, worker_host = NULL,
           started_at = ?, heartbeat_at = ?, finished_at = NULL, error_code = NULL, error_message = NULL,
           best_value = NULL, best_epoch = NULL, epochs_run = 0, backend = NULL, versions_json = NULL
         WHERE id = ?`,
      )
      .run(claimant.pid, claimant.host, at, at, trialId);
    const trial = this.requireTrial(trialId);
    this.recordEvent(
      trial.id,
      trial.attempt,
      'pending',
      'running',
      `claimed by pid ${claimant.pid} on ${claimant.host}`,
      at,
    );
    return trial;
  }

  transitionTrial(
    trialId: number,
    to: TrialState,
    outcome: { readonly reason: string; readonly errorCode?: string; readonly errorMessage?: string },
  ): TrialRecord {
    return this.write(() => {
      const trial = this.requireTrial(trialId);
      assertTransition(String(trialId), trial.state, to);
      const at = now();
      if (to === 'pending') {
        // Queued again (retry, resume): the next claim starts a new attempt.
        this.db
          .prepare(
            `UPDATE trials SET state = 'pending', scheduler_pid = NULL, scheduler_host = NULL, worker_pid = NULL,
               worker_id = NULL, worker_host = NULL, heartbeat_at = NULL WHERE id = ?`,
          )
          .run(trialId);
      } else {
        this.db
          .prepare(
            'UPDATE trials SET state = ?, finished_at = ?, error_code = ?, error_message = ? WHERE id = ?',
          )
          .run(to, at, outcome.errorCode ?? null, outcome.errorMessage ?? null, trialId);
        // Leaving running ends the attempt: its curves are thinned once, for the dashboard.
        if (trial.state === 'running') writeThumbnails(this.db, trialId, trial.attempt);
      }
      this.recordEvent(trialId, trial.attempt, trial.state, to, outcome.reason, at);
      return this.requireTrial(trialId);
    });
  }

  setTrialRuntime(trialId: number, runtime: TrialRuntime): void {
    this.write(() => {
      this.db
        .prepare(
          'UPDATE trials SET backend = ?, versions_json = ?, worker_host = ?, worker_id = ?, worker_pid = ? WHERE id = ?',
        )
        .run(
          runtime.backend,
          JSON.stringify(runtime.versions),
          runtime.host,
          runtime.workerId,
          runtime.pid ?? null,
          trialId,
        );
    });
  }

  heartbeat(trialId: number): void {
    this.write(() => {
      this.db.prepare('UPDATE trials SET heartbeat_at = ? WHERE id = ?').run(now(), trialId);
    });
  }

  getTrial(trialId: number): TrialRecord | undefined {
    return readTrial(this.db, trialId);
  }

  listTrials(sweepId: number): TrialRecord[] {
    return readTrials(this.db, sweepId);
  }

  trialEvents(trialId: number): TrialEvent[] {
    return readTrialEvents(this.db, trialId);
  }

  private requireTrial(trialId: number): TrialRecord {
    const trial = this.getTrial(trialId);
    if (trial === undefined) throw new NotFoundError(`no trial with id ${trialId}`);
    return trial;
  }

  private recordEvent(
    trialId: number,
    attempt: number,
    from: TrialState | null,
    to: TrialState,
    reason: string,
    at: string,
  ) {
    this.db
      .prepare(
        'INSERT INTO trial_events (trial_id, attempt, from_state, to_state, reason, at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(trialId, attempt, from, to, reason, at);
  }

  // --- metrics ------------------------------------------------------------------------------

  logMetrics(points: readonly MetricPoint[]): void {
    if (points.length > 0) this.write(() => this.metrics.write(points));
  }

  curves(sweepId: number, names: readonly string[]): Curve[] {
    return readSweepCurves(this.db, sweepId, names);
  }

  trialCurves(trialId: number): Curve[] {
    return readTrialCurves(this.db, trialId);
  }

  // --- artifacts ----------------------------------------------------------------------------

  saveArtifacts(trialId: number, attempt: number, artifacts: readonly Artifact[]): void {
    const rows = artifacts.map((a) => ({ ...a, bytes: artifactBytes(a) }));
    const big = rows.find((r) => r.bytes.byteLength > MAX_ARTIFACT_BYTES);
    if (big !== undefined)
      throw new EmbsweepError(
        'artifact_too_large',
        `the artifact "${big.name}" of trial ${trialId} takes ${(big.bytes.byteLength / 1e6).toFixed(0)} MB, over the ${MAX_ARTIFACT_BYTES / 1024 / 1024} MiB limit; lower vocab_size or embedding_dim, or set save_embeddings to "none"`,
      );
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO artifacts (sweep_id, trial_id, attempt, name, kind, size, content, created_at)
       SELECT sweep_id, id, ?, ?, ?, ?, ?, ? FROM trials WHERE id = ?`,
    );
    const now = new Date().toISOString();
    this.write(() => {
      // JSON is stored as text, so SQL can read it (json_extract); float32 as its bytes.
      for (const r of rows)
        insert.run(
          attempt,
          r.name,
          r.kind,
          r.bytes.byteLength,
          r.kind === 'json' ? r.data : r.bytes,
          now,
          trialId,
        );
    });
  }

  deleteArtifacts(sweepId: number, names: readonly string[], exceptTrialId: number): void {
    const remove = this.db.prepare('DELETE FROM artifacts WHERE sweep_id = ? AND name = ? AND trial_id != ?');
    this.write(() => {
      for (const name of names) remove.run(sweepId, name, exceptTrialId);
    });
  }
}

/** JSON as its UTF-8 text; float32 as its bytes (sent base64-encoded). */
function artifactBytes(artifact: Artifact): Buffer {
  return artifact.kind === 'json' ? Buffer.from(artifact.data, 'utf8') : Buffer.from(artifact.data, 'base64');
}
