import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetSpec } from '@embsweep/core';
import { readPrepared } from '../data/data-cache.js';
import { prepareData } from '../data/prepare-data.js';
import type { PreparedData } from '../data/prepared-data.js';

const dirs: string[] = [];
process.once('exit', () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A self-removing temporary folder for trainer tests. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'embsweep-trainer-'));
  dirs.push(dir);
  return dir;
}

/** The small synthetic data set of the trainer's tests. */
export const SMALL_DATASET: DatasetSpec = {
  source: 'synthetic',
  samples: 400,
  classes: 2,
  vocabulary: 200,
  length: 20,
  noise: 0.5,
  seed: 3,
  validation_split: 0.25,
  test_split: 0,
};

/** A small synthetic data set, prepared through the real pipeline; returns the data and its path. */
export function smallData(
  overrides: Partial<DatasetSpec & { classes: number }> = {},
  vocabSize = 200,
  maxLength = 20,
): { data: PreparedData; path: string } {
  const dataset = { ...SMALL_DATASET, ...overrides } as DatasetSpec;
  const path = prepareData({ dataset, vocabSize, maxLength, baseDir: '.', cacheDir: tempDir() });
  return { data: readPrepared(path), path };
}
