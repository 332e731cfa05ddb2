import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { makeTempDir } from '@embsweep/store/testing';

/** A real redis-server of the test's own, on a free port in a folder of its own. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Stops it (SIGTERM: with append-only persistence it writes its file) and starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops it for good. */
  stop(): Promise<void>;
}

/** Whether Debian's redis-server is installed (`.ci/run` installs it). */
export function redisInstalled(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

/** Starts redis-server and resolves once it accepts connections. */
export async function startRedis(
  options: { readonly appendOnly?: boolean; readonly password?: string } = {},
): Promise<RedisServer> {
  const port = await freePort();
  const dir = makeTempDir('redis');
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    options.appendOnly === true ? 'yes' : 'no',
    '--appendfsync',
    'always',
    ...(options.password === undefined ? [] : ['--requirepass', options.password]),
  ];
  let server = await launch(args);
  return {
    url: `redis://${options.password === undefined ? '' : `:${options.password}@`}127.0.0.1:${port}`,
    port,
    async restart() {
      await terminate(server);
      server = await launch(args);
    },
    async stop() {
      await terminate(server);
    },
  };
}

async function launch(args: readonly string[]): Promise<ChildProcess> {
  const server = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/.test(output)) resolve();
    });
    server.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  server.stdout?.resume();
  return server;
}

async function terminate(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  server.kill('SIGTERM');
  await once(server, 'exit');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}
