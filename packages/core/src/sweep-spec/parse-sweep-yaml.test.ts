import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import { parseSweepJson } from './parse-sweep-json.js';
import { parseSweepYaml } from './parse-sweep-yaml.js';
import { validateSweep } from './validate-sweep.js';

const problems = (f: () => unknown): string[] => {
  try {
    f();
  } catch (error) {
    if (error instanceof ConfigError)
      return error.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`);
    throw error;
  }
  assert.fail('expected a ConfigError');
};

describe('YAML sweep files', () => {
  it('validate exactly as the same sweep in JSON, telling 1 from 1.0 as the JSON reader does', () => {
    const yaml = `
method: random
run_cap: 4
dataset: {source: synthetic}
parameters:
  embedding_dim: {min: 8, max: 64}     # integers: int_uniform
  dropout: {min: 0.0, max: 0.5}        # a real literal: uniform
  l2: {values: [0, 1.0e-4]}
`;
    const json =
      '{"method":"random","run_cap":4,"dataset":{"source":"synthetic"},"parameters":{"embedding_dim":{"min":8,"max":64},"dropout":{"min":0.0,"max":0.5},"l2":{"values":[0,1.0e-4]}}}';
    const fromYaml = validateSweep(parseSweepYaml(yaml));
    assert.deepEqual(fromYaml, validateSweep(parseSweepJson(json)));
    assert.equal(
      (fromYaml.parameters['embedding_dim'] as { distribution?: string }).distribution,
      'int_uniform',
    );
    assert.equal((fromYaml.parameters['dropout'] as { distribution?: string }).distribution, 'uniform');
  });

  it('names the line and column of every validation problem, at the key', () => {
    const yaml =
      'method: grid\ndataset:\n  source: synthtic\nparameters:\n  dropout:\n    values: [0, 0.5]\n    foo: 1\n';
    assert.deepEqual(problems(() => validateSweep(parseSweepYaml(yaml))).sort(), [
      'dataset.source: unknown source `synthtic`; did you mean `synthetic`? (line 3, column 3)',
      'parameters.dropout.foo: unknown key `foo`; expected one of: values, probabilities, distribution (line 7, column 5)',
    ]);
    // A missing key is reported where its object starts.
    assert.match(
      problems(() =>
        validateSweep(parseSweepYaml('method: grid\nparameters:\n  dropout: {values: [0]}\n')),
      )[0] ?? '',
      /^dataset: required.*\(line 1, column 1\)$/,
    );
  });

  it('refuses duplicate keys, several documents, syntax errors and non-text keys, with where', () => {
    assert.deepEqual(
      problems(() => parseSweepYaml('a: 1\na: 2\n', 'x.yaml')),
      ['Map keys must be unique (line 2, column 1)'],
    );
    assert.match(problems(() => parseSweepYaml('a: 1\n---\nb: 2\n'))[0] ?? '', /one sweep per file.*line 2/);
    assert.match(problems(() => parseSweepYaml('a: [1, 2\nb: 3\n'))[0] ?? '', /\(line 2, column 1\)$/);
    assert.match(problems(() => parseSweepYaml('? [1, 2]\n: x\n'))[0] ?? '', /a key must be text \(line 1/);
    assert.match(problems(() => parseSweepYaml(''))[0] ?? '', /empty/);
  });

  it('reads YAML 1.2: yes is text, aliases resolve, and __proto__ is an own key that validation refuses', () => {
    assert.deepEqual(parseSweepYaml('a: yes\nb: &x {c: 1}\nd: *x\n').value, {
      a: 'yes',
      b: { c: 1 },
      d: { c: 1 },
    });
    const parsed = parseSweepYaml(
      'method: grid\ndataset: {source: synthetic}\nparameters: {dropout: {values: [0]}}\n__proto__: {x: 1}\n',
    );
    assert.equal(Object.getPrototypeOf(parsed.value), Object.prototype);
    assert.ok(problems(() => validateSweep(parsed)).some((p) => p.includes('__proto__')));
  });
});
