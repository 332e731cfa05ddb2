import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataError, canonicalJson, resolveSweepPath, type DatasetSpec } from '@embsweep/core';
import { fileTexts } from './file-dataset.js';
import type { LabeledTexts } from './labeled-texts.js';
import { spamAssassinTexts, spamAssassinVersion } from './spam-assassin.js';
import { syntheticTexts } from './synthetic.js';

/**
 * Loads the texts a data set names and checks what every source must satisfy: at least two
 * classes. `baseDir` resolves a file data set's relative path (the sweep file's folder).
 */
export function loadTexts(spec: DatasetSpec, baseDir: string): LabeledTexts {
  const texts =
    spec.source === 'synthetic'
      ? syntheticTexts(spec)
      : spec.source === 'spam-assassin'
        ? spamAssassinTexts()
        : fileTexts(spec, resolveSweepPath(baseDir, spec.path));
  const classes = new Set(texts.labels);
  if (classes.size < 2) {
    throw new DataError(
      `the data set has a single class (${[...classes].join('') || 'none'}); a classifier needs examples of two or more classes`,
    );
  }
  return texts;
}

/**
 * What identifies the content of a data set, for the cache key: the spec, plus the file's
 * bytes or the corpus package's version, so an edited file is prepared again. A file's path
 * is where it is, not what it is: it is left out, so a copy elsewhere (a remote worker's, one
 * received by content) has the same fingerprint.
 */
export function sourceFingerprint(spec: DatasetSpec, baseDir: string): string {
  const identity = spec.source === 'file' ? { ...spec, path: undefined } : spec;
  const hash = createHash('sha256').update(canonicalJson(identity));
  if (spec.source === 'file') {
    try {
      hash.update(readFileSync(resolveSweepPath(baseDir, spec.path)));
    } catch {
      // A missing file is reported by loadTexts with a proper message.
    }
  } else if (spec.source === 'spam-assassin') {
    hash.update(spamAssassinVersion());
  }
  return hash.digest('hex');
}
