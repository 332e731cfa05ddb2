import {
  ConfigError,
  NotFoundError,
  TRAINER_METRICS,
  describeSmallestSufficient,
  smallestSufficient,
  topTrials,
  type TrialRecord,
} from '@embsweep/core';
import { compareSweep, sweepImportance, type ResultsReader, type ThinCurve } from '@embsweep/store';
import type {
  ImportanceResponse,
  ArtifactsResponse,
  AtEpochResponse,
  ConfigurationsResponse,
  CurvesResponse,
  FitResponse,
  Series,
  SweepResponse,
  SweepsResponse,
  TrialResponse,
  TrialsResponse,
} from './api-types.js';

import { AnswerMemo } from './answer-memo.js';
import { encodeCurves } from './curves-binary.js';
import { GAP_METRICS, gapCurves, gapMetricsFor } from './gap-curves.js';
import type { CurveQuery, TrialQuery } from './request-params.js';
import { comparator, parameterSummaries, toRow, valueText } from './trial-rows.js';

/**
 * What the dashboard asks of the results database, independent of the web framework: the
 * express routes only translate requests into these calls and their answers into JSON. Reads
 * only; every answer reflects the database at the time of the call.
 */
export class DashboardApi {
  /** Answers that cost a pass over a sweep, kept until the database changes. */
  private readonly memo: AnswerMemo;

  constructor(
    private readonly reader: ResultsReader,
    private readonly now: () => number = Date.now,
    /**
     * Most values one curves answer carries (about 10 bytes of JSON each): with many trials
     * the points per series are lowered to fit, and the answer says so in `points`.
     */
    private readonly maxValues = 500_000,
  ) {
    this.memo = new AnswerMemo(() => reader.dataVersion());
  }

  sweeps(): SweepsResponse {
    return { sweeps: this.reader.listSweeps() };
  }

  sweep(name: string): SweepResponse {
    const record = this.reader.sweep(name);
    const summary = this.reader.listSweeps().find((s) => s.name === name);
    if (summary === undefined) throw new NotFoundError(`no sweep named "${name}"`);
    return {
      sweep: { ...summary, description: record.spec.description ?? null, seeds: record.spec.seeds },
      metrics: withGaps(this.reader.metricNames(record.id)),
      parameters: parameterSummaries(this.reader.trials(record.id), Object.keys(record.spec.parameters)),
      // The description is in `sweep` already: not sent twice.
      spec: { ...record.spec, description: undefined },
    };
  }

  trials(name: string, query: TrialQuery): TrialsResponse {
    const record = this.reader.sweep(name);
    const now = this.now();
    const all = this.reader.trials(record.id);
    const top = query.top > 0 ? topTrials(all, query.top, record.spec.metric.goal) : undefined;
    const rows = all
      .filter((t) => top === undefined || top.has(t.id))
      .filter((t) => query.states === undefined || query.states.includes(t.state))
      .filter((t) => [...query.params].every(([param, accepted]) => accepted.has(valueText(t.params[param]))))
      .map((t) => toRow(t, now));
    rows.sort(comparator(query.sort, query.order));
    return {
      total: rows.length,
      offset: query.offset,
      limit: query.limit,
      trials: rows.slice(query.offset, query.offset + query.limit),
    };
  }

