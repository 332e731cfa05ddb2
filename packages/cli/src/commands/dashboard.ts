import { consoleLogger } from '../console-logger.js';
import { DB_FLAG_HELP, resolveDbPath } from '../db-path.js';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { DASHBOARD_FLAGS_HELP, nextSignal, parsePort, serveDashboard } from '../serve-dashboard.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';

export const dashboardCommand: Command = {
  name: 'dashboard',
  help: `Usage: embsweep dashboard [--db PATH] [--port P] [--host H]

Serves the dashboard of the results database until Ctrl-C: every sweep, its validation curves
compared across trials (coloured and grouped by parameter), the trials table, parameter views,
and each trial's curves and events. Pages update by themselves while a sweep runs. The server
only reads the database. It listens on 127.0.0.1 unless --host says otherwise.

Options:
${DASHBOARD_FLAGS_HELP}
${DB_FLAG_HELP}
  -h, --help show this help

Examples:
  embsweep dashboard
  embsweep dashboard --db results/embsweep.db --port 9000`,
  async run(args, io) {
    const { positionals, values } = parseFlags('dashboard', args, {
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    if (positionals.length > 0)
      throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`, 'dashboard');
    const port = parsePort(values.port, 'dashboard');
    const stopped = nextSignal();
    const dashboard = await serveDashboard({
      dbPath: resolveDbPath(values.db, io.cwd),
      host: typeof values.host === 'string' ? values.host : undefined,
      port,
      logger: consoleLogger(io.err, false),
    });
    io.out(`Dashboard: ${dashboard.url}  (Ctrl-C to stop)\n`);
    await stopped;
    await dashboard.close();
    return EXIT.ok;
  },
};
