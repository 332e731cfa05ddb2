import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './run-cli.js';

/** The workspaces that make up an installed embsweep, packed as a release would publish them. */
const PACKED = [
  'packages/core',
  'packages/store',
  'packages/trainer',
  'packages/scheduler',
  'packages/server',
  'dashboard',
  'packages/cli',
  'packages/embsweep',
];

export interface Installed {
  /** A project folder outside the repository, with embsweep installed from the tarballs. */
  readonly dir: string;
  readonly bin: string;
  /** The environment to run it in: this process's, without npm's script variables. */
  readonly env: NodeJS.ProcessEnv;
  /** Runs a command in the project; throws with its output when it fails. */
  readonly run: (command: string, args: readonly string[]) => string;
  readonly remove: () => void;
}

/**
 * Packs the packages (npm pack) and installs the tarballs into an empty project in the system's
 * temporary folder, where nothing of this repository can be found by module resolution. The
 * third-party packages come from the npm registry (or npm's cache).
 */
export function installFromTarballs(): Installed {
  const root = mkdtempSync(join(tmpdir(), 'embsweep-install-'));
  const packs = join(root, 'packs');
  const dir = join(root, 'project');
  // npm passes its settings to scripts as npm_* variables; the install must not inherit them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const run = (command: string, args: readonly string[], cwd = dir) => {
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0)
      throw new Error(
        `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
      );
    return result.stdout;
  };
  spawnSync('mkdir', ['-p', packs, dir]);
  run(
    'npm',
    ['pack', ...PACKED.flatMap((p) => ['-w', p]), '--pack-destination', packs, '--silent'],
    REPO_ROOT,
  );
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'try-embsweep', private: true, type: 'module' }),
  );
  const tarballs = readdirSync(packs).map((f) => join(packs, f));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs]);
  return {
    dir,
    bin: join(dir, 'node_modules', 'embsweep', 'bin', 'embsweep.js'),
    env,
    run,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
