import { join } from 'node:path';
import { SqliteStore } from './sqlite-store.js';
import { storeContract } from './testing/store-contract.js';
import { makeTempDir } from './testing/temp-dir.js';

storeContract('SqliteStore on a file', () => SqliteStore.open(join(makeTempDir('store'), 'results.db')), {
  freshPath: () => join(makeTempDir('race'), 'results.db'),
  racer: new URL('./testing/fixtures/sqlite-propose-racer.js', import.meta.url),
  open: (path) => SqliteStore.open(path),
});
storeContract('SqliteStore in memory', () => SqliteStore.open(':memory:'));
