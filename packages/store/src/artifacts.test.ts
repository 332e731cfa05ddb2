import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ResultsReader } from './results-reader.js';
import { SqliteStore } from './sqlite-store.js';
import { fillSeededDatabase, makeTempDir } from './testing/index.js';

describe('artifacts in the results database', () => {
  it('keeps JSON as text SQL can read and float32 as bytes, per trial attempt, replacing by name', () => {
    const path = join(makeTempDir('artifacts'), 'embsweep.db');
    fillSeededDatabase(path);
    const store = SqliteStore.open(path);
    const [first, second] = store.listTrials(store.getSweep('seeded')?.id ?? 0);
    assert.ok(first && second);
    const floats = Float32Array.from([1.5, -2, 0.25]);
    store.saveArtifacts(first.id, first.attempt, [
      { name: 'neighbours', kind: 'json', data: '{"neighbours":{"w1":[{"word":"w2","similarity":0.9}]}}' },
      { name: 'embedding', kind: 'float32', data: Buffer.from(floats.buffer).toString('base64') },
    ]);
    store.saveArtifacts(first.id, first.attempt, [
      { name: 'neighbours', kind: 'json', data: '{"neighbours":{}}' },
    ]);
    store.saveArtifacts(second.id, second.attempt, [
      { name: 'embedding', kind: 'float32', data: Buffer.from(floats.buffer).toString('base64') },
    ]);
    store.close();

    const reader = ResultsReader.open(path);
    assert.deepEqual(
      reader.artifacts(first.id).map((a) => [a.name, a.kind, a.size]),
      [
        ['embedding', 'float32', 12],
        ['neighbours', 'json', 17],
      ],
    );
    assert.equal(reader.artifact(first.id, 'neighbours')?.content.toString(), '{"neighbours":{}}');
    const bytes = reader.artifact(first.id, 'embedding')?.content ?? Buffer.alloc(0);
    assert.deepEqual(
      Array.from(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 12))),
      [1.5, -2, 0.25],
    );
    assert.deepEqual(
      reader.trialsWithArtifact('seeded', 'embedding').map((t) => t.trialId),
      [first.id, second.id],
    );
    reader.close();

    const again = SqliteStore.open(path);
    again.deleteArtifacts(first.sweepId, ['embedding'], second.id);
    again.close();
    const after = ResultsReader.open(path);
    assert.deepEqual(
      after.trialsWithArtifact('seeded', 'embedding').map((t) => t.trialId),
      [second.id],
    );
    after.close();
  });

  it('refuses an artifact over the size limit with what to change, storing nothing', () => {
    const path = join(makeTempDir('artifacts-big'), 'embsweep.db');
    fillSeededDatabase(path);
    const store = SqliteStore.open(path);
    const [trial] = store.listTrials(store.getSweep('seeded')?.id ?? 0);
    assert.ok(trial);
    const huge = Buffer.alloc(129 * 1024 * 1024).toString('base64');
    assert.throws(
      () =>
        store.saveArtifacts(trial.id, trial.attempt, [{ name: 'embedding', kind: 'float32', data: huge }]),
      (e: Error & { code?: string }) =>
        e.code === 'artifact_too_large' &&
        /over the 128 MiB limit; lower vocab_size or embedding_dim/.test(e.message),
    );
    store.close();
  });
});
