// Benchmark (npm run bench): how fast the commands that do not train start. They load no
// TensorFlow.js (only workers and `embsweep train` do), so each should cost little more than
// Node itself. Target on the reference 2-core machine: under 150 ms for `node` running the bin.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractSpec, fillExampleDatabase } from '@embsweep/store/testing';
import { BIN, median, print, timeRun } from './measure-cli.js';

const ROUNDS = 15;
const TARGET_MS = 150;

const dir = mkdtempSync(join(tmpdir(), 'embsweep-startup-'));
try {
  const db = join(dir, 'embsweep.db');
  fillExampleDatabase(db, 'example', contractSpec());
  const cases: Record<string, readonly string[]> = {
    'node -e 0 (Node itself)': ['-e', '0'],
    'embsweep --version': [BIN, '--version'],
    'embsweep ls': [BIN, 'ls', '--db', db],
    'embsweep query': [BIN, 'query', 'SELECT COUNT(*) FROM trials', '--db', db],
  };
  const times = new Map(Object.keys(cases).map((name) => [name, [] as number[]]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, args] of Object.entries(cases)) times.get(name)?.push(timeRun(args, dir));
  }
  print(`Start-up time, median of ${ROUNDS} runs (target: under ${TARGET_MS} ms each):`);
  const node = median(times.get('node -e 0 (Node itself)') ?? []);
  for (const [name, ms] of times) {
    const m = median(ms);
    const verdict = name.startsWith('node') ? '' : m < TARGET_MS ? '  met' : '  MISSED';
    print(`  ${name.padEnd(26)} ${m.toFixed(0).padStart(5)} ms  (${(m / node).toFixed(1)}x Node)${verdict}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
