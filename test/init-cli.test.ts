import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeTempDir } from '@embsweep/store/testing';
import { runCli } from './support/run-cli.js';

describe('embsweep init', () => {
  it('writes a starter sweep for the synthetic data that validates, and never overwrites one unasked', () => {
    const dir = makeTempDir('init');
    const first = runCli(['init'], dir);
    assert.equal(first.status, 0, first.stderr);
    assert.match(readFileSync(join(dir, 'sweep.yaml'), 'utf8'), /^# sweep: an embsweep sweep/);
    assert.match(
      runCli(['validate', 'sweep.yaml'], dir).stdout,
      /valid \(grid search, sweep "sweep", 8 trials\)/,
    );
    const again = runCli(['init'], dir);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /sweep\.yaml already exists; choose another --name, or add --force/);
    assert.equal(runCli(['init', '--force'], dir).status, 0);
  });

  it("reads the user's data file to fill text_field and label_field, by name or else by content", () => {
    const dir = makeTempDir('init-data');
    writeFileSync(
      join(dir, 'tickets.jsonl'),
      [
        '{"id": 1, "body": "printer on fire", "category": "hardware"}',
        '{"id": 2, "body": "forgot password", "category": "account"}',
        '{"id": 3, "body": "screen dark", "category": "hardware"}',
      ].join('\n'),
    );
    const named = runCli(['init', '--data', 'tickets.jsonl'], dir);
    assert.equal(named.status, 0, named.stderr);
    assert.match(named.stdout, /Wrote tickets\.yaml: .* on tickets\.jsonl \(text: body, label: category\)\./);
    assert.match(runCli(['validate', 'tickets.yaml'], dir).stdout, /valid/);

    writeFileSync(
      join(dir, 'odd.csv'),
      'a,b,c\n1,the first rather long text,x\n2,another long text here,y\n3,and a third one,x\n',
    );
    const guessed = runCli(['init', '--data', 'odd.csv', '--name', 'odd-sweep'], dir);
    assert.equal(guessed.status, 0, guessed.stderr);
    assert.match(guessed.stdout, /\(text: b, label: c\)/);
    assert.match(readFileSync(join(dir, 'odd-sweep.yaml'), 'utf8'), /text_field: "b"\n {2}label_field: "c"/);
  });

  it('says what is wrong with a data file it cannot use, and writes nothing', () => {
    const dir = makeTempDir('init-bad');
    const missing = runCli(['init', '--data', 'nope.csv'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.csv does not exist/);
    writeFileSync(join(dir, 'one.csv'), 'text\nhello\n');
    const single = runCli(['init', '--data', 'one.csv'], dir);
    assert.equal(single.status, 2);
    assert.match(single.stderr, /needs a text field and a label field; it has only text/);
    assert.equal(runCli(['init', '--name', '../evil'], dir).status, 2);
  });
});
