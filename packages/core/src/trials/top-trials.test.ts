import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topTrials } from './top-trials.js';

describe('the top K trials', () => {
  it('takes completed trials only, best first by the goal, earlier first on ties', () => {
    const trials = [
      { id: 1, state: 'completed', bestValue: 0.5 },
      { id: 2, state: 'pruned', bestValue: 0.1 },
      { id: 3, state: 'completed', bestValue: 0.3 },
      { id: 4, state: 'completed', bestValue: 0.3 },
      { id: 5, state: 'completed', bestValue: null },
    ];
    assert.deepEqual([...topTrials(trials, 2, 'minimize')], [3, 4]);
    assert.deepEqual([...topTrials(trials, 1, 'maximize')], [1]);
    assert.deepEqual([...topTrials(trials, 0, 'minimize')], []);
  });
});
