import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contourGrid, unitScale } from './contour-grid.js';

describe('contourGrid (inverse-distance weighting)', () => {
  it('takes a trial value on its cell, and stays within the values seen elsewhere', () => {
    // Two trials on the centres of cells (0, 0) and (1, 1) of a 2 x 2 grid.
    const grid = contourGrid(
      [
        { u: 0.25, v: 0.25, value: 1 },
        { u: 0.75, v: 0.75, value: 3 },
      ],
      2,
    );
    assert.equal(grid[0], 1);
    assert.equal(grid[3], 3);
    // The other two cells are equally far from both: the mean.
    assert.equal(grid[1], 2);
    assert.equal(grid[2], 2);
  });

  it('weights by 1 / distance squared', () => {
    // One cell (centre 0.5, 0.5); trials at distance 0.1 (value 0) and 0.3 (value 1):
    // (0 / 0.01 + 1 / 0.09) / (1 / 0.01 + 1 / 0.09) = 0.1.
    const [value] = contourGrid(
      [
        { u: 0.6, v: 0.5, value: 0 },
        { u: 0.5, v: 0.2, value: 1 },
      ],
      1,
    );
    assert.ok(Math.abs((value ?? NaN) - 0.1) < 1e-12, String(value));
  });

  it('maps parameters to the unit square, by log value on a log axis and by rank for categories', () => {
    assert.equal(unitScale([1e-4, 1e-2], true)(1e-3), 0.5);
    assert.equal(unitScale([0, 10], false)(2.5), 0.25);
    assert.equal(unitScale(['adam', 'sgd', 'rmsprop'], false)('sgd'), 0.5);
  });
});
