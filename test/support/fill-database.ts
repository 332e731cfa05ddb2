import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSweepJson, validateSweep } from '@embsweep/core/sweep-file';
import { fillExampleDatabase, makeTempDir } from '@embsweep/store/testing';
import { REPO_ROOT } from './run-cli.js';

/**
 * A results database for tests of the read side, filled by the store's own code with the plan
 * of sweeps/quick-grid.json and made-up curves (see fillExampleDatabase).
 */
export function fillDatabase(): { path: string; sweep: string } {
  const path = join(makeTempDir('e2e'), 'embsweep.db');
  const spec = validateSweep(parseSweepJson(readFileSync(join(REPO_ROOT, 'sweeps/quick-grid.json'), 'utf8')));
  fillExampleDatabase(path, 'quick-grid', spec);
  return { path, sweep: 'quick-grid' };
}
