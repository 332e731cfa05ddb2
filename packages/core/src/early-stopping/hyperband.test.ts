import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HyperbandSpec, MetricSpec } from '../sweep-spec/sweep-spec.js';
import type { TrialProgress } from './early-stopper.js';
import { HyperbandStopper } from './hyperband.js';
import { hyperbandBands } from './hyperband-bands.js';

const minimize: MetricSpec = { name: 'loss', goal: 'minimize' };

function stopped(spec: Partial<HyperbandSpec>, trials: TrialProgress[], metric = minimize): string[] {
  const stopper = new HyperbandStopper({ type: 'hyperband', eta: 3, strict: true, ...spec }, metric);
  return trials.filter((t) => stopper.decide(t, trials).stop).map((t) => t.id);
}

// The runs of the docstring of hyperband_stop_runs (wandb/sweeps hyperband_stopping.py), with
// max_iter 5, eta 2, s 2 -> bands [1, 2]. Thresholds by the current source (value at index
// band - 1, over runs with at least `band` values, element int(0.5 * n) of the sorted list):
// band 1: [10,10,10,10,10] -> 10; band 2: sorted [6,7,8,9,10] -> 8.
const docstringRuns: TrialProgress[] = [
  { id: 'a', state: 'completed', values: [10, 9] },
  { id: 'b', state: 'running', values: [10, 10] },
  { id: 'c', state: 'running', values: [10, 8, 8] },
  { id: 'd', state: 'running', values: [10, 7, 7] },
  { id: 'e', state: 'completed', values: [10, 6, 6] },
];
const docstringSpec = { max_iter: 5, eta: 2, s: 2 };

describe('hyperbandBands (W&B docs, define-sweep-configuration: brackets)', () => {
  it('max_iter 27, s 2, eta 3 gives [3, 9] (27/eta, 27/eta/eta)', () => {
    assert.deepEqual(hyperbandBands({ max_iter: 27, s: 2, eta: 3 }), [3, 9]);
  });
  it('min_iter 3, eta 3 gives 3, 9, 27, 81, ... (100 bands)', () => {
    const bands = hyperbandBands({ min_iter: 3, eta: 3 });
    assert.deepEqual(bands.slice(0, 4), [3, 9, 27, 81]);
    assert.equal(bands.length, 100);
  });
  it('max_iter 5, s 2, eta 2 gives [1, 2] (5/2 = 2.5 -> 2, 1.25 -> 1, sorted)', () => {
    assert.deepEqual(hyperbandBands(docstringSpec), [1, 2]);
  });
  it('stops at the first band below 1', () => {
    assert.deepEqual(hyperbandBands({ max_iter: 4, s: 5, eta: 2 }), [1, 2]);
  });
});

describe('HyperbandStopper (wandb/sweeps hyperband_stopping.py)', () => {
  it('stops the docstring run b, which is worse than the band-2 threshold (10 > 8)', () => {
    assert.deepEqual(stopped(docstringSpec, docstringRuns), ['b']);
  });

  it('strict judges the value at the band, relaxed the best so far', () => {
    // Adding f [7, 9.5] moves the band-2 threshold to sorted [6,7,8,9,9.5,10][3] = 9.
    const runs: TrialProgress[] = [...docstringRuns, { id: 'f', state: 'running', values: [7, 9.5] }];
    assert.deepEqual(stopped({ ...docstringSpec, strict: true }, runs), ['b', 'f']); // 10 > 9, 9.5 > 9
    assert.deepEqual(stopped({ ...docstringSpec, strict: false }, runs), ['b']); // min 10 > 9; min 7 < 9
  });

  it('negates values when the goal is maximize', () => {
    const negated = docstringRuns.map((t) => ({ ...t, values: t.values.map((v) => -v) }));
    assert.deepEqual(stopped(docstringSpec, negated, { name: 'acc', goal: 'maximize' }), ['b']);
  });

  it('judges running trials only, and only once they reach the first band', () => {
    const runs: TrialProgress[] = [
      { id: 'done', state: 'completed', values: [1, 1, 1] },
      { id: 'bad-but-failed', state: 'failed', values: [50, 50, 50] },
      { id: 'early', state: 'running', values: [40] },
      { id: 'late', state: 'running', values: [40, 40, 40] },
    ];
    // bands [3, 9]; band 3 threshold over [1, 50, 40] sorted [1, 40, 50][int(3/3)=1] = 40: 40 > 40 is false.
    assert.deepEqual(stopped({ max_iter: 27, s: 2 }, runs), []);
    runs.push({ id: 'worse', state: 'running', values: [41, 41, 41] });
    // band 3 values [1, 50, 40, 41] sorted [1, 40, 41, 50][int(4/3)=1] = 40: 41 > 40 stops.
    assert.deepEqual(stopped({ max_iter: 27, s: 2 }, runs), ['worse']);
  });

  it('drops non-finite values before indexing, as metric_history(filter_invalid=True) does', () => {
    const runs: TrialProgress[] = [
      { id: 'good', state: 'completed', values: [1, 1] },
      { id: 'nan-first', state: 'running', values: [NaN, 5, 5] },
    ];
    // band 2 for nan-first is its history [5, 5]: threshold over [1, 5] sorted [1, 5][int(0.5*2)=1] = 5: not > 5.
    assert.deepEqual(stopped(docstringSpec, runs), []);
  });

  it('says why it stopped a trial', () => {
    const stopper = new HyperbandStopper({ type: 'hyperband', ...docstringSpec, strict: true }, minimize);
    const decision = stopper.decide(docstringRuns[1] as TrialProgress, docstringRuns);
    assert.ok(decision.stop);
    assert.match(decision.reason, /band 2 .*loss 10 is worse than the threshold 8/);
  });
});
