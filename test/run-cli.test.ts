import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '@embsweep/store';
import { makeTempDir } from '@embsweep/store/testing';
import { query } from './support/query.js';
import { REPO_ROOT, runCli } from './support/run-cli.js';
import { spawnCli } from './support/spawn-cli.js';
import { mountTmpfs } from './support/tmpfs.js';

/** A sweep file in a fresh folder (so its database and cache are its own). */
function sweepIn(content: Record<string, unknown>): { dir: string; file: string } {
  const dir = makeTempDir('run');
  const file = join(dir, 'sweep.json');
  writeFileSync(file, JSON.stringify(content, null, 2));
  return { dir, file };
}

const longSweep = (name: string) => ({
  name,
  method: 'grid',
  dataset: { source: 'synthetic', samples: 400, length: 20, vocabulary: 200 },
  parameters: {
    embedding_dim: { values: [4, 8, 12, 16] },
    epochs: { value: 40 },
    batch_size: { value: 8 },
    vocab_size: { value: 200 },
    max_length: { value: 20 },
  },
  execution: { backend: 'wasm' },
});

/** Every trial completed, and every (trial, attempt, metric) curve has epochs 1..n exactly once. */
function assertCompleteAndUnduplicated(db: string, expectedTrials: number) {
  const states = query(db, 'SELECT state, COUNT(*) AS n FROM trials GROUP BY state');
  assert.deepEqual(states, [{ state: 'completed', n: expectedTrials }]);
  const gaps = query(
    db,
    `SELECT trial_id, attempt, name, COUNT(*) AS n, MAX(step) AS last FROM metrics GROUP BY 1, 2, 3 HAVING n != last`,
  );
  assert.deepEqual(gaps, []);
}

/**
 * What the README says a run of the quick example shows: width 2 underfits (worst best value),
 * width 128 without regularisation overfits (its final val_loss is far above its best), and
 * L2, then dropout, pull the final value back.
 */
function assertQuickGridStory(db: string): void {
  const rows = query(db, 'SELECT embedding_dim, dropout, l2, best_value, final_value FROM trial_summary');
  const at = (dim: number, dropout: number, l2: number) => {
    const row = rows.find((r) => r['embedding_dim'] === dim && r['dropout'] === dropout && r['l2'] === l2);
    assert.ok(row, `no trial ${dim}/${dropout}/${l2}`);
    return { best: row['best_value'] as number, final: row['final_value'] as number };
  };
  const bestOf = (dim: number) =>
    Math.min(...[0, 0.5].flatMap((d) => [0, 0.001].map((l2) => at(dim, d, l2).best)));
  assert.ok(bestOf(2) > bestOf(16) + 0.03, `width 2 underfits: ${bestOf(2)} vs ${bestOf(16)}`);
  const wide = at(128, 0, 0);
  assert.ok(wide.final > wide.best * 1.3, `width 128 overfits: best ${wide.best}, final ${wide.final}`);
  assert.ok(at(128, 0, 0.001).final < wide.final - 0.15, 'L2 pulls the final val_loss back');
  assert.ok(at(128, 0.5, 0).final < wide.final, 'dropout pulls it back a little');
  assert.ok(at(2, 0, 0).final < at(2, 0, 0).best * 1.01, 'width 2 never overfits');
}

