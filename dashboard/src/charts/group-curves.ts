import type { TrialRow } from '@embsweep/server';
import { colorScale, keyOf, withAlpha } from './colors.js';
import { shownBy, type CurvesInput, type Dataset, type Point } from './curve-input.js';
import { aggregate, groupBy } from './groups.js';
import { smooth } from './smoothing.js';
import { formatParams, formatValue } from '../ui/format.js';

/**
 * The grouped view: per group (the seeds of a configuration, or the trials of a parameter
 * value) the mean curve and a band (the 95% interval of the mean, or lowest to highest), as a
 * few chart.js datasets. With x by time, each epoch sits at the group's mean time.
 */
export function groupDatasets(input: CurvesInput): Dataset[] {
  const shown = shownBy(input);
  const byConfig = input.group === 'config';
  const key = (trial: TrialRow) => (byConfig ? String(trial.configIndex) : keyOf(trial.params[input.group]));
  const members = input.series
    .filter((s) => shown(input.trials.get(s.trialId)))
    .map((s) => (input.smooth > 0 ? { ...s, values: smooth(s.values, input.smooth) } : s));
  const groups = groupBy(members, (s) => key(input.trials.get(s.trialId) as TrialRow));
  const groupScale = colorScale(input.groupValues);
  const configScale = colorScale(input.colorValues);
  const out: Dataset[] = [];
  const means: { point: Point; color: string }[] = [];
  for (const [k, list] of groups) {
    const first = input.trials.get(list[0]?.trialId ?? -1);
    const c = byConfig
      ? input.colorParam && first
        ? configScale(first.params[input.colorParam])
        : '#1f77b4'
      : groupScale(first?.params[input.group]);
    const g = aggregate(list);
    const xs = input.x === 'time' ? g.elapsed : g.steps;
    const label = byConfig
      ? `${first ? formatParams(first.params, input.paramNames) : k} (${list.length} seeds)`
      : `${input.group}=${formatValue(first?.params[input.group])} (${list.length} trials)`;
    const points = (ys: number[]): Point[] => xs.map((x, i) => ({ x, y: ys[i] ?? null }));
    const [low, high] = input.band === 'ci' ? [g.ciLow, g.ciHigh] : [g.low, g.high];
    if (input.metric === input.sweepMetric && g.steps.length > 0) {
      const pick = input.goal === 'minimize' ? Math.min : Math.max;
      const i = g.mean.indexOf(pick(...g.mean));
      means.push({ point: { x: xs[i] ?? 0, y: g.mean[i] ?? null }, color: c });
    }
    const band = { role: 'band' as const, curves: 0, points: 0, borderWidth: 0, pointRadius: 0 };
    out.push(
      { ...band, label: `${label} low`, data: points(low), fill: false, borderColor: 'transparent' },
      {
        ...band,
        label: `${label} high`,
        data: points(high),
        fill: '-1',
        backgroundColor: withAlpha(c, 0.18),
        borderColor: 'transparent',
      },
      {
        role: 'mean',
        curves: 1,
        points: g.steps.length,
        label,
        data: points(g.mean),
        borderColor: c,
        backgroundColor: c,
        borderWidth: 2,
        pointRadius: 0,
      },
    );
  }
  if (means.length > 0) out.push(bestMeanMarkers(means));
  return out;
}

export const BEST_EPOCH = 'best epoch';

/** A filled dot on each group's mean at its best epoch. */
function bestMeanMarkers(marks: readonly { point: Point; color: string }[]): Dataset {
  return {
    role: 'marker',
    label: BEST_EPOCH,
    data: marks.map((m) => m.point),
    curves: 0,
    points: 0,
    showLine: false,
    pointStyle: 'circle',
    pointRadius: 3,
    pointBorderWidth: 0,
    pointBackgroundColor: marks.map((m) => m.color),
    borderColor: 'transparent',
    order: -1,
  };
}
