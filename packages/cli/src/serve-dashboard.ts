import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Logger } from '@embsweep/core';
import { DEFAULT_PORT, startServer } from '@embsweep/server';
import { ResultsReader } from '@embsweep/store';
import { UsageError } from './usage-error.js';

export const DASHBOARD_FLAGS_HELP = `  --port P   the dashboard's port (default: ${DEFAULT_PORT}; 0 picks a free one)
  --host H   the address to listen on (default: 127.0.0.1, this machine only)`;

/** The built dashboard page, from the @embsweep/dashboard workspace. */
function dashboardDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@embsweep/dashboard/package.json')), 'dist');
}

/** Reads --port: a whole number from 0 to 65535. */
export function parsePort(value: unknown, command: string): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port > 65_535) {
    throw new UsageError(
      `--port must be a whole number from 0 to 65535; got ${JSON.stringify(value)}`,
      command,
    );
  }
  return port;
}

/**
 * Serves the dashboard over a read-only connection to the database at `dbPath`; `close` stops
 * the server and closes that connection. Used by `embsweep dashboard` and `embsweep run --dashboard`.
 */
export async function serveDashboard(options: {
  readonly dbPath: string;
  readonly host: string | undefined;
  readonly port: number;
  readonly logger: Logger;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const reader = ResultsReader.open(options.dbPath);
  try {
    const server = await startServer({
      reader,
      staticDir: dashboardDir(),
      logger: options.logger,
      port: options.port,
      ...(options.host === undefined ? {} : { host: options.host }),
    });
    return {
      url: server.url,
      close: async () => {
        await server.close();
        reader.close();
      },
    };
  } catch (error) {
    reader.close();
    throw error;
  }
}

/** Resolves on the next Ctrl-C or SIGTERM. */
export function nextSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
