import { UsageError } from './usage-error.js';

type Remote = typeof import('@embsweep/remote');

const PACKAGE = '@embsweep/remote';

/**
 * The remote-workers package (BullMQ and ioredis, about 17 MB installed), loaded only by what
 * uses it: `run --redis`, `worker` and `workers`. It is an optional part of an installed
 * embsweep; without it those say how to add it, and everything else works.
 */
export async function loadRemote(): Promise<Remote> {
  try {
    return await import('@embsweep/remote');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' || !String((error as Error).message).includes(PACKAGE)) throw error;
    throw new UsageError(
      `workers on other machines (--redis, embsweep worker, embsweep workers) need the package ${PACKAGE}, which is not installed with embsweep; add it beside embsweep: npm install ${PACKAGE}`,
    );
  }
}
