import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateSweep } from '@embsweep/core/sweep-file';
import { leftRunningTrial } from '@embsweep/scheduler/testing';
import { runSummary } from './run-summary.js';

const spec = {
  ...validateSweep({
    method: 'grid',
    dataset: { source: 'synthetic' },
    parameters: { embedding_dim: { values: [4, 8, 16] } },
  }),
  name: 'shared',
};

describe('the summary embsweep run prints at the end', () => {
  it('says that a trial still running belongs to another embsweep run, not that it was not run', () => {
    const trials = [
      leftRunningTrial({
        id: 1,
        index: 0,
        state: 'completed',
        bestValue: 0.3,
        bestEpoch: 2,
        params: { embedding_dim: 4 },
      }),
      leftRunningTrial({
        id: 2,
        index: 1,
        state: 'completed',
        bestValue: 0.2,
        bestEpoch: 3,
        params: { embedding_dim: 8 },
      }),
      leftRunningTrial({ id: 3, index: 2, state: 'running', params: { embedding_dim: 16 } }),
    ];
    const text = runSummary(spec, { status: 'stopped' }, trials);
    assert.match(
      text,
      /2 completed, 0 pruned, 0 failed, 1 still running in another embsweep run on this sweep \(it records their results\), 0 not run, of 3\./,
    );
  });

  it('counts trials that were never created against the plan', () => {
    const trials = [
      leftRunningTrial({ state: 'completed', bestValue: 0.3, bestEpoch: 1, params: { embedding_dim: 4 } }),
    ];
    const text = runSummary(spec, { status: 'finished', reason: 'metric.target 0.5 reached' }, trials);
    assert.match(
      text,
      /finished \(metric\.target 0\.5 reached\): 1 completed, 0 pruned, 0 failed, 2 not run, of 3\./,
    );
    assert.match(text, /Best completed trials by val_loss \(minimize\)/);
  });

  it('with several seeds, lists the best configurations with n and interval, and what the seeds can tell', () => {
    const seeded = { ...spec, seeds: [0, 1, 2] };
    const values: Record<number, number[]> = {
      4: [0.3, 0.31, 0.32],
      8: [0.305, 0.315, 0.325],
      16: [0.5, 0.51, 0.52],
    };
    const trials = Object.entries(values).flatMap(([dim, bests], config) =>
      bests.map((bestValue, seed) =>
        leftRunningTrial({
          id: config * 3 + seed + 1,
          index: config * 3 + seed,
          configIndex: config,
          seed,
          state: 'completed',
          bestValue,
          bestEpoch: 1,
          params: { embedding_dim: Number(dim) },
        }),
      ),
    );
    const text = runSummary(seeded, { status: 'finished' }, trials);
    assert.match(text, /Best configurations by val_loss \(minimize\), mean over completed seeds:/);
    assert.match(text, /\n +1 +4 +3 +0\.31 +0\.3 \.\. 0\.32 /);
    assert.match(text, /The top 2 configurations cannot be told apart with 3 seeds each/);
    assert.doesNotMatch(text, /Best completed trials/);
  });
});
