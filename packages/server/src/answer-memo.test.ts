import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnswerMemo } from './answer-memo.js';

describe('AnswerMemo', () => {
  it('computes an answer once per database version', () => {
    let version = 1;
    let computed = 0;
    const memo = new AnswerMemo(() => version);
    const answer = () => memo.get('fit|s', () => ++computed);
    assert.equal(answer(), 1);
    assert.equal(answer(), 1, 'the same version: kept');
    version = 2;
    assert.equal(answer(), 2, 'the database changed: computed again');
  });
});
