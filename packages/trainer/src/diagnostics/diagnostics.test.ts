import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnoseEmbedding, effectiveRank } from './embedding-diagnostics.js';
import { symmetricEigenvalues } from './symmetric-eigenvalues.js';
import { defaultProbeWords, nearestNeighbours } from './nearest-neighbours.js';

const close = (a: number, b: number, tol = 1e-9) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

/** A^T A of a row-major rows x dim matrix, computed directly. */
function gramOf(matrix: Float32Array, rows: number, dim: number): Float64Array {
  const g = new Float64Array(dim * dim);
  for (let r = 0; r < rows; r++)
    for (let i = 0; i < dim; i++)
      for (let j = 0; j < dim; j++)
        g[i * dim + j] = (g[i * dim + j] ?? 0) + (matrix[r * dim + i] ?? 0) * (matrix[r * dim + j] ?? 0);
  return g;
}

describe('symmetric eigenvalues', () => {
  it('finds the known eigenvalues of Q diag(λ) Q^T for a Householder reflection Q', () => {
    const n = 6;
    const lambda = [9, 5, 4, 2, 0.5, 0];
    const v = [1, -2, 0.5, 3, -1, 2];
    const vv = v.reduce((s, x) => s + x * x, 0);
    const q = (i: number, j: number) => (i === j ? 1 : 0) - (2 * (v[i] ?? 0) * (v[j] ?? 0)) / vv;
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        for (let k = 0; k < n; k++) m[i * n + j] = (m[i * n + j] ?? 0) + q(i, k) * (lambda[k] ?? 0) * q(j, k);
    const found = symmetricEigenvalues(m, n);
    lambda.forEach((l, i) => close(found[i] ?? NaN, l, 1e-10));
    assert.deepEqual(
      Array.from(symmetricEigenvalues(Float64Array.from([2, 1, 1, 2]), 2)).map(
        (x) => Math.round(x * 1e12) / 1e12,
      ),
      [3, 1],
    );
  });
});

describe('embedding diagnostics', () => {
  it('effective rank is k for k equal singular values, 1 for one, and exp(entropy) in between', () => {
    close(effectiveRank([2, 2, 2, 2]), 4);
    close(effectiveRank([5, 0, 0]), 1);
    close(effectiveRank([3, 4]), Math.exp(-((3 / 7) * Math.log(3 / 7) + (4 / 7) * Math.log(4 / 7))));
  });

  it('measures norms, rank, top-direction share and movement of a planted matrix', () => {
    // Rows 0 and 1 are padding and unknown; then 10 words, the first the most frequent.
    const dim = 2;
    const words = [
      [3, 0],
      [0, 4],
      [1, 1],
      [2, 0],
      [0, 2],
      [1, 0],
      [0, 1],
      [6, 8],
      [0.5, 0],
      [0, 0.5],
    ];
    const rows = words.length + 2;
    const matrix = Float32Array.from([0, 0, 9, 9, ...words.flat()]);
    const metrics = diagnoseEmbedding(
      { matrix, rows, dim, gram: gramOf(matrix, rows, dim) },
      matrix.map((x) => x * 2),
    );
    const norms = words.map(([a = 0, b = 0]) => Math.hypot(a, b));
    close(metrics['emb_norm_mean'] ?? NaN, norms.reduce((s, x) => s + x, 0) / norms.length, 1e-6);
    close(metrics['emb_norm_frequent'] ?? NaN, 3, 1e-6); // the top 10% of 10 words: the first
    close(metrics['emb_norm_rare'] ?? NaN, 0.5, 1e-6);
    const sorted = [...norms].sort((a, b) => a - b);
    close(metrics['emb_norm_median'] ?? NaN, ((sorted[4] ?? 0) + (sorted[5] ?? 0)) / 2, 1e-6);
    // The unknown word's row (9, 9) counts in the Gram matrix, as it is trained like any other.
    const g = gramOf(matrix, rows, dim);
    const eig = symmetricEigenvalues(g, dim);
    close(metrics['emb_effective_rank'] ?? NaN, effectiveRank(Array.from(eig).map(Math.sqrt)));
    // The variance share is about the rows' mean: from the covariance of the rows, computed directly.
    const mean = [0, 1].map(
      (c) =>
        Array.from({ length: rows }, (_, r) => matrix[r * dim + c] ?? 0).reduce((s, x) => s + x, 0) / rows,
    );
    const centred = Float32Array.from(Array.from(matrix, (x, i) => x - (mean[i % dim] ?? 0)));
    const cov = symmetricEigenvalues(gramOf(centred, rows, dim), dim);
    close(metrics['emb_top10_variance'] ?? NaN, (cov[0] ?? 0) / ((cov[0] ?? 0) + (cov[1] ?? 0)), 1e-6);
    close(metrics['emb_movement'] ?? NaN, 0.5, 1e-6); // from 2E to E
    assert.equal(metrics['emb_drift'], undefined, 'no pretrained vectors, no drift');
  });
});

describe('nearest neighbours', () => {
  it('finds planted neighbours by cosine similarity, never padding or the unknown word', () => {
    const vocabulary = ['<pad>', '<unk>', 'king', 'queen', 'apple', 'pear', 'zzz'];
    // king ~ queen, apple ~ pear; <unk> points where king does but must never be listed.
    const rows = [
      [0, 0],
      [1, 0.1],
      [1, 0.1],
      [0.9, 0.2],
      [0, 1],
      [0.1, 0.9],
      [-1, -1],
    ];
    const matrix = Float32Array.from(rows.flat());
    const found = nearestNeighbours(matrix, 2, vocabulary, ['king', 'pear', 'absent'], 2);
    assert.deepEqual(Object.keys(found), ['king', 'pear']);
    assert.deepEqual(
      found['king']?.map((n) => n.word),
      ['queen', 'pear'],
    );
    assert.deepEqual(
      found['pear']?.map((n) => n.word),
      ['apple', 'queen'],
    );
    close(
      found['king']?.[0]?.similarity ?? 0,
      (0.9 + 0.02) / (Math.hypot(1, 0.1) * Math.hypot(0.9, 0.2)),
      1e-6,
    );
  });

  it('probes a few frequent content words when the sweep names none', () => {
    assert.deepEqual(
      defaultProbeWords(
        [
          '<pad>',
          '<unk>',
          'the',
          'film',
          'a',
          'was',
          'great',
          '42',
          'plot',
          'boring',
          'and',
          'acting',
          'fun',
        ],
        4,
      ),
      ['film', 'great', 'plot', 'boring'],
    );
  });
});
