// The public API of @embsweep/store.
export { SqliteStore } from './sqlite-store.js';
export { openDatabase, type Db } from './open-database.js';
export { migrate, loadMigrations, type Migration } from './migrations.js';