  /**
   * The curves of a sweep (or of some of its trials: a live page asks only for those that
   * changed) for the asked metrics, thinned to `points` each and fewer when many curves would
   * make the answer bigger than `maxValues` values (`points` in the answer says how many).
   */
  curves(name: string, query: CurveQuery): { metrics: string[]; points: number; curves: ThinCurve[] } {
    const record = this.reader.sweep(name);
    const recorded = withGaps(this.reader.metricNames(record.id));
    const metrics = [...(query.metrics ?? [record.spec.metric.name])];
    const known = new Set([...recorded, ...TRAINER_METRICS, record.spec.metric.name]);
    const unknown = metrics.filter((m) => !known.has(m));
    if (unknown.length > 0) {
      throw new ConfigError(
        unknown.map((m) => ({
          path: 'metrics',
          message: `"${m}" is not recorded for this sweep; recorded: ${recorded.join(', ') || 'none yet'}`,
        })),
        'The request is not valid',
      );
    }
    // Fewer points per curve when many curves would make the answer too big.
    const curves = this.reader.countTrialsWithCurves(record.id, query.trials) * metrics.length;
    const points = Math.max(10, Math.min(query.points, Math.floor(this.maxValues / Math.max(1, curves))));
    return {
      metrics,
      points,
      curves: [
        ...this.reader.thinCurves(
          record.id,
          metrics.filter((m) => !(m in GAP_METRICS)),
          points,
          query.trials,
        ),
        ...metrics
          .filter((m) => m in GAP_METRICS)
          .flatMap((m) => gapCurves(this.reader, record.id, m, points, query.trials)),
      ],
    };
  }

  /** The curves answer (a CurvesResponse) as JSON text. */
  curvesJson(name: string, query: CurveQuery): string {
    const { metrics, points, curves } = this.curves(name, query);
    const response: CurvesResponse = { metrics, points, series: curves.map(toSeries) };
    return JSON.stringify(response);
  }

  /** The same answer in the binary form the dashboard draws from (curves-binary.ts). */
  curvesBinary(name: string, query: CurveQuery): Uint8Array {
    const { metrics, points, curves } = this.curves(name, query);
    return encodeCurves(metrics, points, curves);
  }

  /** PED-ANOVA importance of the parameters the sweep varies (see sweepImportance). */
  importance(name: string): ImportanceResponse {
    return this.memo.get(`importance|${name}`, () => this.computeImportance(name));
  }

  private computeImportance(name: string): ImportanceResponse {
    const { trials, importance } = sweepImportance(this.reader, name);
    return {
      trials,
      importance: Object.entries(importance).map(([parameter, value]) => ({ parameter, importance: value })),
    };
  }

  /** The sweep's configurations compared across their completed seeds (see compareConfigurations). */
  configurations(name: string): ConfigurationsResponse {
    return this.memo.get(`configurations|${name}`, () => this.computeConfigurations(name));
  }

  private computeConfigurations(name: string): ConfigurationsResponse {
    const spec = this.reader.sweepSpec(name);
    const comparison = compareSweep(this.reader, name);
    const sufficient = smallestSufficient(comparison);
    const summary = (v: (typeof comparison.configurations)[number]['best']) => ({
      n: v.n,
      mean: finite(v.mean),
      sd: finite(v.sd),
      iqm: finite(v.iqm),
      low: finite(v.interval.low),
      high: finite(v.interval.high),
    });
    return {
      metric: spec.metric.name,
      goal: spec.metric.goal,
      configurations: comparison.configurations.map((c) => ({
        configIndex: c.configIndex,
        params: c.params,
        seeds: c.seeds,
        best: summary(c.best),
        final: summary(c.final),
        enoughSeeds: c.enoughSeeds,
        pBetterThanNext: c.pBetterThanNext ?? null,
        pValueVsNext: c.pValueVsNext ?? null,
        tiedWithBest: c.tiedWithBest,
      })),
      seedsToSeparateTopTwo: finite(comparison.seedsToSeparateTopTwo ?? NaN),
      verdict: comparison.verdict,
      smallestSufficient: sufficient
        ? { value: sufficient.value, basis: sufficient.basis, text: describeSmallestSufficient(sufficient) }
        : null,
    };
  }

