import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeTempDir } from '@embsweep/store/testing';
import { REPO_ROOT, runCli } from './support/run-cli.js';

const FORBID = ['--import', new URL('./support/forbid-tfjs.js', import.meta.url).href];

describe('only the workers and `embsweep train` load TensorFlow.js', { timeout: 120_000 }, () => {
  const dir = makeTempDir('no-tfjs');
  const db = join(dir, 'r.db');
  const sweep = join(dir, 'tiny.json');
  writeFileSync(
    sweep,
    JSON.stringify({
      name: 'tiny',
      method: 'grid',
      dataset: { source: 'synthetic', samples: 100, length: 10, vocabulary: 50 },
      parameters: {
        embedding_dim: { values: [4, 8] },
        epochs: { value: 1 },
        vocab_size: { value: 50 },
        max_length: { value: 10 },
      },
      execution: { backend: 'wasm' },
    }),
  );
  const quick = join(REPO_ROOT, 'sweeps/quick-grid.json');

  it('the scheduler (`embsweep run`) trains a sweep without loading it itself', () => {
    const run = runCli(['run', sweep, '--db', db], dir, {}, FORBID);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /2 completed/);
  });

  const commands = [
    ['--version'],
    ['validate', quick],
    ['plan', quick],
    ['ls', '--db', db],
    ['show', 'tiny', '--db', db],
    ['query', 'SELECT COUNT(*) FROM trials', '--db', db],
  ];
  for (const args of commands) {
    it(`embsweep ${args[0] ?? ''} does not load it`, () => {
      const result = runCli(args, dir, {}, FORBID);
      assert.equal(result.status, 0, result.stderr);
    });
  }

  it('while `embsweep train` does (so the check above can fail)', () => {
    const train = runCli(
      ['train', '--params', '{"epochs": 1}', '--dataset', '{"source": "synthetic", "samples": 100}'],
      dir,
      {},
      FORBID,
    );
    assert.notEqual(train.status, 0);
    assert.match(train.stderr, /TensorFlow\.js was loaded: @tensorflow\/tfjs/);
  });
});
