// Test helpers of @embsweep/store, for other packages' tests: the Store contract suite (run it
// against any new Store implementation), an example database, and self-cleaning temporary folders.
export { storeContract, contractSpec } from './store-contract.js';
export { fillExampleDatabase } from './example-database.js';
export { makeTempDir } from './temp-dir.js';
export { gridPlan } from './grid-plan.js';
export { fillSeededDatabase, seededSpec, SEEDED_BEST } from './seeded-database.js';
export { fillLargeSweep, type LargeSweepShape } from './large-sweep.js';
