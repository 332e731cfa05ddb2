import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fillSeededDatabase, makeTempDir } from '@embsweep/store/testing';
import { runCli } from './support/run-cli.js';

// A sweep of 3 dropout values x 3 completed seeds with known values (see fillSeededDatabase):
// dropout 0 and 0.25 lie within each other's seed noise, 0.5 is clearly worse, and a pruned
// trial of 0.5 with the best value of all must not count.
let db = '';
before(() => {
  db = join(makeTempDir('compare'), 'embsweep.db');
  fillSeededDatabase(db);
});

interface CompareJson {
  goal: string;
  configurations: Record<string, unknown>[];
  seeds_to_separate_top_two: number | null;
  verdict: string;
}

describe('embsweep compare (configurations across seeds)', () => {
  it('ranks configurations by their mean over completed seeds, with n, intervals, P(better) and p-values', () => {
    const result = runCli(['compare', 'seeded', '--db', db, '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout) as CompareJson;
    const [first, second, third] = json.configurations;
    assert.deepEqual(
      json.configurations.map((c) => c['dropout']),
      [0, 0.25, 0.5],
    );
    assert.equal(first?.['n'], 3, 'the pruned trial is left out');
    assert.ok(Math.abs(Number(first?.['mean_best_val_loss']) - 0.41) < 1e-12);
    assert.ok(Math.abs(Number(first?.['mean_final_val_loss']) - 0.46) < 1e-12);
    assert.ok(Number(first?.['ci_low_best_val_loss']) >= 0.4 - 1e-12);
    assert.ok(Number(first?.['ci_high_best_val_loss']) <= 0.42 + 1e-12);
    assert.deepEqual(
      json.configurations.map((c) => c['tied_with_best']),
      [true, true, false],
    );
    assert.ok(Number(first?.['p_value_vs_next']) > 0.5, 'within the noise');
    assert.ok(Number(second?.['p_better_than_next']) > 0.99);
    assert.ok(Number(second?.['p_value_vs_next']) < 0.001);
    assert.equal(third?.['p_better_than_next'], null, 'nothing below the last');
    // sd 0.01 in both, means 0.005 apart: 2 (1.96 + 0.84)^2 (0.01 / 0.005)^2 = 62.8 -> 63.
    assert.equal(json.seeds_to_separate_top_two, 63);
  });

  it('ends the table with a plain-language verdict', () => {
    const result = runCli(['compare', 'seeded', '--db', db, '--top', '2']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      /Configurations of "seeded" by val_loss \(minimize\), mean over completed seeds \(top 2 of 3\):/,
    );
    assert.match(result.stdout, /rank +dropout +n +mean_best_val_loss +95%_ci_best_val_loss/);
    assert.match(result.stdout, /0\.4\d* \.\. 0\.4\d*/);
    assert.match(
      result.stdout,
      /The top 2 configurations cannot be told apart with 3 seeds each; about 63 seeds each would separate the top two\./,
    );
  });

  it('compares by another metric, maximising accuracy, and says which metrics exist when one is misspelt', () => {
    const acc = JSON.parse(
      runCli(['compare', 'seeded', '--db', db, '--metric', 'val_acc', '--format', 'json']).stdout,
    ) as CompareJson;
    assert.equal(acc.goal, 'maximize');
    assert.ok(Math.abs(Number(acc.configurations[0]?.['mean_best_val_acc']) - 0.59) < 1e-12);
    const typo = runCli(['compare', 'seeded', '--db', db, '--metric', 'val_accc']);
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /sweep "seeded" has no metric "val_accc"; did you mean "val_acc"\?/);
    const csv = runCli(['compare', 'seeded', '--db', db, '--format', 'csv', '--rank-by', 'iqm']);
    assert.match(
      csv.stdout.split('\n')[0] ?? '',
      /^rank,dropout,n,iqm_best_val_loss,sd_best_val_loss,ci_low_best_val_loss/,
    );
    assert.equal(runCli(['compare', 'seeded', '--db', db, '--rank-by', 'median']).status, 2);
  });

  it('best groups by configuration when the sweep has several seeds; --by-trial ranks single trials', () => {
    const grouped = runCli(['best', 'seeded', '--db', db]);
    assert.equal(grouped.status, 0, grouped.stderr);
    assert.match(
      grouped.stdout,
      /Best configurations of "seeded" by val_loss \(minimize\), mean over completed seeds:/,
    );
    assert.match(grouped.stdout, /cannot be told apart with 3 seeds each/);
    const trials = JSON.parse(
      runCli(['best', 'seeded', '--db', db, '--by-trial', '--format', 'json']).stdout,
    ) as Record<string, unknown>[];
    assert.equal(trials[0]?.['best_val_loss'], 0.4);
    assert.equal(trials[0]?.['seed'], 0);
  });
});
