import { join } from 'node:path';
import { SqliteStore } from './sqlite-store.js';
import { storeContract } from './testing/store-contract.js';
import { makeTempDir } from './testing/temp-dir.js';

storeContract('SqliteStore on a file', () => SqliteStore.open(join(makeTempDir('store'), 'results.db')));
storeContract('SqliteStore in memory', () => SqliteStore.open(':memory:'));
