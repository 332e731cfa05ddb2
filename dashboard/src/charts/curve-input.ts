import type { ChartDataset } from 'chart.js';
import type { TrialRow } from '@embsweep/server';

/** One curve as the page holds it: typed arrays, NaN where there is no value. */
export interface CurveData {
  readonly trialId: number;
  readonly metric: string;
  readonly steps: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  /** Seconds since the trial's attempt started, at each point. */
  readonly elapsed: ArrayLike<number>;
}

/** What the comparison chart draws. */
export interface CurvesInput {
  readonly metric: string;
  readonly series: readonly CurveData[];
  /** Training curves to draw dotted beside the validation ones; empty when off. */
  readonly trainSeries: readonly CurveData[];
  readonly trials: ReadonlyMap<number, TrialRow>;
  /** Trials that pass the table's filters. */
  readonly visible: (trial: TrialRow) => boolean;
  readonly colorParam: string | undefined;
  readonly colorValues: readonly unknown[];
  /** 'none', 'config' or a parameter name. */
  readonly group: string;
  readonly groupValues: readonly unknown[];
  /** Smoothing weight (0: raw); when smoothed, each raw curve stays faint behind. */
  readonly smooth: number;
  /** A logarithmic y axis (values at or below zero are not drawn on it). */
  readonly logY: boolean;
  /** x by epoch, or by seconds since each trial started. */
  readonly x: 'epoch' | 'time';
  /** With groups: band the 95% interval of the mean, or the lowest to highest value. */
  readonly band: 'ci' | 'range';
  /** The sweep's metric and goal: on its curves, each trial's best epoch is marked. */
  readonly sweepMetric: string;
  readonly goal: 'minimize' | 'maximize';
  readonly selected: ReadonlySet<number>;
  /** Trials drawn bold over the faded rest (the top K), besides the selected ones. */
  readonly highlight: ReadonlySet<number>;
  readonly isolate: boolean;
  /** Parameters to name in the hover readout (the ones that vary). */
  readonly paramNames: readonly string[];
}

export type Point = { x: number; y: number | null };
export type Dataset = ChartDataset<'line', Point[]> & {
  role: 'trial' | 'train' | 'mean' | 'band' | 'marker';
  /** Curves drawn by this dataset, and their points. */
  curves: number;
  points: number;
};

/** A trial's curves are drawn when it passes the filters and, when isolating, is selected. */
export function shownBy(input: CurvesInput): (trial: TrialRow | undefined) => trial is TrialRow {
  return (trial): trial is TrialRow =>
    trial !== undefined &&
    input.visible(trial) &&
    (!input.isolate || input.selected.size === 0 || input.selected.has(trial.id));
}
