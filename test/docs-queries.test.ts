import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runQuery } from '@embsweep/store';
import { fillDatabase } from './support/fill-database.js';
import { REPO_ROOT } from './support/run-cli.js';

const doc = readFileSync(join(REPO_ROOT, 'docs/results-database.md'), 'utf8');
const queries = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('docs/results-database.md', () => {
  it('has example queries', () => {
    assert.ok(queries.length >= 5);
  });

  it('every documented query runs and returns rows', async () => {
    const { path } = fillDatabase();
    for (const sql of queries) {
      const result = await runQuery(path, sql);
      assert.ok(result.rows.length > 0, `no rows from:\n${sql}`);
    }
  });

  it('names every column the views have', async () => {
    // A column added to a view without documentation fails here.
    const { path } = fillDatabase();
    for (const view of ['trial_summary', 'curves', 'config_summary', 'generalization_gap', 'trial_fit']) {
      const { columns } = await runQuery(path, `SELECT * FROM ${view} LIMIT 1`);
      const section = doc.slice(doc.indexOf(`\`${view}\`:`));
      for (const column of columns.filter(
        (c) =>
          ![
            'trial_id',
            'sweep_id',
            'trial_index',
            'config_index',
            'attempt',
            'params',
            'started_at',
            'finished_at',
          ].includes(c),
      )) {
        assert.ok(section.includes(`\`${column}\``), `${view}.${column} is not documented`);
      }
    }
  });
});
