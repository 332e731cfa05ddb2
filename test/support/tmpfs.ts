import { execFileSync } from 'node:child_process';
import { makeTempDir } from '@embsweep/store/testing';

/** A small filesystem of its own, for tests of a full disk or a read-only location. */
export interface Tmpfs {
  readonly dir: string;
  /** Remounts it read-only (as a read-only share or medium is). */
  readOnly(): void;
  unmount(): void;
}

/**
 * Mounts a tmpfs of `sizeBytes` (root only, as CI runs). Undefined where mounting is not
 * allowed, so the caller can skip with that reason rather than pretend.
 */
export function mountTmpfs(sizeBytes: number): Tmpfs | undefined {
  const dir = makeTempDir('tmpfs');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    return undefined;
  }
  return {
    dir,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' }),
    unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'pipe' }),
  };
}