  /**
   * The value of the sweep's metric at `epoch` for every trial that reached it, whatever its
   * state: a like-for-like comparison that can include pruned trials.
   */
  atEpoch(name: string, epoch: number): AtEpochResponse {
    const spec = this.reader.sweepSpec(name);
    return {
      epoch,
      metric: spec.metric.name,
      trials: this.reader
        .trialsAtEpoch(name, epoch, Number.MAX_SAFE_INTEGER)
        .map((r) => ({ trialId: Number(r['trial_id']), value: Number(r['value_at_epoch']) })),
    };
  }

  /** The artifacts a trial left (nearest neighbours, a saved embedding): names, kinds, sizes. */
  artifacts(name: string, trialId: number): ArtifactsResponse {
    this.trialOf(name, trialId);
    return { artifacts: this.reader.artifacts(trialId) };
  }

  /** One artifact's content: JSON text, or the float32 bytes. */
  artifact(
    name: string,
    trialId: number,
    artifact: string,
  ): { readonly kind: 'json' | 'float32'; readonly content: Buffer } {
    this.trialOf(name, trialId);
    const found = this.reader.artifact(trialId, artifact);
    if (found === undefined)
      throw new NotFoundError(`trial ${trialId} of sweep "${name}" has no artifact "${artifact}"`);
    return found;
  }

  private trialOf(name: string, trialId: number): TrialRecord {
    const record = this.reader.sweep(name);
    const trial = this.reader.trial(trialId);
    if (trial === undefined || trial.sweepId !== record.id)
      throw new NotFoundError(`sweep "${name}" has no trial with id ${trialId}`);
    return trial;
  }

  /** Each trial's generalization gap at its best epoch and at its end, and whether it overfitted. */
  fit(name: string): FitResponse {
    return this.memo.get(`fit|${name}`, () => this.computeFit(name));
  }

  private computeFit(name: string): FitResponse {
    return {
      trials: this.reader.trialFits(name).map((f) => ({
        trialId: f.trial_id,
        bestEpoch: f.best_epoch,
        lossGapAtBest: f.loss_gap_at_best,
        accGapAtBest: f.acc_gap_at_best,
        lossGapAtEnd: f.loss_gap_at_end,
        accGapAtEnd: f.acc_gap_at_end,
        minValLossEpoch: f.min_val_loss_epoch,
        overfitting: f.overfitting === null ? null : f.overfitting === 1,
        effectiveRankAtBest: f.effective_rank_at_best,
      })),
    };
  }

  trial(name: string, trialId: number, points: number): TrialResponse {
    const record = this.reader.sweep(name);
    const trial = this.reader.trial(trialId);
    if (trial === undefined || trial.sweepId !== record.id) {
      throw new NotFoundError(`sweep "${name}" has no trial with id ${trialId}`);
    }
    return {
      trial: {
        ...toRow(trial, this.now()),
        cellId: trial.cellId,
        backend: trial.backend,
        versions: trial.versions,
        workerPid: trial.workerPid,
        workerId: trial.workerId,
        workerHost: trial.workerHost,
        heartbeatAt: trial.heartbeatAt,
        createdAt: trial.createdAt,
      },
      sweep: { name: record.name, metric: record.spec.metric.name, goal: record.spec.metric.goal },
      events: this.reader.trialEvents(trialId),
      series: this.reader
        .thinCurves(record.id, this.reader.metricNames(record.id), points, [trialId])
        .map(toSeries),
    };
  }
}

/** Recorded metrics and the gap metrics derived from them, sorted by name. */
function withGaps(recorded: readonly string[]): string[] {
  return [...recorded, ...gapMetricsFor(recorded)].sort();
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** A thin curve as JSON: null for NaN and infinities (JSON has neither), times to the millisecond. */
function toSeries(curve: ThinCurve): Series {
  return {
    trialId: curve.trialId,
    metric: curve.name,
    steps: Array.from(curve.steps),
    values: Array.from(curve.values, (v) => (Number.isFinite(v) ? v : null)),
    elapsed: Array.from(curve.elapsed, (t) => Math.round(t * 1000) / 1000),
    recorded: curve.recorded,
  };
}
