import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IllegalTransitionError } from '../errors.js';
import { TRIAL_STATES, assertTransition, canTransition, isFinal } from './trial-state.js';

describe('trial states', () => {
  it('allows the life cycle pending -> running -> completed | failed | pruned | interrupted', () => {
    assert.ok(canTransition('pending', 'running'));
    for (const end of ['completed', 'failed', 'pruned', 'interrupted'] as const)
      assert.ok(canTransition('running', end));
  });

  it('queues failed (retry) and interrupted (resume) trials again, and nothing else', () => {
    assert.ok(canTransition('failed', 'pending'));
    assert.ok(canTransition('interrupted', 'pending'));
    const legal = TRIAL_STATES.flatMap((from) =>
      TRIAL_STATES.filter((to) => canTransition(from, to)).map((to) => `${from}->${to}`),
    );
    assert.deepEqual(legal.sort(), [
      'failed->pending',
      'interrupted->pending',
      'pending->running',
      'running->completed',
      'running->failed',
      'running->interrupted',
      'running->pruned',
    ]);
  });

  it('treats completed and pruned as final', () => {
    assert.deepEqual(TRIAL_STATES.filter(isFinal), ['completed', 'pruned']);
  });

  it('refuses an illegal change with an error that names the legal ones', () => {
    assert.throws(
      () => assertTransition('t1', 'completed', 'running'),
      (e: unknown) =>
        e instanceof IllegalTransitionError && e.code === 'illegal_transition' && /final/.test(e.message),
    );
    assert.throws(() => assertTransition('t1', 'pending', 'completed'), /can go to running/);
  });
});
