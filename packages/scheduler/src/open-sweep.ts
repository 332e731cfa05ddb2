import { ConfigError, searchSpaceHash, type Store, type SweepRecord, type SweepSpec } from '@embsweep/core';

/**
 * Creates the sweep in the store, or finds it again to resume it. A sweep whose search space
 * changed since it was created is refused unless `forceResume`: its existing trials would mean
 * something else. Marks it running.
 */
export function openSweepForRun(
  store: Store,
  spec: SweepSpec & { readonly name: string },
  forceResume: boolean,
): SweepRecord {
  const hash = searchSpaceHash(spec);
  const sweep = store.openSweep(spec.name, spec, hash);
  if (sweep.specHash !== hash && !forceResume) {
    throw new ConfigError(
      [
        {
          path: '',
          message: `the database already has a sweep named "${spec.name}" with another search space (method, parameters, seeds, search_seed, dataset or model changed). Give this sweep a new "name", or run with --force-resume to add the new trials to it`,
        },
      ],
      'Cannot resume the sweep',
    );
  }
  if (sweep.status !== 'running') store.setSweepStatus(sweep.id, 'running');
  return sweep;
}
