import type { TrialAssignment } from '@embsweep/core';
import { prepareData, resolveTrainingParams } from '@embsweep/trainer/inputs';

/**
 * Prepares trials' data sets in the scheduler's process, once per (data set, vocab_size,
 * max_length): bad data fails here, up front, with a DataError, before any worker starts, and
 * local workers then only read the cache.
 */
export class DataPreparer {
  private readonly prepared = new Set<string>();

  constructor(
    /** The sweep file's folder: relative data paths resolve against it. */
    private readonly sweepDir: string,
    private readonly cacheDir: string,
  ) {}

  prepare(trial: TrialAssignment): void {
    const settings = resolveTrainingParams(trial.params);
    const key = JSON.stringify([trial.inputs.dataset.fingerprint, settings.vocab_size, settings.max_length]);
    if (this.prepared.has(key)) return;
    prepareData({
      dataset: trial.inputs.dataset.spec,
      vocabSize: settings.vocab_size,
      maxLength: settings.max_length,
      baseDir: this.sweepDir,
      cacheDir: this.cacheDir,
      fingerprint: trial.inputs.dataset.fingerprint, // hashed by the caller a moment ago
    });
    this.prepared.add(key);
  }
}
