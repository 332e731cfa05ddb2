import type { MetricPoint } from '@embsweep/core';
import { NotFoundError } from '@embsweep/core/errors';
import type Database from 'better-sqlite3';
import {
  INSERT_CHUNK,
  NONE_REPLACED,
  isBetter,
  prepareStatements,
  type BatchSummary,
} from './metric-batch.js';
import type { Db } from './open-database.js';

const now = () => new Date().toISOString();

interface TrialMetricInfo {
  readonly sweepId: number;
  readonly metric: string;
  readonly goal: 'minimize' | 'maximize';
}

/**
 * The write side of metric points for SqliteStore: stores a batch with multi-row inserts in
 * key order, and keeps each trial's best value of its sweep's metric (by the goal) and epochs
 * run up to date, folding the batch in or, when points were written again, recomputing them.
 * Callers run it inside the store's write transaction.
 */
export class MetricWriter {
  /** Each trial's sweep, metric and goal; forget() after a sweep's metric changes. */
  private readonly trialInfo = new Map<number, TrialMetricInfo>();
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly insertStatements = new Map<number, Database.Statement>();

  constructor(private readonly db: Db) {
    this.statements = prepareStatements(db);
  }

  /** Drops what is cached of every trial's metric (after Store.changeMetric). */
  forget(): void {
    this.trialInfo.clear();
  }

  /** Writes a batch; call inside the store's write transaction. */
  write(points: readonly MetricPoint[]): void {
    if (points.length === 0) return;
    // Insert in key order: neighbouring B-tree pages, fewer page writes per commit.
    const sorted = [...points].sort(
      (a, b) =>
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        a.trialId - b.trialId ||
        a.attempt - b.attempt ||
        a.step - b.step,
    );
    const at = now();
    const summaries = new Map<number, BatchSummary>();
    for (let i = 0; i < sorted.length; i += INSERT_CHUNK) {
      const chunk = sorted.slice(i, i + INSERT_CHUNK);
      const params: (number | string | null)[] = [];
      for (const p of chunk) {
        const nan = Number.isNaN(p.value);
        params.push(
          this.metricInfo(p.trialId).sweepId,
          p.name,
          p.trialId,
          p.attempt,
          p.step,
          nan ? null : p.value,
          nan ? 1 : 0,
          at,
        );
      }
      // One multi-row statement per chunk; points that already existed are skipped by it.
      const inserted = this.insertRows(chunk.length).run(...params).changes;
      const replaced = inserted === chunk.length ? NONE_REPLACED : this.overwriteChunk(chunk, at);
      for (const p of chunk) this.summarize(summaries, p, replaced.has(p));
    }
    for (const [trialId, summary] of summaries) {
      if (summary.replaced) this.recomputeSummary(trialId, summary.attempt);
      else this.mergeSummary(trialId, summary);
      // Points written after an attempt ended make its thumbnails stale (curve-thumbnails.ts).
      this.statements.dropThumbnails.run(trialId, summary.attempt);
    }
  }

  /** The prepared multi-row INSERT OR IGNORE for `rows` points (a handful of sizes get cached). */
  private insertRows(rows: number) {
    let statement = this.insertStatements.get(rows);
    if (statement === undefined) {
      statement = this.db.prepare(
        `INSERT OR IGNORE INTO metrics (sweep_id, name, trial_id, attempt, step, value, is_nan, recorded_at) VALUES ${Array<string>(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
      this.insertStatements.set(rows, statement);
    }
    return statement;
  }

  /**
   * The rare path, when some points of a chunk were already stored (a repeated report, or the
   * same key twice in one batch): write every point of the chunk again, in batch order, so the
   * last write wins; the trials involved get their summaries recomputed.
   */
  private overwriteChunk(chunk: readonly MetricPoint[], at: string): Set<MetricPoint> {
    for (const p of chunk) {
      const nan = Number.isNaN(p.value);
      this.statements.replacePoint.run(
        nan ? null : p.value,
        nan ? 1 : 0,
        at,
        this.metricInfo(p.trialId).sweepId,
        p.name,
        p.trialId,
        p.attempt,
        p.step,
      );
    }
    return new Set(chunk);
  }

  private summarize(summaries: Map<number, BatchSummary>, p: MetricPoint, replaced: boolean): void {
    const info = this.metricInfo(p.trialId);
    let summary = summaries.get(p.trialId);
    if (summary === undefined || summary.attempt !== p.attempt) {
      summary = { attempt: p.attempt, maxStep: 0, best: undefined, replaced: false };
      summaries.set(p.trialId, summary);
    }
    summary.replaced ||= replaced;
    summary.maxStep = Math.max(summary.maxStep, p.step);
    if (
      p.name === info.metric &&
      Number.isFinite(p.value) &&
      isBetter(p.value, p.step, summary.best, info.goal)
    ) {
      summary.best = { value: p.value, step: p.step };
    }
  }

  /** Folds a batch's best value and last epoch into the trial's row, in one statement. */
  private mergeSummary(trialId: number, summary: BatchSummary): void {
    const merge =
      this.metricInfo(trialId).goal === 'maximize' ? this.statements.mergeMax : this.statements.mergeMin;
    merge.run({
      value: summary.best?.value ?? null,
      step: summary.best?.step ?? null,
      last: summary.maxStep,
      id: trialId,
      attempt: summary.attempt,
    });
  }

  /** Recomputes best value (finite values only, by the sweep's goal) and epochs run from the points. */
  recomputeSummary(trialId: number, attempt: number): void {
    const info = this.metricInfo(trialId);
    const best = (info.goal === 'maximize' ? this.statements.bestMax : this.statements.bestMin).get(
      info.sweepId,
      info.metric,
      trialId,
      attempt,
    ) as { step: number; value: number } | undefined;
    const epochs = this.statements.lastStep.get(trialId, attempt) as { n: number | null };
    this.statements.updateSummaryOfAttempt.run(
      best?.value ?? null,
      best?.step ?? null,
      epochs.n ?? 0,
      trialId,
      attempt,
    );
  }

  private metricInfo(trialId: number): TrialMetricInfo {
    let info = this.trialInfo.get(trialId);
    if (info === undefined) {
      const row = this.db
        .prepare(
          `SELECT t.sweep_id AS sweepId, s.metric_name AS metric, s.metric_goal AS goal
             FROM trials t JOIN sweeps s ON s.id = t.sweep_id WHERE t.id = ?`,
        )
        .get(trialId) as TrialMetricInfo | undefined;
      if (row === undefined) throw new NotFoundError(`no trial with id ${trialId} to log metrics for`);
      info = row;
      this.trialInfo.set(trialId, info);
    }
    return info;
  }
}
