import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { EmbsweepError, type Logger } from '@embsweep/core';
import type { ResultsReader } from '@embsweep/store';
import { createApp } from './create-app.js';
import { allowedHosts, isLoopback } from './host-check.js';

export interface ServerOptions {
  readonly reader: ResultsReader;
  readonly staticDir: string;
  readonly logger: Logger;
  /** @default '127.0.0.1' (only this machine can connect) */
  readonly host?: string;
  /** @default 8321; 0 picks a free port */
  readonly port?: number;
  readonly liveIntervalMs?: number;
}

export interface RunningServer {
  /** Where to open the dashboard, e.g. http://127.0.0.1:8321/ */
  readonly url: string;
  readonly port: number;
  /** Stops accepting requests, ends live connections, and resolves when the server is closed. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8321;

/**
 * Serves the dashboard: called by `embsweep dashboard` and `embsweep run --dashboard`. Says on
 * start where it is bound, and warns when that is reachable from other machines.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!existsSync(join(options.staticDir, 'index.html'))) {
    throw new EmbsweepError(
      'not_found',
      `the dashboard page is not built (no index.html in ${options.staticDir}); run "npm run build" in the embsweep folder`,
    );
  }
  const server = createServer();
  const port = await listen(server, host, options.port ?? DEFAULT_PORT);
  const { app, feed } = createApp({
    reader: options.reader,
    staticDir: options.staticDir,
    logger: options.logger,
    allowedHosts: allowedHosts(host, port),
    ...(options.liveIntervalMs === undefined ? {} : { liveIntervalMs: options.liveIntervalMs }),
  });
  server.on('request', app);
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${shown}:${port}/`;
  if (isLoopback(host)) {
    options.logger.info(`dashboard: ${url} (bound to ${host}: only this machine can open it)`);
  } else {
    options.logger.warn(
      `dashboard: ${url} is bound to ${host}: anyone who can reach this machine on port ${port} can read these results. Use --host 127.0.0.1 unless you mean to share them.`,
    );
  }
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        feed.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE'
          ? `port ${port} on ${host} is already in use (another dashboard?); choose another with --port`
          : error.code === 'EADDRNOTAVAIL'
            ? `${host} is not an address of this machine; use --host 127.0.0.1 or one of its addresses`
            : `cannot listen on ${host}:${port}: ${error.message}`;
      reject(new EmbsweepError('config_invalid', why));
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
