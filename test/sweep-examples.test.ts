import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseSweepJson, parseSweepYaml, validateSweep } from '@embsweep/core/sweep-file';
import { makeTempDir } from '@embsweep/store/testing';
import { jsonToYaml } from './support/json-to-yaml.js';
import { REPO_ROOT, runCli } from './support/run-cli.js';

const examples = readdirSync(join(REPO_ROOT, 'sweeps')).filter((f) => f.endsWith('.json'));

describe('the example sweep files', () => {
  it('every one validates as JSON and, converted, as YAML to the same sweep', () => {
    assert.ok(examples.length >= 6);
    for (const file of examples) {
      const json = readFileSync(join(REPO_ROOT, 'sweeps', file), 'utf8');
      const yaml = jsonToYaml(json);
      assert.deepEqual(
        validateSweep(parseSweepYaml(yaml, file)),
        validateSweep(parseSweepJson(json, file)),
        file,
      );
    }
  });

  it('embsweep plan and validate read a .yaml file; its errors name the line and column', () => {
    const dir = makeTempDir('yaml');
    writeFileSync(
      join(dir, 'quick.yaml'),
      jsonToYaml(readFileSync(join(REPO_ROOT, 'sweeps/quick-grid.json'), 'utf8')),
    );
    const plan = runCli(['plan', 'quick.yaml', '--json'], dir);
    assert.equal(plan.status, 0, plan.stderr);
    assert.equal((JSON.parse(plan.stdout) as unknown[]).length, 12);
    writeFileSync(
      join(dir, 'bad.yml'),
      'method: grid\ndataset: {source: synthetic}\nparameters:\n  dropout: {min: 0.0, max: 2}\n',
    );
    const bad = runCli(['validate', 'bad.yml', '--skip-data'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /parameters\.dropout.*\(line 4, column 3\)/);
    // The error docs/sweep-file.md shows is this one.
    const doc = readFileSync(join(REPO_ROOT, 'docs/sweep-file.md'), 'utf8');
    assert.ok(bad.stderr.includes('  parameters.dropout.max: must be <= 1 (line 4, column 23)'), bad.stderr);
    assert.ok(doc.includes('  parameters.dropout.max: must be <= 1 (line 4, column 23)'));
  });

  it('the YAML examples in docs/sweep-file.md validate', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/sweep-file.md'), 'utf8');
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    assert.ok(blocks.length >= 1);
    for (const yaml of blocks) validateSweep(parseSweepYaml(yaml, 'docs/sweep-file.md'));
  });
});
