import { createHash } from 'node:crypto';
import { DataError, createRng, type DatasetSpec } from '@embsweep/core';
import { readPrepared, writePrepared } from './data-cache.js';
import { loadTexts, sourceFingerprint } from './load-texts.js';
import type { EncodedSplit, PreparedData } from './prepared-data.js';
import { buildVocabulary, encodeTexts } from './vectorizer.js';

/** Bump when tokenization, splitting or the file format changes, so old cache entries are ignored. */
const PREPARATION_VERSION = 1;

export interface PrepareOptions {
  readonly dataset: DatasetSpec;
  readonly vocabSize: number;
  readonly maxLength: number;
  /** Folder that relative data paths are resolved against (the sweep file's). */
  readonly baseDir: string;
  /** Folder of the on-disk cache. */
  readonly cacheDir: string;
  /** The data set's content fingerprint when the caller has just computed it (saves hashing the file again). */
  readonly fingerprint?: string;
}

/**
 * The data set prepared for training: loaded, checked, split deterministically by its seed,
 * tokenized with a vocabulary of the training split, and encoded. The result is cached on
 * disk under a key that hashes the content and the settings, so a sweep prepares each
 * (data set, vocab_size, max_length) once and its trials only read the file. Returns the
 * cache file's path, which workers are given.
 */
export function prepareData(options: PrepareOptions): string {
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        PREPARATION_VERSION,
        options.fingerprint ?? sourceFingerprint(options.dataset, options.baseDir),
        options.vocabSize,
        options.maxLength,
      ]),
    )
    .digest('hex')
    .slice(0, 24);
  const path = `${options.cacheDir}/${key}.bin`;
  try {
    readPrepared(path);
    return path;
  } catch {
    // Not cached yet (or unreadable): prepare it.
  }
  writePrepared(path, buildPrepared(options));
  return path;
}

function buildPrepared(options: PrepareOptions): PreparedData {
  const { dataset } = options;
  const { texts, labels } = loadTexts(dataset, options.baseDir);
  const classes = [...new Set(labels)].sort();
  const classIndex = new Map(classes.map((c, i) => [c, i]));

  const order = shuffledIndexes(texts.length, dataset.seed);
  const testCount = Math.round(texts.length * dataset.test_split);
  const validationCount = Math.max(1, Math.round(texts.length * dataset.validation_split));
  const trainCount = texts.length - testCount - validationCount;
  if (trainCount < 1) {
    throw new DataError(
      `the data set has ${texts.length} examples; after the validation and test splits none is left to train on`,
    );
  }
  const testRows = order.slice(0, testCount);
  const validationRows = order.slice(testCount, testCount + validationCount);
  const trainRows = order.slice(testCount + validationCount);

  const vocabulary = buildVocabulary(
    trainRows.map((i) => texts[i] ?? ''),
    options.vocabSize,
  );
  const encode = (rows: readonly number[]): EncodedSplit => ({
    count: rows.length,
    ids: encodeTexts(
      rows.map((i) => texts[i] ?? ''),
      vocabulary,
      options.maxLength,
    ),
    labels: Int32Array.from(rows, (i) => classIndex.get(labels[i] ?? '') ?? 0),
  });
  return {
    vocabulary,
    classes,
    maxLength: options.maxLength,
    train: encode(trainRows),
    validation: encode(validationRows),
    test: testCount > 0 ? encode(testRows) : null,
  };
}

/** Fisher-Yates with the data seed: the same split on every machine and every run. */
export function shuffledIndexes(n: number, seed: number, stream: string | number = 'split'): number[] {
  const rng = createRng('shuffle', stream, seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  return order;
}
