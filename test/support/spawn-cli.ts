import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from './run-cli.js';

/** A running `embsweep` process whose stderr is collected, for tests that signal or kill it. */
export interface CliProcess {
  readonly child: ChildProcess;
  readonly stderr: () => string;
  readonly stdout: () => string;
  /** Resolves when stderr or stdout has matched the pattern. */
  readonly waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /**
   * Ctrl-C as a terminal sends it: SIGINT to the whole process group (the scheduler and the
   * workers it forked), not only to the scheduler's pid.
   */
  readonly ctrlC: () => void;
}

/**
 * Starts `embsweep` in a process group of its own, as a shell starts a foreground job: this
 * repository's, or another installation's (`bin`, with its own environment).
 */
export function spawnCli(
  args: readonly string[],
  cwd: string,
  bin = `${REPO_ROOT}packages/cli/bin/embsweep.js`,
  env: NodeJS.ProcessEnv = process.env,
): CliProcess {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...env, EMBSWEEP_DB: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let err = '';
  let out = '';
  const watchers: { pattern: RegExp; resolve: () => void }[] = [];
  const seen = (pattern: RegExp) => pattern.test(err) || pattern.test(out);
  const notify = () => {
    for (const w of watchers.filter((w) => seen(w.pattern))) {
      watchers.splice(watchers.indexOf(w), 1);
      w.resolve();
    }
  };
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    notify();
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    notify();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    exit,
    ctrlC: () => process.kill(-(child.pid ?? 0), 'SIGINT'),
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        if (seen(pattern)) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${pattern}; stderr:\n${err}\nstdout:\n${out}`)),
          timeoutMs,
        );
        watchers.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) });
      }),
  };
}
