import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Waits (up to `limitMs`) until a process has a child, and returns the child's pid (Linux /proc). */
export async function childOf(pid: number, limitMs = 30_000): Promise<number> {
  for (let waited = 0; waited < limitMs; waited += 20) {
    const children = readChildren(pid);
    if (children[0] !== undefined) return children[0];
    await sleep(20);
  }
  throw new Error(`process ${pid} started no child within ${limitMs} ms`);
}

/** Waits (up to `limitMs`) until a process has ended; throws if it is still there. */
export async function gone(pid: number, limitMs = 10_000): Promise<void> {
  for (let waited = 0; waited < limitMs; waited += 20) {
    if (!alive(pid)) return;
    await sleep(20);
  }
  throw new Error(`process ${pid} is still running ${limitMs} ms later`);
}

/** Waits (up to `limitMs`) until a process has a file open (Linux /proc): it got that far. */
export async function holdsOpen(pid: number, file: string, limitMs = 30_000): Promise<void> {
  for (let waited = 0; waited < limitMs; waited += 20) {
    if (openFiles(pid).includes(file)) return;
    await sleep(20);
  }
  throw new Error(`process ${pid} did not open ${file} within ${limitMs} ms`);
}

function openFiles(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).map((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    });
  } catch {
    return [];
  }
}

function readChildren(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie (ended, not yet reaped) counts as gone.
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}
