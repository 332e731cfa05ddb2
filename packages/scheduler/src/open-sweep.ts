import { ConfigError, searchSpaceHash, type Store, type SweepRecord, type SweepSpec } from '@embsweep/core';

/**
 * Creates the sweep in the store, or finds it again to resume it. A sweep whose search space
 * changed since it was created is refused unless `forceResume`: its existing trials would mean
 * something else; so is one whose metric changed, which `forceResume` switches over (every
 * trial's best value recomputed). Marks it running.
 */
export function openSweepForRun(
  store: Store,
  spec: SweepSpec & { readonly name: string },
  forceResume: boolean,
): SweepRecord {
  const hash = searchSpaceHash(spec);
  const sweep = store.openSweep(spec.name, spec, hash);
  const before = sweep.spec.metric;
  if (before.name !== spec.metric.name || before.goal !== spec.metric.goal) {
    if (!forceResume) {
      throw new ConfigError(
        [
          {
            path: 'metric',
            message: `the sweep "${spec.name}" was run optimising ${before.name} (${before.goal}); this file says ${spec.metric.name} (${spec.metric.goal}). Give this sweep a new "name", or run with --force-resume to switch it to the new metric (every trial's best value is recomputed for it)`,
          },
        ],
        'Cannot resume the sweep',
      );
    }
    store.changeMetric(sweep.id, spec);
  }
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
