// Benchmark (npm run bench): a huge grid costs no more to start than a small one. Planning is
// lazy (cell k of a grid is decoded from k) and trials are created as they start, so a grid
// of 1,000,000 cells validates, plans its first trials and starts training as fast as one of
// 10,000, in the same memory. Target on the reference 2-core machine: a 1,000,000-cell grid
// validates, prints its first plan rows and has its first trial training within 2 s.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, print, timeRun, timeUntil } from './measure-cli.js';

const TARGET_S = 2;

function gridFile(dir: string, side: number): string {
  const file = join(dir, `grid-${side * side}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      name: `grid-${side * side}`,
      method: 'grid',
      dataset: { source: 'synthetic', samples: 200, length: 10, vocabulary: 50 },
      parameters: {
        embedding_dim: { min: 1, max: side },
        hidden_units: { min: 1, max: side },
        epochs: { value: 1 },
        vocab_size: { value: 50 },
        max_length: { value: 10 },
      },
      execution: { backend: 'wasm' },
    }),
  );
  return file;
}

const dir = mkdtempSync(join(tmpdir(), 'embsweep-big-grid-'));
try {
  print(
    `Big grids: validate, first plan rows, first trial training (target: 1,000,000 cells within ${TARGET_S} s in all)`,
  );
  for (const side of [100, 1000]) {
    const file = gridFile(dir, side);
    const validate = timeRun([BIN, 'validate', file], dir) / 1000;
    const plan = await timeUntil(['plan', file], dir, /(\n.*){22}/);
    // Warm the data cache first, so the figure is the scheduler's own start, not data preparation.
    const warm = join(dir, `warm-${side}.db`);
    await timeUntil(['run', file, '--db', warm, '--concurrency', '1'], dir, /running on/);
    const run = await timeUntil(
      ['run', file, '--db', join(dir, `run-${side}.db`), '--concurrency', '1'],
      dir,
      /running on/,
    );
    const total = validate + plan.ms / 1000 + run.ms / 1000;
    const cells = (side * side).toLocaleString('en-US');
    print(
      `  ${cells.padStart(9)} cells: validate ${validate.toFixed(2)} s, first plan rows ${(plan.ms / 1000).toFixed(2)} s (peak ${plan.peakMb.toFixed(0)} MiB), first trial training ${(run.ms / 1000).toFixed(2)} s (scheduler peak ${run.peakMb.toFixed(0)} MiB); in all ${total.toFixed(2)} s${side === 1000 ? (total < TARGET_S ? '  met' : '  MISSED') : ''}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
