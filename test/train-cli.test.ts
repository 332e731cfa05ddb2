import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from './support/run-cli.js';

describe('embsweep train', { timeout: 120_000 }, () => {
  it('trains one configuration and prints one JSON object per epoch', () => {
    const result = runCli([
      'train',
      '--params',
      '{"embedding_dim": 8, "epochs": 3}',
      '--dataset',
      '{"source": "synthetic", "samples": 300}',
      '--backend',
      'wasm',
      '--json',
    ]);
    assert.equal(result.status, 0, result.stderr);
    const epochs = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, number>);
    assert.deepEqual(
      epochs.map((e) => e['epoch']),
      [1, 2, 3],
    );
    for (const e of epochs)
      for (const key of ['loss', 'acc', 'val_loss', 'val_acc', 'tokens_per_s', 'tensors'])
        assert.ok(Number.isFinite(e[key]), key);
    assert.match(result.stderr, /backend wasm .*\n240 training, 60 validation examples; 2 classes/);
    assert.match(result.stderr, /best val_loss .* at epoch \d/);
  });

  it('validates --params like a sweep file and explains a missing data file or backend', () => {
    const bad = runCli(['train', '--params', '{"dropout": 2}', '--dataset', '{"source": "synthetic"}']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /options are not valid:\n {2}parameters\.dropout\.value: must be < 1/);
    const missing = runCli([
      'train',
      '--dataset',
      '{"source": "file", "path": "nope.csv"}',
      '--backend',
      'cpu',
    ]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /the data set cannot be used: data file .*nope\.csv does not exist/);
    const backend = runCli(['train', '--dataset', '{"source": "synthetic"}', '--backend', 'tensorflow']);
    assert.equal(backend.status, 1);
    assert.match(
      backend.stderr,
      /the "tensorflow" backend needs the optional package @tensorflow\/tfjs-node/,
    );
  });
});
