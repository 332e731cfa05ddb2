import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { makeTempDir } from '@embsweep/store/testing';

/** A real redis-server of the test's own, on a free port in a folder of its own. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** With TLS: the certificate of the authority that signed the server's (for NODE_EXTRA_CA_CERTS). */
  readonly caFile?: string | undefined;
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
  options: { readonly appendOnly?: boolean; readonly password?: string; readonly tls?: boolean } = {},
): Promise<RedisServer> {
  const port = await freePort();
  const dir = makeTempDir('redis');
  const tls = options.tls === true ? makeCertificates(dir) : undefined;
  const args = [
    ...(tls === undefined
      ? ['--port', String(port)]
      : ['--port', '0', '--tls-port', String(port), '--tls-auth-clients', 'no', ...tls.args]),
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
    url: `${tls === undefined ? 'redis' : 'rediss'}://${options.password === undefined ? '' : `:${options.password}@`}127.0.0.1:${port}`,
    port,
    caFile: tls?.caFile,
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

/** A certificate authority and a server certificate for 127.0.0.1, made with openssl. */
function makeCertificates(dir: string): { readonly caFile: string; readonly args: readonly string[] } {
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => {
    const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`openssl ${args[0] ?? ''} failed: ${result.stderr}`);
  };
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=embsweep test CA',
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.pem'),
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    at('server.key'),
    '-out',
    at('server.csr'),
  );
  writeFileSync(at('san.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.pem'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    at('san.cnf'),
    '-out',
    at('server.pem'),
  );
  return {
    caFile: at('ca.pem'),
    args: [
      '--tls-cert-file',
      at('server.pem'),
      '--tls-key-file',
      at('server.key'),
      '--tls-ca-cert-file',
      at('ca.pem'),
    ],
  };
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
