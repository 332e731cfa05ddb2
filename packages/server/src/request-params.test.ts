import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCurveQuery, parseEpochQuery, parseTrialQuery } from './request-params.js';

describe('request parameters', () => {
  it('reads filters, sort and paging with defaults', () => {
    const q = parseTrialQuery({
      state: 'completed,pruned',
      'param.dropout': '0,0.5',
      sort: 'param.dropout',
      order: 'desc',
    });
    assert.deepEqual(q.states, ['completed', 'pruned']);
    assert.deepEqual([...(q.params.get('dropout') ?? [])], ['0', '0.5']);
    assert.deepEqual([q.sort, q.order, q.offset, q.limit], ['param.dropout', 'desc', 0, 50]);
    assert.equal(parseTrialQuery({ limit: 'all' }).limit, 10_000);
    assert.equal(parseTrialQuery({}).top, 0);
    assert.equal(parseTrialQuery({ top: '5' }).top, 5);
    assert.throws(() => parseTrialQuery({ top: '-1' }), /top: expected a whole number from 0/);
  });

  it('reports every problem at once, each with its parameter', () => {
    assert.throws(
      () => parseTrialQuery({ state: 'x', order: 'up', offset: '-1', limit: '1.5' }),
      (e: Error) =>
        /state: unknown state "x"/.test(e.message) &&
        /order: expected asc or desc/.test(e.message) &&
        /offset: expected a whole number from 0/.test(e.message) &&
        /limit: expected a whole number from 1 to 10000, got "1.5"/.test(e.message),
    );
  });

  it('defaults curves to the sweep metric and about a chart width of points', () => {
    assert.deepEqual(parseCurveQuery({}), {
      metrics: undefined,
      points: 300,
      trials: undefined,
      format: 'json',
    });
    assert.deepEqual(parseCurveQuery({ trials: '3,5', format: 'binary' }).trials, [3, 5]);
    assert.throws(() => parseCurveQuery({ trials: '3,x' }), /trials: expected a whole number/);
    assert.throws(() => parseCurveQuery({ format: 'xml' }), /format: expected json or binary/);
    const many = Array.from({ length: 1001 }, (_, i) => i + 1).join(',');
    assert.throws(() => parseCurveQuery({ trials: many }), /at most 1000 trial ids per request/);
    assert.throws(() => parseCurveQuery({ points: '5' }), /points: expected a whole number from 10 to 5000/);
    assert.throws(() => parseCurveQuery({ metrics: 'val_loss,<script>' }), /is not a metric name/);
  });

  it('takes one whole epoch from 1 for a comparison at a common epoch', () => {
    assert.equal(parseEpochQuery({ epoch: '3' }), 3);
    assert.throws(() => parseEpochQuery({}), /epoch: required, e\.g\. \?epoch=3/);
    assert.throws(() => parseEpochQuery({ epoch: '0' }), /epoch: expected a whole number from 1/);
    assert.throws(
      () => parseEpochQuery({ epoch: '2', x: '1' }),
      /x: unknown query parameter; expected epoch/,
    );
  });
});