describe('embsweep run (end to end, real processes)', { timeout: 300_000 }, () => {
  it('runs the quick example at concurrency 2 and records every trial, curve and parameter', () => {
    const dir = makeTempDir('quick');
    copyFileSync(join(REPO_ROOT, 'sweeps/quick-grid.json'), join(dir, 'quick-grid.json'));
    const result = runCli(['run', 'quick-grid.json', '--concurrency', '2'], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      /Sweep "quick-grid" finished: 12 completed, 0 pruned, 0 failed, 0 not run, of 12\./,
    );
    assert.match(result.stdout, /Best completed trials by val_loss \(minimize\):/);
    const db = join(dir, 'embsweep.db');
    const trials = query(
      db,
      'SELECT embedding_dim, dropout, l2, state, epochs_run, backend, best_value FROM trial_summary ORDER BY trial_index',
    );
    assert.equal(trials.length, 12);
    assert.deepEqual(new Set(trials.map((t) => t['embedding_dim'])), new Set([2, 16, 128]));
    for (const t of trials) {
      assert.equal(t['state'], 'completed');
      assert.equal(t['epochs_run'], 8);
      assert.equal(t['backend'], 'wasm');
      assert.equal(typeof t['best_value'], 'number');
    }
    const curves = query(
      db,
      "SELECT metric, COUNT(*) AS n FROM curves WHERE metric IN ('loss', 'val_loss', 'acc', 'val_acc') GROUP BY metric",
    );
    assert.deepEqual(
      curves.map((c) => c['n']),
      [96, 96, 96, 96],
    );
    assertCompleteAndUnduplicated(db, 12);
    assertQuickGridStory(db);
    // The embedding is measured every epoch, in every trial.
    assert.deepEqual(
      query(db, "SELECT COUNT(*) AS n FROM curves WHERE metric = 'emb_effective_rank' AND value >= 1"),
      [{ n: 96 }],
    );
  });

  it(
    'runs sweeps/median-seeds.json to the end of several configurations, not only the first one',
    { timeout: 600_000 },
    async () => {
      const dir = makeTempDir('median-seeds');
      copyFileSync(join(REPO_ROOT, 'sweeps/median-seeds.json'), join(dir, 'median-seeds.json'));
      const run = spawnCli(['run', 'median-seeds.json'], dir);
      const { code } = await run.exit;
      assert.equal(code, 0, run.stderr());
      const finished = query(
        join(dir, 'embsweep.db'),
        "SELECT DISTINCT config_index FROM trials WHERE state = 'completed'",
      );
      assert.ok(finished.length >= 2, `configurations run to the end: ${finished.length}`);
    },
  );

  it('stops on Ctrl-C, keeps what was recorded, and resumes to the end', async () => {
    // A 4-epoch trial runs beside a 40-epoch one: when it completes, the long one is mid-run.
    const sweep = longSweep('interrupt');
    const { dir, file } = sweepIn({
      ...sweep,
      parameters: { ...sweep.parameters, embedding_dim: { values: [4, 8] }, epochs: { values: [4, 40] } },
    });
    const run = spawnCli(['run', file, '--concurrency', '2'], dir);
    await run.waitFor(/completed: finished 4 epochs/);
    run.ctrlC();
    const { code } = await run.exit;
    assert.equal(code, 130, run.stderr());
    const db = join(dir, 'embsweep.db');
    const states = query(db, 'SELECT state FROM trials').map((r) => r['state']);
    assert.ok(states.includes('interrupted'), states.join());
    assert.ok(
      (query(
        db,
        "SELECT COUNT(*) AS n FROM metrics m JOIN trials t ON t.id = m.trial_id WHERE t.state = 'interrupted'",
      )[0]?.['n'] as number) > 0,
      'epochs of the interrupted trials are kept',
    );
    assert.match(run.stdout(), /Sweep "interrupt" stopped/);

    const again = runCli(['run', file], dir);
    assert.equal(again.status, 0, again.stderr);
    assertCompleteAndUnduplicated(db, 4);
  });

  it('kills running trials at once on a second Ctrl-C, records them as interrupted, and resumes', async () => {
    // Batches of about 2 s: a graceful stop would wait for the batch to end; a kill does not.
    const { dir, file } = sweepIn({
      ...longSweep('twice'),
      dataset: { source: 'synthetic', samples: 3000, length: 300, vocabulary: 2000 },
      parameters: {
        embedding_dim: { values: [64, 65, 66, 67] },
        epochs: { value: 2 },
        batch_size: { value: 2400 },
        vocab_size: { value: 2000 },
        max_length: { value: 300 },
      },
    });
    const run = spawnCli(['run', file, '--concurrency', '2'], dir);
    await run.waitFor(/running on wasm[\s\S]*running on wasm/);
    run.ctrlC();
    await run.waitFor(/stopped by the user; running trials end at their next batch/);
    run.ctrlC();
    assert.equal((await run.exit).code, 130);
    const db = join(dir, 'embsweep.db');
    const states = query(db, 'SELECT state FROM trials').map((r) => r['state']);
    assert.ok(states.includes('interrupted') && !states.includes('failed'), states.join());
    // They were killed, not left to reach the end of their ~2 s batch.
    const killed = query(
      db,
      "SELECT COUNT(*) AS n FROM trial_events WHERE reason = 'killed by the user (second Ctrl-C)'",
    );
    assert.ok((killed[0]?.['n'] as number) >= 1);
    const again = runCli(['run', file], dir);
    assert.equal(again.status, 0, again.stderr);
    assertCompleteAndUnduplicated(db, 4);
  });

  it('stops a trial whose worker is still starting on a Ctrl-C in the first moment of a run', async () => {
    const { dir, file } = sweepIn(longSweep('early'));
    const run = spawnCli(['run', file, '--concurrency', '2'], dir);
    await run.waitFor(/trial 2\/4 .* starting/); // claimed; its worker is still starting
    run.ctrlC();
    assert.equal((await run.exit).code, 130, run.stderr());
    const db = join(dir, 'embsweep.db');
    const rows = query(db, 'SELECT state, epochs_run FROM trials');
    assert.ok(rows.length > 0 && rows.every((r) => r['state'] === 'interrupted'), JSON.stringify(rows));
    assert.ok(
      rows.every((r) => (r['epochs_run'] as number) < 40),
      'no trial trained all its epochs',
    );
    assert.deepEqual(query(db, 'SELECT status FROM sweeps'), [{ status: 'stopped' }]);
  });

  it('exits non-zero when every trial failed', () => {
    const { dir, file } = sweepIn({
      name: 'all-fail',
      method: 'grid',
      model: './broken.js',
      dataset: { source: 'synthetic', samples: 100 },
      parameters: { n: { values: [1, 2] } },
      execution: { backend: 'wasm' },
    });
    writeFileSync(
      join(dir, 'broken.js'),
      'export function buildModel() { throw new Error("no model today"); }\n',
    );
    const result = runCli(['run', file], dir);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /0 completed, 0 pruned, 2 failed/);
    assert.match(result.stderr, /every trial failed/);
  });

  it('resumes after the scheduler itself is killed with SIGKILL: no trial lost, none run twice to completion, no point duplicated', async () => {
    const { dir, file } = sweepIn({
      ...longSweep('killed'),
      parameters: {
        ...longSweep('killed').parameters,
        embedding_dim: { values: [4, 8] },
        epochs: { values: [3, 60] },
      },
    });
    const run = spawnCli(['run', file, '--concurrency', '2'], dir);
    await run.waitFor(/completed: finished/);
    run.child.kill('SIGKILL');
    await run.exit;
    const db = join(dir, 'embsweep.db');
    const before = query(db, "SELECT id, state FROM trials WHERE state = 'completed'").map((r) => r['id']);
    assert.ok(before.length >= 1);
    const again = runCli(['run', file], dir);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, /left running by a scheduler that is gone; it runs again/);
    assertCompleteAndUnduplicated(db, 4);
    const rerun = query(db, `SELECT id, attempt FROM trials WHERE id IN (${before.join(',')})`);
    assert.ok(
      rerun.every((r) => r['attempt'] === 1),
      'completed trials were not run again',
    );
  });

  it("runs again a trial whose dead scheduler's pid now belongs to an unrelated live process", async () => {
    const sweep = longSweep('reused-pid');
    const { dir, file } = sweepIn({
      ...sweep,
      parameters: { ...sweep.parameters, embedding_dim: { values: [4, 8] }, epochs: { values: [3, 60] } },
    });
    const run = spawnCli(['run', file, '--concurrency', '2'], dir);
    await run.waitFor(/completed: finished/);
    run.child.kill('SIGKILL');
    await run.exit;
    const db = join(dir, 'embsweep.db');
    // After a reboot or a long time, the pid may be reused: here by this test's own process.
    const conn = openDatabase(db);
    const reused = conn
      .prepare(
        "UPDATE trials SET scheduler_pid = ?, heartbeat_at = '2020-01-01T00:00:00.000Z' WHERE state = 'running'",
      )
      .run(process.pid).changes;
    conn.close();
    assert.ok(reused >= 1);
    const again = runCli(['run', file], dir);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, /it runs again \(its scheduler's pid \d+ is alive but wrote no heartbeat/);
    assertCompleteAndUnduplicated(db, 4);
  });

  it('never runs the same trial twice when two schedulers share a sweep', async () => {
    const { dir, file } = sweepIn({
      ...longSweep('shared'),
      parameters: {
        ...longSweep('shared').parameters,
        epochs: { value: 6 },
        embedding_dim: { values: [2, 3, 4, 5, 6, 7] },
      },
    });
    const first = spawnCli(['run', file, '--concurrency', '1'], dir);
    const second = spawnCli(['run', file, '--concurrency', '1'], dir);
    const [a, b] = await Promise.all([first.exit, second.exit]);
    assert.equal(a.code, 0, first.stderr());
    assert.equal(b.code, 0, second.stderr());
    const db = join(dir, 'embsweep.db');
    assertCompleteAndUnduplicated(db, 6);
    assert.deepEqual(query(db, 'SELECT DISTINCT attempt FROM trials'), [{ attempt: 1 }]);
    const claims = query(
      db,
      "SELECT trial_id, COUNT(*) AS n FROM trial_events WHERE to_state = 'running' GROUP BY trial_id HAVING n > 1",
    );
    assert.deepEqual(claims, []);
    const owners = query(
      db,
      "SELECT COUNT(DISTINCT reason) AS n FROM trial_events WHERE to_state = 'running'",
    )[0]?.['n'];
    assert.equal(owners, 2, 'both schedulers ran trials');
  });

  it('refuses to resume a sweep whose search space changed, saying what to do', () => {
    const { dir, file } = sweepIn({
      ...longSweep('changed'),
      parameters: { embedding_dim: { values: [4] }, epochs: { value: 1 } },
    });
    assert.equal(runCli(['run', file], dir).status, 0);
    writeFileSync(
      file,
      JSON.stringify({
        ...longSweep('changed'),
        parameters: { embedding_dim: { values: [4, 8] }, epochs: { value: 1 } },
      }),
    );
    const refused = runCli(['run', file], dir);
    assert.equal(refused.status, 2);
    assert.match(
      refused.stderr,
      /another search space .* Give this sweep a new "name", or run with --force-resume/,
    );
    const forced = runCli(['run', file, '--force-resume'], dir);
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(
      query(join(dir, 'embsweep.db'), "SELECT COUNT(*) AS n FROM trials WHERE state = 'completed'")[0]?.['n'],
      2,
    );
  });

  it("never shows one metric's values under another's name when the sweep file changes its metric", () => {
    const base = {
      ...longSweep('metric'),
      parameters: { embedding_dim: { values: [4, 8] }, epochs: { value: 3 } },
    };
    const { dir, file } = sweepIn(base);
    assert.equal(runCli(['run', file], dir).status, 0);
    writeFileSync(file, JSON.stringify({ ...base, metric: { name: 'val_acc', goal: 'maximize' } }));
    const refused = runCli(['run', file], dir);
    assert.equal(refused.status, 2);
    assert.match(
      refused.stderr,
      /was run optimising val_loss \(minimize\); this file says val_acc \(maximize\).*--force-resume to switch it/,
    );
    const switched = runCli(['run', file, '--force-resume'], dir);
    assert.equal(switched.status, 0, switched.stderr);
    assert.match(switched.stdout, /Best completed trials by val_acc \(maximize\):\n.*best_val_acc/);
    const db = join(dir, 'embsweep.db');
    const mismatched = query(
      db,
      `SELECT t.id FROM trials t WHERE t.best_value IS NOT (
         SELECT MAX(m.value) FROM metrics m WHERE m.trial_id = t.id AND m.attempt = t.attempt AND m.name = 'val_acc')`,
    );
    assert.deepEqual(mismatched, [], 'every stored best value is the best val_acc');
    assert.deepEqual(query(db, 'SELECT metric_name, metric_goal FROM sweeps'), [
      { metric_name: 'val_acc', metric_goal: 'maximize' },
    ]);
  });

  it('handles huge search spaces lazily: plan streams a 6e11-cell grid, run starts at once and Ctrl-C ends it', async () => {
    const huge = {
      name: 'huge',
      method: 'grid',
      dataset: { source: 'synthetic', samples: 200, length: 10, vocabulary: 50 },
      parameters: {
        embedding_dim: { min: 1, max: 600 },
        l2: { distribution: 'q_uniform', min: 0, max: 1, q: 1e-9 },
        epochs: { value: 50 },
        vocab_size: { value: 50 },
        max_length: { value: 10 },
      },
      execution: { backend: 'wasm' },
    };
    const { dir, file } = sweepIn(huge);
    assert.match(runCli(['validate', file, '--skip-data'], dir).stdout, /600000000000 trials/);
    const plan = spawnCli(['plan', file], dir);
    await plan.waitFor(/(\n\s+\d+\s+0\s+\d+.*){20}/); // twenty rows: it streams
    plan.child.kill('SIGKILL');
    await plan.exit;

    const grid = spawnCli(['run', file, '--concurrency', '1'], dir);
    await grid.waitFor(/trial 1\/600000000000 .* running on wasm/);
    grid.ctrlC();
    assert.equal((await grid.exit).code, 130, grid.stderr());

    const random = sweepIn({ ...huge, name: 'endless', method: 'random', run_cap: 1e12 });
    const endless = spawnCli(['run', random.file, '--concurrency', '1'], random.dir);
    await endless.waitFor(/running on wasm/);
    endless.ctrlC();
    await endless.waitFor(/stopped by the user/);
    endless.ctrlC();
    assert.equal((await endless.exit).code, 130, endless.stderr());
  });

  it('runs a bayes sweep with asha: the random start-up as planned, then proposals that learn, every trial recorded', () => {
    const { dir, file } = sweepIn({
      name: 'bayes',
      method: 'bayes',
      run_cap: 10,
      bayes: { n_startup_trials: 4 },
      dataset: { source: 'synthetic', samples: 300, length: 20, vocabulary: 200 },
      parameters: {
        embedding_dim: { distribution: 'q_log_uniform_values', min: 4, max: 64, q: 1 },
        dropout: { distribution: 'uniform', min: 0.0, max: 0.5 },
        learning_rate: { distribution: 'log_uniform_values', min: 0.001, max: 0.03 },
        epochs: { value: 4 },
        vocab_size: { value: 200 },
        max_length: { value: 20 },
      },
      early_terminate: { type: 'asha', min_iter: 1, eta: 2 },
      execution: { backend: 'wasm' },
    });
    const plan = runCli(['plan', file, '--json'], dir);
    assert.equal(plan.status, 0, plan.stderr);
    assert.match(plan.stderr, /cannot plan ahead; these are its first 4 trials/);
    const planned = JSON.parse(plan.stdout) as { params: Record<string, unknown> }[];
    const result = runCli(['run', file, '--concurrency', '2'], dir);
    assert.equal(result.status, 0, result.stderr);
    const db = join(dir, 'embsweep.db');
    const rows = query(db, 'SELECT params, state FROM trial_summary ORDER BY trial_index');
    assert.equal(rows.length, 10);
    assert.deepEqual(
      rows.slice(0, 4).map((r) => JSON.parse(String(r['params'])) as unknown),
      planned.map((p) => p.params),
      'the start-up is what plan showed',
    );
    assert.ok(
      rows.every((r) => r['state'] === 'completed' || r['state'] === 'pruned'),
      JSON.stringify(rows),
    );
    assert.ok(
      rows.some((r) => r['state'] === 'pruned'),
      'asha stopped some',
    );
    assert.deepEqual(query(db, 'SELECT status FROM sweeps'), [{ status: 'finished' }]);
  });

  it('fails a diverging trial as diverged with its epochs kept, and goes on', () => {
    const { dir, file } = sweepIn({
      name: 'diverge',
      method: 'grid',
      model: './model.js',
      dataset: { source: 'synthetic', samples: 200 },
      parameters: { explode: { values: [false, true] }, epochs: { value: 3 }, batch_size: { value: 8 } },
      execution: { backend: 'wasm' },
    });
    // A model with a numeric bug: after 30 training steps its output is NaN (when `explode`).
    writeFileSync(
      join(dir, 'model.js'),
      `export function buildModel({ tf, params, vocabSize, maxLength, seed }) {
        let steps = 0;
        class Bug extends tf.layers.Layer {
          static className = 'Bug';
          call(inputs, kwargs) {
            const x = Array.isArray(inputs) ? inputs[0] : inputs;
            if (kwargs.training) steps++;
            return params.explode && steps > 30 ? x.mul(NaN) : x;
          }
        }
        return tf.sequential({ layers: [
          tf.layers.embedding({ inputDim: vocabSize, outputDim: 4, inputLength: maxLength, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed }) }),
          tf.layers.globalAveragePooling1d(),
          new Bug({}),
          tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed }) }) ] });
      }\n`,
    );
    const result = runCli(['run', file], dir);
    assert.equal(result.status, 0, result.stderr);
    const rows = query(
      join(dir, 'embsweep.db'),
      "SELECT json_extract(params, '$.explode') AS explode, state, error_code, epochs_run FROM trial_summary ORDER BY trial_index",
    );
    assert.deepEqual(rows[0], { explode: 0, state: 'completed', error_code: null, epochs_run: 3 });
    assert.deepEqual(rows[1], { explode: 1, state: 'failed', error_code: 'diverged', epochs_run: 1 });
  });

  it('stops on data that cannot be used before any trial trains, records why, and completes once the data is fixed', () => {
    const { dir, file } = sweepIn({
      name: 'bad-data',
      method: 'grid',
      dataset: { source: 'file', path: 'data/texts.csv' },
      parameters: { embedding_dim: { values: [4, 8] }, epochs: { value: 1 } },
      execution: { backend: 'wasm' },
    });
    // Run from another folder: the data path is relative to the sweep file, not to the shell.
    const elsewhere = makeTempDir('cwd');
    const failed = runCli(['run', file, '--db', join(dir, 'embsweep.db')], elsewhere);
    assert.equal(failed.status, 2, failed.stderr);
    assert.match(failed.stderr, /the data set cannot be used: .*data\/texts\.csv/);
    const db = join(dir, 'embsweep.db');
    const [sweep] = query(db, 'SELECT status, status_reason FROM sweeps');
    assert.equal(sweep?.['status'], 'stopped');
    assert.match(String(sweep?.['status_reason']), /the data set cannot be used: .*texts\.csv/);
    assert.deepEqual(query(db, "SELECT COUNT(*) AS n FROM trials WHERE state = 'pending'"), [{ n: 0 }]);
    assert.deepEqual(query(db, "SELECT COUNT(*) AS n FROM trials WHERE state IN ('running', 'completed')"), [
      { n: 0 },
    ]);

    mkdirSync(join(dir, 'data'));
    const rows = Array.from(
      { length: 60 },
      (_, i) => `${i % 2 ? 'great fine good' : 'awful bad poor'} ${i},${i % 2 ? 'pos' : 'neg'}`,
    );
    writeFileSync(join(dir, 'data/texts.csv'), `text,label\n${rows.join('\n')}\n`);
    const fixed = runCli(['run', file, '--db', db], elsewhere);
    assert.equal(fixed.status, 0, fixed.stderr);
    assertCompleteAndUnduplicated(db, 2);
    assert.deepEqual(query(db, 'SELECT status FROM sweeps'), [{ status: 'finished' }]);
  });

  it('stops cleanly on a full disk, says so, and a rerun after freeing space completes the sweep', (t) => {
    const disk = mountTmpfs(768 * 1024);
    if (disk === undefined) return t.skip('mounting a tmpfs is not allowed here (needs root)');
    try {
      const sweep = longSweep('full-disk');
      const { file } = sweepIn({ ...sweep, parameters: { ...sweep.parameters, epochs: { value: 400 } } });
      const db = join(disk.dir, 'embsweep.db');
      const full = runCli(['run', file, '--db', db, '--concurrency', '2'], disk.dir);
      assert.equal(full.status, 1, full.stderr);
      assert.match(
        full.stderr,
        /the results database .*embsweep\.db is full .* Free disk space and run the command again/,
      );
      assert.doesNotMatch(full.stderr, /unexpected error|\n\s+at /, 'no stack trace');
      execFileSync('mount', ['-o', 'remount,size=64m', disk.dir]);
      const again = runCli(['run', file, '--db', db], disk.dir);
      assert.equal(again.status, 0, again.stderr);
      assertCompleteAndUnduplicated(db, 4);
      assert.deepEqual(query(db, 'SELECT status FROM sweeps'), [{ status: 'finished' }]);
    } finally {
      disk.unmount();
    }
  });
});
