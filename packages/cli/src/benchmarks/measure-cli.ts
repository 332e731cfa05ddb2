import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The installed program, as a user's shell runs it. */
export const BIN = fileURLToPath(new URL('../../bin/embsweep.js', import.meta.url));

/** Benchmarks report on standard output: their figures are the product. */
export const print = (line: string): void => void process.stdout.write(`${line}\n`);

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Milliseconds for `node <args>` to run to its end; throws when it fails. */
export function timeRun(args: readonly string[], cwd: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, EMBSWEEP_DB: undefined },
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

/**
 * Starts `embsweep <args>` and resolves when `pattern` appears on its stdout or stderr, with
 * the milliseconds it took and the process's peak resident memory (MiB) at that moment; then
 * ends it (SIGINT twice, then SIGKILL).
 */
export function timeUntil(
  args: readonly string[],
  cwd: string,
  pattern: RegExp,
): Promise<{ ms: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, EMBSWEEP_DB: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    let done = false;
    const watch = (chunk: Buffer) => {
      text += chunk.toString();
      if (done || !pattern.test(text)) return;
      done = true;
      const ms = performance.now() - start;
      const peakMb = peakResidentMb(child.pid ?? 0);
      child.stdout?.destroy();
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGINT'), 100);
      const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => (clearTimeout(hard), resolve({ ms, peakMb })));
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.once('exit', (code) => {
      if (!done)
        reject(
          new Error(`embsweep ${args.join(' ')} exited (${code}) before ${pattern}: ${text.slice(-2000)}`),
        );
    });
  });
}

/** VmHWM of a process from /proc (Linux), in MiB; NaN elsewhere. */
function peakResidentMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'));
    return Number(/(\d+)/.exec(line ?? '')?.[1]) / 1024;
  } catch {
    return NaN;
  }
}
