import { join } from 'node:path';
import { makeTempDir } from '@embsweep/store/testing';
import { LocalProcessExecutor } from './local-process-executor.js';
import { executorContract } from './testing/executor-contract.js';

executorContract('LocalProcessExecutor', (settings) => {
  const dir = makeTempDir('executor');
  return new LocalProcessExecutor({ ...settings, sweepDir: dir, cacheDir: join(dir, 'cache') });
});
