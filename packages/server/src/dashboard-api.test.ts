import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ResultsReader, SqliteStore } from '@embsweep/store';
import { contractSpec, makeTempDir, gridPlan } from '@embsweep/store/testing';
import type { CurvesResponse } from './api-types.js';
import { DashboardApi } from './dashboard-api.js';

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
      new DashboardApi(reader).curvesJson('long', { metrics: undefined, points: 200 }),
    ) as CurvesResponse;
    const [thin, kept] = answer.series;
    assert.equal(thin?.recorded, 2000);
    assert.ok(thin.steps.length <= 202 && thin.steps.length >= 100, `${thin?.steps.length} points`);
    assert.ok(thin.values.includes(99), 'the spike survives');
    assert.equal(thin.values.at(-1), null, 'the NaN at the end survives as null');
    assert.deepEqual(kept, {
      trialId: short.id,
      metric: 'val_loss',
      steps: [1, 2],
      values: [0.5, null],
      recorded: 2,
    });
    // An answer has a size limit: with a budget of 100 values for 2 series, 50 points each at most.
    const bounded = JSON.parse(
      new DashboardApi(reader, Date.now, 100).curvesJson('long', { metrics: undefined, points: 5000 }),
    ) as CurvesResponse;
    assert.equal(bounded.points, 50);
    assert.ok((bounded.series[0]?.steps.length ?? 0) <= 52);
    reader.close();
    store.close();
  });
});
