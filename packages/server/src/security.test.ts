import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Logger } from '@embsweep/core';
import { ResultsReader } from '@embsweep/store';
import { startServer } from './start-server.js';
import { rawRequest } from './testing/raw-request.js';
import { serveExample } from './testing/serve-example.js';

let example: Awaited<ReturnType<typeof serveExample>>;
const said: string[] = [];
const logger: Logger = {
  debug() {},
  info: (m) => said.push(`info: ${m}`),
  warn: (m) => said.push(`warn: ${m}`),
  error: (m) => said.push(`error: ${m}`),
};
before(async () => {
  example = await serveExample(logger);
});
after(() => example.close());

describe('dashboard server security', () => {
  it('binds to 127.0.0.1 by default and says so', () => {
    assert.match(example.server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.ok(
      said.some((m) =>
        /^info: dashboard: http:\/\/127\.0\.0\.1:\d+\/ \(bound to 127\.0\.0\.1: only this machine/.test(m),
      ),
      said.join('\n'),
    );
  });

  it('warns when bound to every interface', async () => {
    const warned: string[] = [];
    const server = await startServer({
      reader: example.reader,
      staticDir: example.dbPath.replace(/embsweep\.db$/, 'static'),
      logger: { ...logger, warn: (m) => warned.push(m) },
      host: '0.0.0.0',
      port: 0,
    });
    await server.close();
    assert.match(warned.join('\n'), /bound to 0\.0\.0\.0: anyone who can reach this machine/);
  });

  it('says which port is taken when it cannot listen', async () => {
    await assert.rejects(
      startServer({
        reader: example.reader,
        staticDir: example.dbPath.replace(/embsweep\.db$/, 'static'),
        logger,
        port: example.server.port,
      }),
      /port \d+ on 127\.0\.0\.1 is already in use.*--port/,
    );
  });

  it('rejects requests for another Host (DNS rebinding) and accepts its own names', async () => {
    const port = example.server.port;
    const evil = await rawRequest(port, '/api/sweeps', { Host: `evil.example:${port}` });
    assert.equal(evil.status, 403);
    assert.match(evil.body, /host_rejected/);
    assert.equal((await rawRequest(port, '/', { Host: 'evil.example' })).status, 403);
    assert.equal((await rawRequest(port, '/api/sweeps', { Host: `localhost:${port}` })).status, 200);
    assert.equal((await rawRequest(port, '/api/sweeps')).status, 200);
  });

  it('serves nothing outside its static folder, however the path is spelled', async () => {
    const attempts = [
      '/../secret.txt',
      '/../../package.json',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/static/../../secret.txt',
      '/sweeps/..%2f..%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '//etc/passwd',
      '/..;/secret.txt',
    ];
    for (const path of attempts) {
      const res = await rawRequest(example.server.port, path);
      assert.ok(res.status >= 400 || !/TOP-SECRET|root:/.test(res.body), `${path} -> ${res.status}`);
      assert.doesNotMatch(res.body, /TOP-SECRET|root:x:|"workspaces"/, path);
    }
    const page = await rawRequest(example.server.port, '/');
    assert.equal(page.status, 200);
    assert.match(page.body, /embsweep test page/);
  });

  it('sends the standard security headers', async () => {
    const res = await fetch(`${example.base}/`);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.doesNotMatch(res.headers.get('content-security-policy') ?? '', /upgrade-insecure-requests/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(res.headers.get('x-powered-by'), null);
  });

  it('reads through a connection that cannot write', () => {
    const reader = ResultsReader.open(example.dbPath);
    // ResultsReader is what the server reads through; prove it is read-only.
    assert.throws(
      () => (reader as unknown as { db: { exec(sql: string): void } }).db.exec('DELETE FROM trials'),
      /readonly/,
    );
    reader.close();
  });
});
