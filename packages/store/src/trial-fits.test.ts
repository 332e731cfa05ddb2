import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { contractSpec } from './testing/store-contract.js';
import { fillExampleDatabase } from './testing/example-database.js';
import { fillSeededDatabase } from './testing/seeded-database.js';
import { makeTempDir } from './testing/temp-dir.js';
import { readTrialFits } from './trial-fits.js';

const COLUMNS = `trial_id, best_epoch, loss_gap_at_best, acc_gap_at_best, loss_gap_at_end, acc_gap_at_end,
  min_val_loss, min_val_loss_epoch, final_val_loss, overfitting`;

/** The view's rows and the fast reader's, on the same database. */
function both(path: string, sweep: string) {
  const db = new Database(path, { readonly: true });
  try {
    const sweepId = (db.prepare('SELECT id FROM sweeps WHERE name = ?').get(sweep) as { id: number }).id;
    const view = db
      .prepare(`SELECT ${COLUMNS} FROM trial_fit WHERE sweep = ? ORDER BY trial_index`)
      .all(sweep);
    const fast = readTrialFits(db, sweepId).map(({ effective_rank_at_best: _, ...row }) => row);
    return { view, fast };
  } finally {
    db.close();
  }
}

describe('readTrialFits', () => {
  it('gives the trial_fit view rows, trial by trial: on the example sweep (pruned, failed, pending trials)', () => {
    const path = join(makeTempDir('fits'), 'results.db');
    fillExampleDatabase(path, 'example', contractSpec());
    const { view, fast } = both(path, 'example');
    assert.ok(view.length >= 3, `${view.length} rows`);
    assert.deepEqual(fast, view);
  });

  it('and on a sweep with seeds and an overfitting flag', () => {
    const path = join(makeTempDir('fits-seeded'), 'results.db');
    fillSeededDatabase(path);
    const { view, fast } = both(path, 'seeded');
    assert.ok(view.some((row) => (row as { overfitting: number }).overfitting === 1));
    assert.deepEqual(fast, view);
  });
});
