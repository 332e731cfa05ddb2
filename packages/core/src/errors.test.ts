import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, NotFoundError, serializeError } from './errors.js';

describe('errors', () => {
  it('cross processes as {name, code, message, stack}', () => {
    const s = serializeError(new NotFoundError('no sweep "x"; run embsweep ls'));
    assert.equal(s.name, 'NotFoundError');
    assert.equal(s.code, 'not_found');
    assert.equal(s.message, 'no sweep "x"; run embsweep ls');
    assert.match(s.stack ?? '', /NotFoundError/);
    assert.equal(serializeError(new TypeError('x')).code, 'internal');
    assert.equal(serializeError('boom').message, 'boom');
  });

  it('lists every config issue in the message', () => {
    const e = new ConfigError([
      { path: 'a.b', message: 'must be > 0' },
      { path: '', message: 'root problem' },
    ]);
    assert.equal(e.message, 'The sweep file is not valid:\n  a.b: must be > 0\n  root problem');
  });
});
