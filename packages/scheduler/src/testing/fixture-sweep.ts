import type { SweepSpec } from '@embsweep/core';
import { validateSweep } from '@embsweep/core/sweep-file';

/**
 * A sweep of scripted fixture trials (see fixtures/scripted-worker.ts): each grid cell's
 * params tell the fixture worker what to do (`behaviour`, `curve`, `epoch_ms`...).
 */
export function fixtureSweep(
  parameters: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  name = 'fixture',
): SweepSpec & { name: string } {
  const spec = validateSweep({
    method: 'grid',
    model: './fixture.js',
    metric: { name: 'val_loss' },
    dataset: { source: 'synthetic', samples: 40 },
    parameters,
    ...extra,
  });
  return { ...spec, name };
}
