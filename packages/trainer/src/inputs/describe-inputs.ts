import {
  BUILT_IN_MODEL,
  DataError,
  resolveSweepPath,
  sweepFiles,
  type SweepSpec,
  type TrialInputs,
} from '@embsweep/core';
import { sourceFingerprint } from '../data/load-texts.js';
import { fileSha256 } from './file-hash.js';

/**
 * What every trial of a sweep reads, named by content (see TrialInputs): the data set's
 * fingerprint, the custom model module's hash, and the hash of every other file the sweep
 * names. Computed once by the composition root, before the sweep starts; loads no tfjs.
 * A custom model module that cannot be read is a DataError here, before anything runs.
 */
export function describeTrialInputs(spec: SweepSpec, sweepDir: string): TrialInputs {
  const files = sweepFiles(spec);
  let model: TrialInputs['model'] = { kind: 'built-in', name: BUILT_IN_MODEL };
  if (files.model !== undefined) {
    const sha256 = fileSha256(resolveSweepPath(sweepDir, files.model));
    if (sha256 === null) {
      throw new DataError(
        `cannot read the model module ${resolveSweepPath(sweepDir, files.model)} (model: ${JSON.stringify(files.model)}, relative to the sweep file's folder)`,
      );
    }
    model = { kind: 'module', path: files.model, sha256 };
  }
  return {
    dataset: { spec: spec.dataset, fingerprint: sourceFingerprint(spec.dataset, sweepDir) },
    model,
    files: Object.fromEntries(files.others.map((p) => [p, fileSha256(resolveSweepPath(sweepDir, p))])),
  };
}
