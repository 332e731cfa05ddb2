import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupMetrics } from './metric-groups.js';

describe('grouping a trial page metrics by kind', () => {
  it('never puts a loss on the axis of throughput, time or tensors; losses first', () => {
    const names = [
      'tokens_per_s',
      'val_acc',
      'loss',
      'tensors',
      'epoch_time_s',
      'reg_loss',
      'val_loss',
      'acc',
      'emb_norm_mean',
      'emb_norm_rare',
      'emb_effective_rank',
      'emb_movement',
      'custom_metric',
    ];
    const groups = groupMetrics(names.map((metric) => ({ metric })));
    assert.deepEqual(
      groups.map(([g, list]) => [g.key, list.map((s) => s.metric)]),
      [
        ['loss', ['loss', 'val_loss']],
        ['accuracy', ['val_acc', 'acc']],
        ['regularisation', ['reg_loss']],
        ['norms', ['emb_norm_mean', 'emb_norm_rare']],
        ['rank', ['emb_effective_rank']],
        ['shares', ['emb_movement']],
        ['speed', ['tokens_per_s']],
        ['time', ['epoch_time_s']],
        ['memory', ['tensors']],
        ['other:custom_metric', ['custom_metric']],
      ],
    );
  });
});
