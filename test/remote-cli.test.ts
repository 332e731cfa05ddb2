// `embsweep worker`, `embsweep workers` and `embsweep run --redis` end to end: a real
// redis-server, a worker in a folder of its own (without the sweep's files), the real trainer.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { redisInstalled, startRedis, type RedisServer } from '@embsweep/remote/testing';
import { makeTempDir } from '@embsweep/store/testing';
import { query } from './support/query.js';
import { REPO_ROOT, runCli } from './support/run-cli.js';
import { spawnCli, type CliProcess } from './support/spawn-cli.js';

const exec = promisify(execFile);

/** `embsweep ...` without blocking this process (a worker's output must keep flowing meanwhile). */
async function cli(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(
      process.execPath,
      [`${REPO_ROOT}packages/cli/bin/embsweep.js`, ...args],
      {
        cwd,
        env: { ...process.env, EMBSWEEP_DB: undefined },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A folder with a sweep over a small CSV data set (and whatever else is given). */
function sweepFolder(sweep: Record<string, unknown>): string {
  const dir = makeTempDir('remote-cli');
  mkdirSync(join(dir, 'data'));
  const rows = Array.from({ length: 240 }, (_, i) =>
    i % 2 === 0 ? `good fine nice great day ${i % 7},pos` : `bad awful poor ugly day ${i % 7},neg`,
  );
  writeFileSync(join(dir, 'data', 'texts.csv'), `text,label\n${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify(sweep));
  return dir;
}

const base = {
  method: 'grid',
  metric: { name: 'val_loss' },
  dataset: { source: 'file', path: 'data/texts.csv' },
  parameters: {
    embedding_dim: { values: [4, 8] },
    epochs: { value: 2 },
    vocab_size: { value: 40 },
    max_length: { value: 8 },
  },
  execution: { max_retries: 0 },
};

describe(
  'many machines: embsweep worker, workers and run --redis',
  {
    skip: redisInstalled() ? false : 'redis-server is not installed (.ci/run installs it)',
    timeout: 180_000,
  },
  () => {
    let redis: RedisServer;
    let worker: CliProcess;
    let workerDir = '';

    before(async () => {
      redis = await startRedis();
      workerDir = makeTempDir('remote-cli-worker'); // has none of the sweeps' files
      worker = spawnCli(['worker', '--redis', redis.url, '--concurrency', '2'], workerDir);
      await worker.waitFor(/ready for trials \(2 at once\)/);
    });
    after(async () => {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      await redis.stop();
    });

    it('lists the connected worker with its host and slots', async () => {
      const listed = await cli(['workers', '--redis', redis.url, '--format', 'json'], workerDir);
      assert.equal(listed.code, 0, listed.stderr);
      const workers = JSON.parse(listed.stdout) as Record<string, unknown>[];
      assert.equal(workers.length, 1);
      assert.equal(workers[0]?.['worker'], `${String(workers[0]?.['host'])}/${worker.child.pid ?? 0}`);
      assert.equal(workers[0]?.['slots'], 2);
    });

    it('runs a sweep on the worker, which fetches the data file by its content hash', async () => {
      const dir = sweepFolder({ ...base, name: 'remote-data' });
      const run = await cli(['run', 'sweep.json', '--redis', redis.url], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /2 at once on workers through redis:\/\/127\.0\.0\.1:\d+/);
      const rows = query(
        join(dir, 'embsweep.db'),
        'SELECT state, worker_host, epochs_run FROM trial_summary',
      );
      assert.equal(rows.length, 2);
      for (const row of rows)
        assert.deepEqual(
          { ...row, worker_host: typeof row['worker_host'] },
          {
            state: 'completed',
            worker_host: 'string',
            epochs_run: 2,
          },
        );
      // What a remote trial leaves besides metrics comes back with its result.
      assert.deepEqual(
        query(join(dir, 'embsweep.db'), "SELECT COUNT(*) AS n FROM artifacts WHERE name = 'neighbours'"),
        [{ n: 2 }],
      );
      const received = join(workerDir, '.embsweep-cache', 'received');
      assert.ok(existsSync(received), 'the worker received the data file');
      assert.deepEqual(readdirSync(join(received, readdirSync(received)[0] ?? '')), ['texts.csv']);
    });

    it('never runs a custom model sent over the queue: a worker without the module fails the trial saying what to do', async () => {
      const dir = sweepFolder({ ...base, name: 'remote-model', model: './model.js' });
      writeFileSync(
        join(dir, 'model.js'),
        'export function buildModel() { throw new Error("never here"); }\n',
      );
      const run = await cli(['run', 'sweep.json', '--redis', redis.url], dir);
      assert.equal(run.code, 1, run.stderr);
      const rows = query(join(dir, 'embsweep.db'), 'SELECT state, error_message FROM trial_summary');
      for (const row of rows) {
        assert.equal(row['state'], 'failed');
        assert.match(
          String(row['error_message']),
          /cannot read the model module .*model\.js on this machine: copy it there/,
        );
      }
    });

    it('refuses a --redis that is not a Redis URL, and --local-workers without --redis', () => {
      const bad = runCli(['worker', '--redis', 'http://x:1']);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--redis must start with redis:\/\/ \(or rediss:\/\/ for TLS\)/);
      const alone = runCli(['run', 'sweeps/quick-grid.json', '--local-workers', '2']);
      assert.equal(alone.status, 2);
      assert.match(alone.stderr, /--local-workers and --max-upload-mb go with --redis/);
    });

    it("with --local-workers, also trains on the scheduler's machine", async () => {
      const dir = sweepFolder({
        ...base,
        name: 'mixed',
        parameters: { ...base.parameters, embedding_dim: { values: [4, 6, 8, 10, 12, 14] } },
      });
      const run = await cli(
        ['run', 'sweep.json', '--redis', redis.url, '--local-workers', '1', '--concurrency', '3'],
        dir,
      );
      assert.equal(run.code, 0, run.stderr);
      const where = query(
        join(dir, 'embsweep.db'),
        "SELECT worker_id LIKE 'local:%' AS here, state FROM trials",
      );
      assert.equal(where.length, 6);
      assert.ok(where.every((t) => t['state'] === 'completed'));
      assert.ok(
        where.some((t) => t['here'] === 1),
        'some trials ran here',
      );
      assert.ok(
        where.some((t) => t['here'] === 0),
        'some trials ran on the worker',
      );
    });

    it('refuses to send a data file over the upload limit, saying what to do instead', async () => {
      const dir = sweepFolder({ ...base, name: 'too-big' });
      const row = `${'word '.repeat(40)},pos\n${'other '.repeat(40)},neg\n`;
      writeFileSync(join(dir, 'data', 'texts.csv'), `text,label\n${row.repeat(3000)}`);
      const run = await cli(['run', 'sweep.json', '--redis', redis.url, '--max-upload-mb', '1'], dir);
      assert.equal(run.code, 2, run.stderr);
      assert.match(
        run.stderr,
        /the data file .*texts\.csv is 1\.\d MB, more than the 1\.0 MB that workers can be sent through Redis; put a copy on every worker machine/,
      );
    });

    it('says when Redis cannot be reached, before it touches the results database', async () => {
      const dir = sweepFolder({ ...base, name: 'no-redis' });
      const run = await cli(['run', 'sweep.json', '--redis', 'redis://127.0.0.1:9'], dir);
      assert.equal(run.code, 1);
      assert.match(
        run.stderr,
        /cannot reach Redis at redis:\/\/127\.0\.0\.1:9 \(connect ECONNREFUSED .*\); start it, or check --redis/,
      );
      assert.equal(existsSync(join(dir, 'embsweep.db')), false);
    });

    it('stops taking trials at Ctrl-C and exits with 130', async () => {
      worker.ctrlC();
      assert.deepEqual(await worker.exit, { code: 130, signal: null });
      assert.match(worker.stderr(), /stopping: no new trials/);
      const listed = await cli(['workers', '--redis', redis.url], workerDir);
      assert.match(listed.stdout, /no workers connected/);
    });
  },
);
