import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TrialRecord } from '@embsweep/core';
import { statusText } from './live-status.js';

const trial = (id: number, state: TrialRecord['state'], bestValue: number | null = null) =>
  ({ id, index: id - 1, state, bestValue }) as TrialRecord;

describe('the live status line', () => {
  it('shows progress, the running trials with their epoch and metric, the best so far, and the ETA', () => {
    const trials = [
      trial(1, 'completed', 0.42),
      trial(2, 'pruned', 0.6),
      trial(3, 'running'),
      trial(4, 'running'),
      trial(5, 'pending'),
      trial(6, 'failed'),
    ];
    const text = statusText(
      trials,
      new Map([[3, { epoch: 4, value: 0.51234 }]]),
      'val_loss',
      'minimize',
      30_000,
    );
    assert.equal(
      text,
      '3/6 done (1 ok, 1 pruned, 1 failed), 1 pending | running: #3 ep 4 0.512, #4 starting | best val_loss 0.4200 | 00:30 elapsed, ETA 00:30',
    );
  });

  it("says on which machine a trial runs when it is not the scheduler's", () => {
    const remote = { ...trial(2, 'running'), workerHost: 'gpu-box' } as TrialRecord;
    const local = { ...trial(3, 'running'), workerHost: 'laptop' } as TrialRecord;
    const text = statusText(
      [remote, local],
      new Map([[2, { epoch: 1, value: 0.5 }]]),
      'val_loss',
      'minimize',
      0,
      'laptop',
    );
    assert.match(text, /running: #2@gpu-box ep 1 0\.500, #3 starting \|/);
  });
});
