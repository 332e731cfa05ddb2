import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { MAX_CONCURRENCY } from '@embsweep/core';
import { runSweep } from '@embsweep/scheduler';
import { SqliteStore } from '@embsweep/store';
import { describeTrialInputs } from '@embsweep/trainer/inputs';
import { chooseExecutor, connectedSlots } from '../choose-executor.js';
import { consoleLogger } from '../console-logger.js';
import { parseCount, parseRedisUrl } from '../parse-redis-url.js';
import { LiveStatus } from '../live-status.js';
import { DB_FLAG_HELP, resolveDbPath } from '../db-path.js';
import { EXIT } from '../io.js';
import { loadSweepFile } from '../load-sweep-file.js';
import { parseFlags } from '../parse-flags.js';
import { earlyStopperFor, searchStrategyFor } from '../registry.js';
import { nextSignal, parsePort, serveDashboard } from '../serve-dashboard.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { runSummary } from './run-summary.js';

export const runCommand: Command = {
  name: 'run',
  help: `Usage: embsweep run <sweep.json|sweep.yaml> [--db PATH] [--concurrency N] [--dashboard [--port P] [--host H]]
                    [--redis URL [--local-workers N] [--max-upload-mb M]] [--force-resume] [--verbose]

Validates the sweep file, prepares its data once, and runs its trials in worker processes, at
most N at once, recording every epoch in the results database as it arrives. The
early-termination rule judges every epoch. Running the same command again resumes the sweep:
finished trials are kept, unfinished ones run again. Ctrl-C stops it gracefully (running
trials end at their next batch and are recorded as interrupted); a second Ctrl-C kills them.
With --dashboard, the dashboard is served while the sweep runs and afterwards, until Ctrl-C.
With --redis, trials go to a queue on that Redis and are trained by "embsweep worker"s on any
machine (and, with --local-workers, also here); this command still records everything.

Options:
  --concurrency N  trials at once (default: execution.concurrency, else the number of CPU cores;
                   with --redis, the slots of the workers connected when the sweep starts)
  --redis URL      run trials on remote workers through this Redis (redis://host:6379, rediss:// for TLS)
  --local-workers N  with --redis: also run up to N trials at once in processes here
  --max-upload-mb M  with --redis: largest data file sent to workers through Redis (default 256)
  --dashboard      serve the web dashboard while the sweep runs (see "embsweep dashboard")
  --port P         the dashboard's port (default: 8321; 0 picks a free one)
  --host H         the dashboard's address (default: 127.0.0.1, this machine only)
  --force-resume   resume even though the sweep file's search space changed (new trials are added)
  --verbose        also print the workers' own log lines
${DB_FLAG_HELP}
  -h, --help       show this help

Examples:
  embsweep run sweep.yaml --dashboard
  embsweep run sweeps/quick-grid.json --concurrency 2 --db results.db
  embsweep run sweep.yaml --redis redis://queue.example.org:6379 --local-workers 1`,
  async run(args, io) {
    const { positionals, values } = parseFlags('run', args, {
      db: { type: 'string' },
      concurrency: { type: 'string' },
      'force-resume': { type: 'boolean' },
      verbose: { type: 'boolean' },
      dashboard: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      redis: { type: 'string' },
      'local-workers': { type: 'string' },
      'max-upload-mb': { type: 'string' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const file = positionals[0];
    if (file === undefined || positionals.length > 1) throw new UsageError('expected one sweep file', 'run');
    const { spec, path } = await loadSweepFile(file, io.cwd);
    const sweepDir = dirname(path);
    const redisUrl = values.redis === undefined ? undefined : parseRedisUrl(values.redis, 'run');
    if (
      redisUrl === undefined &&
      (values['local-workers'] !== undefined || values['max-upload-mb'] !== undefined)
    )
      throw new UsageError('--local-workers and --max-upload-mb go with --redis', 'run');
    const localWorkers = parseCount(values['local-workers'], 0, '--local-workers', MAX_CONCURRENCY, 'run');
    const maxUploadMb = parseCount(values['max-upload-mb'], 256, '--max-upload-mb', 4096, 'run');
    // With --redis, Redis is asked first: one that cannot be reached ends the run before the
    // results database is touched.
    const slots =
      redisUrl === undefined ? availableParallelism() : await connectedSlots(redisUrl, localWorkers);
    const concurrency =
      values.concurrency === undefined ? (spec.execution.concurrency ?? slots) : Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new UsageError(
        `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY} (as execution.concurrency); got ${JSON.stringify(values.concurrency)}`,
        'run',
      );
    }
    if (!values.dashboard && (values.port !== undefined || values.host !== undefined))
      throw new UsageError('--port and --host go with --dashboard', 'run');
    const port = parsePort(values.port, 'run');
    const dbPath = resolveDbPath(values.db, io.cwd);
    // Read (and hash) every file the sweep names before anything is written.
    const inputs = describeTrialInputs(spec, sweepDir);
    const created = !existsSync(dbPath);
    const store = SqliteStore.open(dbPath);
    // On a terminal, a live status line with the log above it; elsewhere, log lines only.
    const live =
      io.isTerminal === true
        ? new LiveStatus(
            io.err,
            () => process.stderr.columns || 100,
            store,
            spec.name ?? 'sweep',
            spec.metric.name,
            spec.metric.goal,
          )
        : undefined;
    const logger = consoleLogger(live ? (text) => live.log(text) : io.err, values.verbose === true);
    let dashboard: Awaited<ReturnType<typeof serveDashboard>> | undefined;
    try {
      dashboard = values.dashboard
        ? await serveDashboard({
            dbPath,
            host: typeof values.host === 'string' ? values.host : undefined,
            port,
            logger,
          })
        : undefined;
    } catch (error) {
      store.close();
      // The run never started: leave no empty database behind for a user who only mistyped a port.
      if (created) for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
      throw error;
    }
    live?.start();
    const stop = new AbortController();
    const kill = new AbortController();
    const onSignal = () => (stop.signal.aborted ? kill.abort() : stop.abort());
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const named = { ...spec, name: spec.name ?? 'sweep' };
    try {
      const { executor, where } = await chooseExecutor({
        spec: named,
        sweepDir,
        dbPath,
        logger,
        redisUrl,
        localWorkers,
        maxUploadBytes: maxUploadMb * 1024 * 1024,
      });
      logger.info(
        `sweep ${named.name}: ${spec.method} search, ${concurrency} at once${where}, results in ${dbPath}`,
      );
      const result = await runSweep({
        spec: named,
        store,
        executor,
        strategy: searchStrategyFor(spec),
        stopper: earlyStopperFor(spec),
        inputs,
        logger,
        concurrency,
        stop: stop.signal,
        kill: kill.signal,
        forceResume: values['force-resume'] === true,
      });
      live?.stop();
      const interrupted = stop.signal.aborted; // a Ctrl-C after this only ends the dashboard
      const trials = store.listTrials(result.sweepId);
      io.out(runSummary(spec, result, trials));
      io.out(
        `\nResults: ${dbPath}. Query them with "embsweep show ${spec.name ?? ''}", "embsweep best ${spec.name ?? ''}" or "embsweep query"${dashboard ? '' : `, or see them with "embsweep dashboard${values.db === undefined ? '' : ` --db ${dbPath}`}"`}.\n`,
      );
      if (dashboard && !interrupted) {
        io.out(`Dashboard: ${dashboard.url}  (still serving; Ctrl-C to stop)\n`);
        await nextSignal();
      }
      if (interrupted) return EXIT.interrupted;
      if (trials.length > 0 && trials.every((t) => t.state === 'failed')) {
        io.err(
          `embsweep: every trial failed (see the reasons above); fix the cause and run the same command again\n`,
        );
        return EXIT.failed;
      }
      return result.status === 'failed' ? EXIT.failed : EXIT.ok;
    } finally {
      live?.stop();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await dashboard?.close();
      store.close();
    }
  },
};
