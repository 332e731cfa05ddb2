import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestName } from './suggest.js';

describe('closestName', () => {
  const known = ['embedding_dim', 'dropout', 'l2', 'learning_rate', 'batch_size'];
  it('finds typos and fragments', () => {
    assert.equal(closestName('dropuot', known), 'dropout');
    assert.equal(closestName('embedding', known), 'embedding_dim');
    assert.equal(closestName('Batch_Size', known), 'batch_size');
  });
  it('suggests nothing for a name unlike any', () => {
    assert.equal(closestName('temperature', known), undefined);
  });
});
