import type { TrialRow } from '@embsweep/server';

/**
 * How a trial's state shows on a chart: a pruned curve ends in a cross, a failed one in a red
 * triangle, and both are dashed lightly, so neither is mistaken for a finished trial.
 */
export function endMarker(state: TrialRow['state']): {
  style: 'crossRot' | 'triangle' | false;
  color?: string;
} {
  if (state === 'pruned') return { style: 'crossRot', color: '#b54708' };
  if (state === 'failed') return { style: 'triangle', color: '#d62728' };
  return { style: false, color: '#999999' };
}

export function stateDash(state: TrialRow['state']): number[] {
  return state === 'pruned' || state === 'failed' ? [6, 3] : [];
}
