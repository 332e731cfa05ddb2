import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeTempDir } from '@embsweep/store/testing';
import { dashboardUrl } from './support/browser.js';
import { fillDatabase } from './support/fill-database.js';
import { REPO_ROOT, runCli } from './support/run-cli.js';
import { spawnCli } from './support/spawn-cli.js';
import { decodeCurves } from '@embsweep/server/curves-binary';

describe('embsweep dashboard (command line)', { timeout: 60_000 }, () => {
  it('says what is wrong with its flags or database', () => {
    const dir = makeTempDir('dash-cli');
    const port = runCli(['dashboard', '--port', 'eighty'], dir);
    assert.equal(port.status, 2);
    assert.match(port.stderr, /--port must be a whole number from 0 to 65535; got "eighty"/);
    const missing = runCli(['dashboard', '--db', 'nothing.db'], dir);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no results database at .*nothing\.db; run a sweep first/);
    const stray = runCli(['run', join(REPO_ROOT, 'sweeps/quick-grid.json'), '--port', '9000'], dir);
    assert.equal(stray.status, 2);
    assert.match(stray.stderr, /--port and --host go with --dashboard/);
    assert.match(
      runCli(['dashboard', '--help'], dir).stdout,
      /Usage: embsweep dashboard \[--db PATH\] \[--port P\] \[--host H\]/,
    );
  });

  it('refuses a taken port before training, and leaves no empty database behind', async () => {
    const dir = makeTempDir('taken');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = String((blocker.address() as AddressInfo).port);
    try {
      const result = runCli(
        ['run', join(REPO_ROOT, 'sweeps/quick-grid.json'), '--dashboard', '--port', port],
        dir,
      );
      assert.notEqual(result.status, 0);
      assert.match(result.stderr, new RegExp(`port ${port}`));
      assert.deepEqual(readdirSync(dir), [], 'no database file was left');
    } finally {
      blocker.close();
    }
  });

  it('serves the page and every documented API example, and stops on Ctrl-C', async () => {
    const { path } = fillDatabase();
    const server = spawnCli(['dashboard', '--db', path, '--port', '0'], makeTempDir('dash-docs'));
    await server.waitFor(/dashboard: http/);
    const base = dashboardUrl(server.stderr()).replace(/\/$/, '');
    assert.match(server.stderr(), /bound to 127\.0\.0\.1: only this machine can open it/);
    try {
      const page = await fetch(`${base}/sweeps/quick-grid?metric=loss`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<script type="module" src="\/app.js">/);
      assert.equal((await fetch(`${base}/app.js`)).status, 200);
      const docs = readFileSync(join(REPO_ROOT, 'docs/dashboard-api.md'), 'utf8');
      const examples = [...docs.matchAll(/curl -s "?127\.0\.0\.1:8321(\/api\/[^\s"]+)/g)].map((m) =>
        m[1]!.replace(/\\&/g, '&'),
      );
      assert.ok(examples.length >= 2, 'the examples were found');
      for (const path of examples) {
        const res = await fetch(`${base}${path}`);
        assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
        if (res.headers.get('content-type')?.startsWith('application/octet-stream'))
          assert.equal(decodeCurves(await res.arrayBuffer()).curves.length, 2, path);
        else assert.ok(typeof (await res.json()) === 'object');
      }
    } finally {
      server.child.kill('SIGINT');
      assert.equal((await server.exit).code, 0, server.stderr());
    }
  });
});
