import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { resolveSweepPath, type TrialAssignment } from '@embsweep/core';
import { DataError } from '@embsweep/core/errors';
import { sourceFingerprint } from '@embsweep/trainer/inputs';
import type { Redis } from 'ioredis';
import { downloadBlob } from './blob-store.js';
import type { TrialJob } from './protocol.js';

/**
 * Makes a trial's data file available on this machine: a copy beside this worker's sweep
 * folder with the same content is used as it is; otherwise the bytes the scheduler uploaded
 * are fetched by their hash into the cache (once) and the trial is pointed at them. Other
 * sources need no file.
 */
export class DataLocator {
  /** fingerprint -> a path here with that content. */
  private readonly found = new Map<string, string>();
  private readonly fetching = new Map<string, Promise<string>>();

  constructor(
    private readonly redis: Redis,
    private readonly sweepDir: string,
    private readonly cacheDir: string,
  ) {}

  async localize(job: TrialJob): Promise<TrialAssignment> {
    const { assignment } = job;
    const { spec, fingerprint } = assignment.inputs.dataset;
    if (spec.source !== 'file') return assignment;
    const path = this.found.get(fingerprint) ?? (await this.locate(job));
    this.found.set(fingerprint, path);
    return {
      ...assignment,
      inputs: { ...assignment.inputs, dataset: { spec: { ...spec, path }, fingerprint } },
    };
  }

  private async locate(job: TrialJob): Promise<string> {
    const { spec, fingerprint } = job.assignment.inputs.dataset;
    if (spec.source !== 'file') throw new Error('only a file data set has a path');
    const here = resolveSweepPath(this.sweepDir, spec.path);
    if (existsSync(here) && sourceFingerprint(spec, this.sweepDir) === fingerprint) return here;
    const blob = job.dataBlob;
    if (blob === undefined) {
      throw new DataError(
        `the data file ${spec.path} is not on this machine with the sweep's content (looked at ${here}), and the scheduler did not send it`,
      );
    }
    const received = join(this.cacheDir, 'received', blob.sha256, basename(spec.path));
    if (existsSync(received)) return received;
    let fetching = this.fetching.get(blob.sha256);
    if (fetching === undefined) {
      fetching = downloadBlob(this.redis, blob, received).then(() => received);
      fetching.catch(() => undefined).finally(() => this.fetching.delete(blob.sha256));
      this.fetching.set(blob.sha256, fetching);
    }
    return fetching;
  }
}
