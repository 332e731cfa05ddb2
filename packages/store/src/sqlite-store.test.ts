import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from './sqlite-store.js';
import { storeContract } from './testing/store-contract.js';

storeContract('SqliteStore on a file', () => SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'embsweep-store-')), 'results.db')));
storeContract('SqliteStore in memory', () => SqliteStore.open(':memory:'));
