import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeTempDir } from '@embsweep/store/testing';
import { query } from './support/query.js';
import { runCli } from './support/run-cli.js';

const SWEEP = `name: vec
method: grid
dataset: {source: synthetic, samples: 400, vocabulary: 120, seed: 3}
parameters:
  embedding_dim: {values: [4, 12]}
  epochs: {value: 2}
  vocab_size: {value: 120}
diagnostics: {probe_words: [w0, w5, nothere]}
save_embeddings: best
`;

describe('embsweep vectors (trained embeddings out, and back in)', { timeout: 300_000 }, () => {
  it('writes the best trial embedding as word2vec text that seeds another sweep, and as projector TSV', () => {
    const dir = makeTempDir('vectors');
    writeFileSync(join(dir, 'vec.yaml'), SWEEP);
    const run = runCli(['run', 'vec.yaml'], dir);
    assert.equal(run.status, 0, run.stderr);
    const db = join(dir, 'embsweep.db');
    // Every trial recorded its neighbours; only the best kept its matrix.
    const kept = query(db, 'SELECT trial_id, name FROM artifacts ORDER BY trial_id, name');
    assert.equal(kept.filter((r) => r['name'] === 'neighbours').length, 2);
    assert.equal(kept.filter((r) => r['name'] === 'embedding').length, 1);
    assert.deepEqual(
      query(
        db,
        "SELECT json_extract(content, '$.missing') AS missing FROM artifacts WHERE name = 'neighbours' LIMIT 1",
      ),
      [{ missing: '["nothere"]' }],
    );

    const text = runCli(['vectors', 'vec', '--format', 'word2vec', '--out', 'trained.vec'], dir);
    assert.equal(text.status, 0, text.stderr);
    const lines = readFileSync(join(dir, 'trained.vec'), 'utf8').trim().split('\n');
    const [count, dim] = (lines[0] ?? '').split(' ').map(Number);
    assert.equal(lines.length, (count ?? 0) + 1);
    assert.ok(dim === 4 || dim === 12);
    assert.equal(lines[1]?.split(' ').length, (dim ?? 0) + 1);

    // The same format pretrained_embeddings reads: a second sweep starts from these vectors.
    writeFileSync(
      join(dir, 'seeded-from.yaml'),
      `name: from-trained\nmethod: grid\ndataset: {source: synthetic, samples: 400, vocabulary: 120, seed: 3}\nparameters:\n  embedding_dim: {value: ${dim}}\n  epochs: {value: 2}\n  vocab_size: {value: 120}\n  pretrained_embeddings: {value: trained.vec}\n`,
    );
    const again = runCli(['run', 'seeded-from.yaml'], dir);
    assert.equal(again.status, 0, again.stderr);
    const drift = query(
      db,
      "SELECT COUNT(*) AS n FROM curves WHERE sweep = 'from-trained' AND metric = 'emb_drift'",
    );
    assert.deepEqual(drift, [{ n: 2 }], 'drift from the pretrained vectors is measured');

    const tsv = runCli(['vectors', 'vec', '--format', 'tsv'], dir);
    assert.equal(tsv.status, 0, tsv.stderr);
    const folder = /to (\S+)\/vectors\.tsv/.exec(tsv.stdout)?.[1] ?? '';
    const vectors = readFileSync(join(folder, 'vectors.tsv'), 'utf8').trim().split('\n');
    const metadata = readFileSync(join(folder, 'metadata.tsv'), 'utf8').trim().split('\n');
    assert.equal(vectors.length, count);
    assert.equal(metadata.length, count);
    assert.equal(vectors[0]?.split('\t').length, dim);
    assert.equal(metadata[0], lines[1]?.split(' ')[0]);

    const twice = runCli(['vectors', 'vec', '--format', 'tsv'], dir);
    assert.equal(twice.status, 2);
    assert.match(twice.stderr, /already exist; nothing was written\. Add --force/);
  });

  it('says how to keep an embedding when a sweep kept none, and refuses an unknown format', () => {
    const dir = makeTempDir('vectors-none');
    writeFileSync(
      join(dir, 'vec.yaml'),
      SWEEP.replace('save_embeddings: best\n', '').replace('[4, 12]', '[4]'),
    );
    assert.equal(runCli(['run', 'vec.yaml'], dir).status, 0);
    const none = runCli(['vectors', 'vec', '--format', 'word2vec'], dir);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /no trial of "vec" kept its embedding; add "save_embeddings": "best"/);
    assert.equal(runCli(['vectors', 'vec', '--format', 'glove'], dir).status, 2);
  });
});
