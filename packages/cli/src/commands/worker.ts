import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { MAX_CONCURRENCY } from '@embsweep/core';
import { consoleLogger } from '../console-logger.js';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { parseCount, parseRedisUrl } from '../parse-redis-url.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { loadRemote } from '../load-remote.js';

export const workerCommand: Command = {
  name: 'worker',
  help: `Usage: embsweep worker --redis redis://HOST:6379 [--concurrency N] [--cache DIR] [--sweep-dir DIR]
                       [--backend B] [--verbose]

Trains trials for every sweep that an "embsweep run --redis" on the same Redis is running,
on this machine, at most N at once, each in a trainer process of its own (reused from trial
to trial). Reports go back through Redis to the scheduler, which records them.

Files: a sweep's data file is used from this machine when a copy with the same content is
at the same place relative to --sweep-dir; otherwise it is fetched from Redis by its content
hash (uploaded by the scheduler) and kept in the cache. A custom model module or pretrained
vectors must be on this machine, at the same place relative to --sweep-dir and with the same
content: code is never sent over the queue.

Ctrl-C stops taking trials and lets the running ones finish; a second Ctrl-C stops them and
hands them back to the queue for another worker.

Options:
  --redis URL       the Redis the sweeps use: redis://[:password@]host:port, or rediss:// for TLS
  --concurrency N   trials at once on this machine (default: the number of CPU cores)
  --cache DIR       where prepared and received data are kept (default: ./.embsweep-cache)
  --sweep-dir DIR   the folder that sweeps' relative paths resolve against here (default: .)
  --backend B       the tfjs backend for every trial here (default: each sweep's execution.backend)
  --verbose         also print the trainer processes' own log lines
  -h, --help        show this help

Example:
  embsweep worker --redis redis://sweeps.example.org:6379 --concurrency 4`,
  async run(args, io) {
    const { values, positionals } = parseFlags('worker', args, {
      redis: { type: 'string' },
      concurrency: { type: 'string' },
      cache: { type: 'string' },
      'sweep-dir': { type: 'string' },
      backend: { type: 'string' },
      verbose: { type: 'boolean' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    if (positionals.length > 0)
      throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`, 'worker');
    const redisUrl = parseRedisUrl(values.redis, 'worker');
    const concurrency = parseCount(
      values.concurrency,
      availableParallelism(),
      '--concurrency',
      MAX_CONCURRENCY,
      'worker',
    );
    const sweepDir = resolve(io.cwd, typeof values['sweep-dir'] === 'string' ? values['sweep-dir'] : '.');
    const logger = consoleLogger(io.err, values.verbose === true);
    const { RemoteWorker } = await loadRemote();
    const worker = new RemoteWorker({
      redisUrl,
      concurrency,
      sweepDir,
      cacheDir: resolve(io.cwd, typeof values.cache === 'string' ? values.cache : '.embsweep-cache'),
      backend: typeof values.backend === 'string' ? values.backend : undefined,
      logger,
    });
    await worker.start();
    return new Promise<number>((done) => {
      let signals = 0;
      const onSignal = () => {
        signals++;
        if (signals === 1) {
          logger.info(
            'stopping: no new trials; running ones finish (Ctrl-C again to hand them back to the queue)',
          );
          void worker.drain().then(() => {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
            done(EXIT.interrupted);
          });
        } else if (signals === 2) {
          logger.info('handing the running trials back to the queue');
          worker.handBack();
        }
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    });
  },
};
