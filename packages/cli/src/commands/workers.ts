import { EXIT } from '../io.js';
import { formatRows } from '../format-rows.js';
import { parseFlags } from '../parse-flags.js';
import { parseFormat } from '../parse-format.js';
import { parseRedisUrl } from '../parse-redis-url.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { loadRemote } from '../load-remote.js';

export const workersCommand: Command = {
  name: 'workers',
  help: `Usage: embsweep workers --redis redis://HOST:6379 [--format table|json|csv]

Lists the workers connected to a Redis ("embsweep worker"): where each runs, its backend,
how many trials it takes at once, and what it is running now.

Options:
  --redis URL      the Redis: redis://[:password@]host:port, or rediss:// for TLS
  --format F       table (default), json or csv
  -h, --help       show this help

Examples:
  embsweep workers --redis redis://queue.example.org:6379`,
  async run(args, io) {
    const { values, positionals } = parseFlags('workers', args, {
      redis: { type: 'string' },
      format: { type: 'string' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    if (positionals.length > 0)
      throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`, 'workers');
    const redisUrl = parseRedisUrl(values.redis, 'workers');
    const format = parseFormat(values.format, 'workers');
    const { connectRedis, listWorkers, reachRedis } = await loadRemote();
    const redis = connectRedis(redisUrl, 'embsweep-workers');
    try {
      await reachRedis(redis, redisUrl, 10_000);
      const workers = await listWorkers(redis);
      const rows = workers.map((w) => ({
        worker: w.id,
        host: w.host,
        backend: w.backend,
        slots: w.concurrency,
        running: w.running.map((r) => `${r.sweep} trial ${r.trialId}`).join('; ') || '-',
        state: w.draining ? 'stopping' : 'serving',
        seen_s_ago: Math.max(0, Math.round((Date.now() - w.seenAt) / 1000)),
      }));
      const columns = ['worker', 'host', 'backend', 'slots', 'running', 'state', 'seen_s_ago'];
      if (rows.length === 0 && format === 'table') io.out('no workers connected\n');
      else io.out(`${formatRows(columns, rows, format)}\n`);
      return EXIT.ok;
    } finally {
      redis.disconnect();
    }
  },
};
