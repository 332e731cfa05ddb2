import { hostname } from 'node:os';
import { join } from 'node:path';
import { SILENT_LOGGER } from '@embsweep/core';
import { makeTempDir } from '@embsweep/store/testing';
import { sweepKeys } from '../keys.js';
import { RemoteExecutor, type RemoteExecutorOptions } from '../remote-executor.js';

/** The keys of a test sweep by name (its results database does not matter for these). */
export const testKeys = (name: string) => sweepKeys(hostname(), `/tests/${name}.db`, name);

/** A RemoteExecutor for sweep `name`, in a folder of its own, checking its workers often. */
export function testExecutor(
  redisUrl: string,
  name: string,
  overrides: Partial<RemoteExecutorOptions> = {},
): RemoteExecutor {
  const dir = makeTempDir(`executor-${name}`);
  return new RemoteExecutor({
    redisUrl,
    keys: testKeys(name),
    sweep: name,
    dbPath: join(dir, 'r.db'),
    sweepDir: dir,
    cacheDir: join(dir, 'cache'),
    execution: {},
    logger: SILENT_LOGGER,
    watchMs: 200,
    ...overrides,
  });
}
