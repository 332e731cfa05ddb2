import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (this file runs from test/dist/support/), whatever the current folder. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the installed `embsweep` program (the bin script) in a real process. */
export function runCli(
  args: readonly string[],
  cwd = REPO_ROOT,
  env: NodeJS.ProcessEnv = {},
  nodeArgs: readonly string[] = [],
): CliResult {
  const result = spawnSync(
    process.execPath,
    [...nodeArgs, `${REPO_ROOT}packages/cli/bin/embsweep.js`, ...args],
    {
      cwd,
      env: { ...process.env, EMBSWEEP_DB: undefined, ...env },
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}
