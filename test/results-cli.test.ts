import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fillDatabase } from './support/fill-database.js';
import { REPO_ROOT, runCli } from './support/run-cli.js';
import { mountTmpfs } from './support/tmpfs.js';
import { makeTempDir } from '@embsweep/store/testing';

/** A query that never ends by itself: SQLite stays inside one statement. */
const ENDLESS = 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r';

let db = '';
before(() => {
  db = fillDatabase().path;
});

describe('results commands (ls, show, best, query, export)', () => {
  it('ls lists the sweep with progress and best value', () => {
    const result = runCli(['ls', '--db', db]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /quick-grid +grid +running +11\/12 +0 +9 +1 +1 +val_loss \(min\)/);
  });

  it('finds the database through EMBSWEEP_DB', () => {
    const result = runCli(['ls'], undefined, { EMBSWEEP_DB: db });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /quick-grid/);
  });

  it('show prints one row per trial with the swept parameters, sortable by any column', () => {
    const result = runCli(['show', 'quick-grid', '--db', db, '--format', 'json', '--sort', 'best_val_loss']);
    assert.equal(result.status, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    assert.equal(rows.length, 12);
    assert.deepEqual(Object.keys(rows[0] ?? {}), [
      'trial',
      'seed',
      'dropout',
      'embedding_dim',
      'l2',
      'state',
      'best_val_loss',
      'best_epoch',
      'epochs',
      'duration_s',
      'host',
      'error',
    ]);
    const bests = rows.map((r) => r['best_val_loss']).filter((v): v is number => typeof v === 'number');
    assert.deepEqual(
      bests,
      [...bests].sort((a, b) => a - b),
    );
    assert.equal(rows.at(-1)?.['state'], 'pending'); // no value sorts last
    const failed = rows.find((r) => r['state'] === 'failed');
    assert.equal(failed?.['error'], 'worker_crashed: exit code 1');

    const desc = JSON.parse(
      runCli(['show', 'quick-grid', '--db', db, '--format', 'json', '--sort', 'embedding_dim', '--desc'])
        .stdout,
    ) as Record<string, unknown>[];
    assert.equal(desc[0]?.['embedding_dim'], 128);
    const pruned = JSON.parse(
      runCli(['show', 'quick-grid', '--db', db, '--format', 'json', '--state', 'pruned']).stdout,
    ) as unknown[];
    assert.equal(pruned.length, 1);
  });

  it('best ranks completed trials only unless asked; a pruned value is marked as partial', () => {
    const all = JSON.parse(runCli(['show', 'quick-grid', '--db', db, '--format', 'json']).stdout) as Record<
      string,
      unknown
    >[];
    const pruned = all.find((r) => String(r['state']).startsWith('pruned'));
    assert.match(String(pruned?.['state']), /^pruned at epoch \d+$/);
    const best = (extra: string[]) =>
      JSON.parse(
        runCli(['best', 'quick-grid', '--db', db, '--top', '20', '--format', 'json', ...extra]).stdout,
      ) as Record<string, unknown>[];
    assert.ok(best([]).every((r) => r['state'] === 'completed'));
    assert.ok(best(['--include-partial']).some((r) => String(r['state']).startsWith('pruned at epoch')));
  });

  it('best --at-epoch K ranks every trial that reached epoch K (pruned ones too) by its value there', () => {
    const result = runCli([
      'best',
      'quick-grid',
      '--db',
      db,
      '--at-epoch',
      '2',
      '--top',
      '50',
      '--format',
      'json',
    ]);
    assert.equal(result.status, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    const values = rows.map((r) => Number(r['val_loss_at_epoch_2']));
    assert.deepEqual(
      values,
      [...values].sort((a, b) => a - b),
    );
    assert.ok(
      rows.some((r) => String(r['state']).startsWith('pruned at epoch')),
      'the pruned trial reached epoch 2',
    );
    assert.ok(rows.every((r) => Number(r['epochs']) >= 2));
    const both = runCli(['best', 'quick-grid', '--db', db, '--at-epoch', '2', '--include-partial']);
    assert.equal(both.status, 2);
  });

  it('best ranks by the best epoch of each trial, by the sweep goal', () => {
    const result = runCli(['best', 'quick-grid', '--db', db, '--top', '3', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as Record<string, number>[];
    assert.equal(rows.length, 3);
    const all = JSON.parse(runCli(['show', 'quick-grid', '--db', db, '--format', 'json']).stdout) as Record<
      string,
      number | null
    >[];
    const expected = all
      .filter((r) => (r['state'] as unknown) === 'completed')
      .map((r) => r['best_val_loss'])
      .filter((v): v is number => typeof v === 'number')
      .sort((a, b) => a - b)
      .slice(0, 3);
    assert.deepEqual(
      rows.map((r) => r['best_val_loss']),
      expected,
    );
    assert.ok(
      rows.every((r) => r['best_epoch'] !== undefined && r['best_epoch'] < 8),
      'best epoch, not the last',
    );
  });

  it('compare names the smallest sufficient embedding width; with one seed, within 1% of the best', () => {
    const result = runCli(['compare', 'quick-grid', '--db', db]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /one seed, so nothing here tells a real difference from seed noise/);
    assert.match(
      result.stdout,
      /\nSmallest sufficient embedding_dim: (2|16|128) \(within 1% of the best; with one seed per configuration there is no noise to judge by\)\.\n$/,
    );
    const json = JSON.parse(runCli(['compare', 'quick-grid', '--db', db, '--format', 'json']).stdout) as {
      smallest_sufficient_embedding_dim: { value: number; basis: string };
    };
    assert.equal(json.smallest_sufficient_embedding_dim.basis, 'tolerance');
  });

  it('importance ranks the swept parameters by PED-ANOVA, summing to 1', () => {
    const json = runCli(['importance', 'quick-grid', '--db', db, '--format', 'json']);
    assert.equal(json.status, 0, json.stderr);
    const rows = JSON.parse(json.stdout) as { parameter: string; importance: number }[];
    assert.deepEqual(rows.map((r) => r.parameter).sort(), ['dropout', 'embedding_dim', 'l2']);
    assert.ok(Math.abs(rows.reduce((s, r) => s + r.importance, 0) - 1) < 1e-9);
    assert.ok(
      rows.every((r, i) => i === 0 || r.importance <= (rows[i - 1]?.importance ?? 1)),
      'most important first',
    );
    const table = runCli(['importance', 'quick-grid', '--db', db]);
    assert.match(table.stdout, /PED-ANOVA over 9 completed trials, the best 10% against all/);
    assert.equal(runCli(['importance', 'quick-grid', '--db', db, '--quantile', '2']).status, 2);
  });

  it('query runs SQL over the views in table, json and csv', () => {
    const sql =
      'SELECT embedding_dim, COUNT(*) AS n FROM trial_summary GROUP BY embedding_dim ORDER BY embedding_dim';
    const table = runCli(['query', sql, '--db', db]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /^embedding_dim +n\n-+ +-+\n +2 +4\n +16 +4\n +128 +4\n$/);
    assert.deepEqual(JSON.parse(runCli(['query', sql, '--db', db, '--format', 'json']).stdout), [
      { embedding_dim: 2, n: 4 },
      { embedding_dim: 16, n: 4 },
      { embedding_dim: 128, n: 4 },
    ]);
    assert.equal(
      runCli(['query', sql, '--db', db, '--format', 'csv']).stdout,
      'embedding_dim,n\n2,4\n16,4\n128,4\n',
    );
  });

  it('query refuses writes and says why, and tells when rows were cut', () => {
    const write = runCli(['query', 'DELETE FROM trials', '--db', db]);
    assert.equal(write.status, 1);
    assert.match(write.stderr, /only reading queries run here/);
    const cut = runCli(['query', 'SELECT * FROM curves', '--db', db, '--max-rows', '5', '--format', 'csv']);
    assert.equal(cut.status, 0);
    assert.equal(cut.stdout.trim().split('\n').length, 6);
    assert.match(cut.stderr, /only the first 5 rows/);
    const big = runCli([
      'query',
      'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r LIMIT 1000) SELECT zeroblob(100000) FROM r',
      '--db',
      db,
      '--max-mb',
      '1',
      '--format',
      'csv',
    ]);
    assert.equal(big.status, 0, big.stderr);
    assert.match(big.stderr, /only the first 5 rows are shown: the next would pass 1 MB of values/);
  });

  it('reads a database in a read-only location: ls, show, best, query and export work there', (t) => {
    const fs = mountTmpfs(16 * 1024 * 1024);
    if (fs === undefined) return t.skip('mounting a tmpfs is not allowed here (needs root)');
    try {
      copyFileSync(db, join(fs.dir, 'embsweep.db'));
      fs.readOnly();
      const where = ['--db', join(fs.dir, 'embsweep.db')];
      const ls = runCli(['ls', ...where]);
      assert.equal(ls.status, 0, ls.stderr);
      assert.match(ls.stdout, /quick-grid/);
      for (const args of [
        ['show', 'quick-grid'],
        ['best', 'quick-grid'],
        ['query', 'SELECT COUNT(*) AS n FROM trials'],
      ]) {
        const result = runCli([...args, ...where]);
        assert.equal(result.status, 0, `${args[0] ?? ''}: ${result.stderr}`);
      }
      // A query stopped at its time limit leaves no snapshot copy behind.
      const tmp = makeTempDir('ro-query-tmp');
      const stopped = runCli(['query', ENDLESS, ...where, '--timeout', '0.5'], undefined, { TMPDIR: tmp });
      assert.equal(stopped.signal, 'SIGKILL', stopped.stderr);
      assert.deepEqual(readdirSync(tmp), []);
      const out = makeTempDir('ro-export');
      const exported = runCli(['export', 'quick-grid', ...where, '--format', 'csv', '--out', out]);
      assert.equal(exported.status, 0, exported.stderr);
      // A file that is really not embsweep's is still called so, and nothing else is.
      const missing = runCli(['ls', '--db', join(fs.dir, 'nope.db')]);
      assert.doesNotMatch(missing.stderr, /not an embsweep results database/);
    } finally {
      fs.unmount();
    }
  });

  it('export never overwrites a file unless told to', () => {
    const out = makeTempDir('export-twice');
    const args = ['export', 'quick-grid', '--db', db, '--format', 'csv', '--out', out];
    assert.equal(runCli(args).status, 0);
    const again = runCli(args);
    assert.equal(again.status, 2);
    assert.match(
      again.stderr,
      /quick-grid\.trials\.csv and .*quick-grid\.curves\.csv already exist; nothing was written\. Add --force/,
    );
    assert.equal(runCli([...args, '--force']).status, 0);
  });

  it('says what --db must be: not empty, not :memory:', () => {
    const empty = runCli(['ls', '--db', '']);
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /--db must name a file; got an empty string/);
    const memory = runCli(['ls', '--db', ':memory:']);
    assert.equal(memory.status, 2);
    assert.match(memory.stderr, /must be a file path; got ":memory:"/);
  });

  it('query refuses limits it cannot keep: a timeout past a day, a fraction of a row', () => {
    const timeout = runCli(['query', 'SELECT 1', '--db', db, '--timeout', '1e9']);
    assert.equal(timeout.status, 2);
    assert.match(timeout.stderr, /--timeout must be a number above 0 up to 86400; got "1e9"/);
    const rows = runCli(['query', 'SELECT 1', '--db', db, '--max-rows', '1.5']);
    assert.equal(rows.status, 2);
    assert.match(rows.stderr, /--max-rows must be a whole number from 1 up to 10000000; got "1.5"/);
  });

  it('query stops a query at --timeout: it says why and ends with exit status 137', () => {
    const result = runCli(['query', ENDLESS, '--db', db, '--timeout', '0.5']);
    assert.equal(result.signal, 'SIGKILL');
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^embsweep: the query ran longer than 0.5 s and was stopped; narrow it/);
  });

  it('query ends at Ctrl-C even while SQLite is in the middle of a statement', async () => {
    const command = spawn(process.execPath, [
      join(REPO_ROOT, 'packages/cli/bin/embsweep.js'),
      'query',
      ENDLESS,
      '--db',
      db,
      '--timeout',
      '3600',
    ]);
    await new Promise((resolve) => command.once('spawn', resolve));
    command.kill('SIGINT');
    const [code, signal] = (await once(command, 'exit')) as [number | null, string | null];
    assert.deepEqual([code, signal], [null, 'SIGINT']);
  });

  it('export writes the trial summary and the curves as CSV files and as one JSON document', () => {
    const out = makeTempDir('export');
    const csv = runCli(['export', 'quick-grid', '--db', db, '--format', 'csv', '--out', out]);
    assert.equal(csv.status, 0, csv.stderr);
    const trials = readFileSync(join(out, 'quick-grid.trials.csv'), 'utf8').trim().split('\n');
    assert.equal(trials.length, 13);
    assert.match(trials[0] ?? '', /^trial_id,sweep,sweep_id,trial_index,/);
    const curves = readFileSync(join(out, 'quick-grid.curves.csv'), 'utf8').trim().split('\n');
    assert.equal(curves.length, 1 + 9 * 8 * 3 + 3 * 3 + 4 * 3);
    const json = JSON.parse(runCli(['export', 'quick-grid', '--db', db, '--format', 'json']).stdout) as {
      trials: unknown[];
      curves: unknown[];
      spec: { method: string };
    };
    assert.equal(json.trials.length, 12);
    assert.equal(json.curves.length, curves.length - 1);
    assert.equal(json.spec.method, 'grid');
  });

  it('names the closest sweep when asked for one that does not exist, and explains a missing database', () => {
    const unknown = runCli(['show', 'quick-gird', '--db', db]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no sweep named "quick-gird" .*did you mean "quick-grid"\?/);
    const missing = runCli(['ls', '--db', join(tmpdir(), 'no-such-dir-embsweep', 'x.db')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no results database at .*x\.db; run a sweep first/);
    const badFormat = runCli(['show', 'quick-grid', '--db', db, '--format', 'xml']);
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /--format must be one of table, json, csv; got "xml"/);
  });
});
