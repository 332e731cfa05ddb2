import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ResultsReader, SqliteStore } from '@embsweep/store';
import { contractSpec, fillSeededDatabase, makeTempDir, gridPlan } from '@embsweep/store/testing';
import type { CurvesResponse } from './api-types.js';
import { decodeCurves } from './curves-binary.js';
import { DashboardApi } from './dashboard-api.js';

const toArrayBuffer = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('DashboardApi curves', () => {
  it('thins long curves to about the chart width, keeping extremes; short ones pass as recorded', () => {
    const path = join(makeTempDir('api'), 'results.db');
    const store = SqliteStore.open(path);
    const spec = contractSpec();
    const sweep = store.openSweep('long', spec, 'h');
    store.addTrials(sweep.id, gridPlan(spec));
    const long = store.claimTrial(sweep.id, { pid: 1, host: 'h' })!;
    const short = store.claimTrial(sweep.id, { pid: 1, host: 'h' })!;
    store.logMetrics(
      Array.from({ length: 2000 }, (_, i) => ({
        trialId: long.id,
        attempt: 1,
        name: 'val_loss',
        step: i + 1,
        value: i === 1234 ? 99 : i === 1999 ? NaN : 1 / (i + 1),
      })),
    );
    store.logMetrics([
      { trialId: short.id, attempt: 1, name: 'val_loss', step: 1, value: 0.5 },
      { trialId: short.id, attempt: 1, name: 'val_loss', step: 2, value: Infinity },
    ]);
    const reader = ResultsReader.open(path);
    const answer = JSON.parse(
      new DashboardApi(reader).curvesJson('long', {
        metrics: undefined,
        points: 200,
        trials: undefined,
        format: 'json',
      }),
    ) as CurvesResponse;
    const [thin, kept] = answer.series;
    assert.equal(thin?.recorded, 2000);
    assert.ok(thin.steps.length <= 202 && thin.steps.length >= 100, `${thin?.steps.length} points`);
    assert.ok(thin.values.includes(99), 'the spike survives');
    assert.equal(thin.values.at(-1), null, 'the NaN at the end survives as null');
    assert.deepEqual(
      { ...kept, elapsed: kept?.elapsed.length },
      {
        trialId: short.id,
        metric: 'val_loss',
        steps: [1, 2],
        values: [0.5, null],
        elapsed: 2,
        recorded: 2,
      },
    );
    // The binary form carries the same curves, as float32; one trial's alone when asked.
    const api = new DashboardApi(reader);
    const query = { metrics: undefined, points: 200, trials: undefined, format: 'binary' } as const;
    const binary = decodeCurves(toArrayBuffer(api.curvesBinary('long', query)));
    assert.equal(binary.points, answer.points);
    assert.deepEqual(
      binary.curves.map((c) => [c.trialId, c.metric, c.recorded, [...c.steps]]),
      answer.series.map((s) => [s.trialId, s.metric, s.recorded, s.steps]),
    );
    binary.curves.forEach((c, k) =>
      c.values.forEach((v, i) => {
        const json = answer.series[k]?.values[i];
        if (json === null || json === undefined) assert.ok(!Number.isFinite(v));
        else assert.equal(v, Math.fround(json));
      }),
    );
    const one = decodeCurves(toArrayBuffer(api.curvesBinary('long', { ...query, trials: [short.id] })));
    assert.deepEqual(
      one.curves.map((c) => [c.trialId, [...c.values]]),
      [[short.id, [0.5, Infinity]]],
    );
    // An answer has a size limit: with a budget of 100 values for 2 series, 50 points each at most.
    const bounded = JSON.parse(
      new DashboardApi(reader, Date.now, 100).curvesJson('long', {
        metrics: undefined,
        points: 5000,
        trials: undefined,
        format: 'json',
      }),
    ) as CurvesResponse;
    assert.equal(bounded.points, 50);
    assert.ok((bounded.series[0]?.steps.length ?? 0) <= 52);
    reader.close();
    store.close();
  });
});

describe('DashboardApi seeds and the generalization gap', () => {
  const path = join(makeTempDir('api-seeded'), 'results.db');
  fillSeededDatabase(path);

  it('compares configurations over completed seeds, with intervals and ties with the best', () => {
    const reader = ResultsReader.open(path);
    const answer = new DashboardApi(reader).configurations('seeded');
    reader.close();
    assert.deepEqual(
      answer.configurations.map((c) => [c.params['dropout'], c.best.n, c.tiedWithBest]),
      [
        [0, 3, true],
        [0.25, 3, true],
        [0.5, 3, false],
      ],
    );
    const first = answer.configurations[0];
    assert.ok(Math.abs((first?.best.mean ?? 0) - 0.41) < 1e-12);
    assert.ok((first?.best.low ?? 0) >= 0.4 - 1e-12 && (first?.best.high ?? 1) <= 0.42 + 1e-12);
    assert.equal(answer.seedsToSeparateTopTwo, 63);
    assert.match(answer.verdict, /top 2 configurations cannot be told apart/);
  });

  it('serves loss_gap (val_loss - loss) as a metric, and each trial fit', () => {
    const reader = ResultsReader.open(path);
    const api = new DashboardApi(reader);
    assert.ok(api.sweep('seeded').metrics.includes('loss_gap'));
    const answer = JSON.parse(
      api.curvesJson('seeded', { metrics: ['loss_gap'], points: 100, trials: undefined, format: 'json' }),
    ) as CurvesResponse;
    const first = answer.series[0];
    // Seed 0 of dropout 0: val_loss 0.5, 0.4, 0.45 against loss 0.5, 0.25, 0.1667.
    assert.equal(first?.metric, 'loss_gap');
    assert.deepEqual(first?.steps, [1, 2, 3]);
    assert.ok(Math.abs((first?.values[1] ?? 0) - 0.15) < 1e-9);
    const fit = api.fit('seeded').trials.find((t) => t.trialId === first?.trialId);
    reader.close();
    assert.equal(fit?.bestEpoch, 2);
    assert.ok(Math.abs((fit?.lossGapAtBest ?? 0) - 0.15) < 1e-9);
    assert.ok(Math.abs((fit?.lossGapAtEnd ?? 0) - (0.45 - 0.5 / 3)) < 1e-9);
    // 0.45 is 12.5% above the minimum 0.4 while loss kept falling: overfitting.
    assert.equal(fit?.overfitting, true);
  });

  it('gives every trial that reached an epoch, pruned ones too, with its value there', () => {
    const reader = ResultsReader.open(path);
    const answer = new DashboardApi(reader).atEpoch('seeded', 2);
    reader.close();
    // 9 completed trials and the pruned one (seed 3 of dropout 0.5, 0.1 at epoch 2).
    assert.equal(answer.trials.length, 10);
    assert.equal(answer.trials[0]?.value, 0.1);
    assert.equal(answer.metric, 'val_loss');
  });
});
