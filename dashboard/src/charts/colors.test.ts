import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { colorScale, interpolate, withAlpha } from './colors.js';

describe('colour scales', () => {
  it('runs numbers from the cold end to the warm end of the scale', () => {
    const color = colorScale([4, 32, 128]);
    assert.equal(color(4), '#440154');
    assert.equal(color(128), '#fde725');
    assert.notEqual(color(32), color(4));
    assert.equal(color(999), '#999999', 'unknown values are grey');
  });

  it('gives other values distinct colours', () => {
    const color = colorScale(['adam', 'sgd', 'rmsprop']);
    assert.equal(new Set(['adam', 'sgd', 'rmsprop'].map(color)).size, 3);
  });

  it('interpolates and adds alpha', () => {
    assert.equal(interpolate(0), '#440154');
    assert.equal(withAlpha('#ff0000', 0.5), 'rgba(255, 0, 0, 0.5)');
  });
});
