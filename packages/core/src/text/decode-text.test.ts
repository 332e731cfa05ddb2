import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeUtf8Text } from './decode-text.js';

describe('decodeUtf8Text', () => {
  it('drops a byte-order mark', () => {
    assert.deepEqual(decodeUtf8Text(Buffer.from('\ufeffa,b\n', 'utf8')), { ok: true, text: 'a,b\n' });
  });

  it('refuses invalid UTF-8 with its line, instead of turning it into U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('ok\nfine\nbad '), Buffer.from([0xe9]), Buffer.from(' here\n')]);
    const decoded = decodeUtf8Text(bytes);
    assert.ok(!decoded.ok && /line 3 is not valid UTF-8/.test(decoded.reason));
  });

  it('names UTF-16, with or without a byte-order mark', () => {
    for (const bytes of [
      Buffer.from('\ufefftext,label\n', 'utf16le'),
      Buffer.from('text,label\nhello,a\n', 'utf16le'),
    ]) {
      const decoded = decodeUtf8Text(bytes);
      assert.ok(!decoded.ok && /UTF-16/.test(decoded.reason));
    }
  });
});
