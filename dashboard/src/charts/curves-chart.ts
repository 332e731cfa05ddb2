import type { ChartDataset } from 'chart.js';
import type { Series, TrialRow } from '@embsweep/server';
import { Chart } from './chart-setup.js';
import { colorScale, keyOf, withAlpha } from './colors.js';
import { aggregate, groupBy } from './groups.js';
import { smooth } from './smoothing.js';
import { endMarker, stateDash } from './trial-style.js';
import { formatNumber, formatParams, formatValue } from '../ui/format.js';

/** What the comparison chart draws. */
export interface CurvesInput {
  readonly metric: string;
  readonly series: readonly Series[];
  /** Training curves to draw dashed beside the validation ones; empty when off. */
  readonly trainSeries: readonly Series[];
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
  /** With groups: band the 95% interval of the mean, or the lowest to highest value. */
  readonly band: 'ci' | 'range';
  /** The sweep's metric and goal: on its curves, each trial's best epoch is marked. */
  readonly sweepMetric: string;
  readonly goal: 'minimize' | 'maximize';
  readonly selected: ReadonlySet<number>;
  /** Trials drawn bold over the faded rest (the top K), besides the selected ones. */
  readonly highlight: ReadonlySet<number>;
  readonly isolate: boolean;
  /** Parameters to name in tooltips (the ones that vary). */
  readonly paramNames: readonly string[];
}

type Point = { x: number; y: number | null };
type Dataset = ChartDataset<'line', Point[]> & {
  role: 'trial' | 'train' | 'mean' | 'band' | 'marker';
  /** The trial of each point (-1 for the gaps between curves). */
  trialAt?: number[];
  /** Curves drawn by this dataset, and their points (gaps not counted). */
  curves: number;
  points: number;
};

/**
 * The centre of the sweep page: the chosen metric against epoch for every trial (or the mean
 * and band of each group), coloured by a parameter. Hover names the trial and its parameters;
 * a click reports the trial to `onSelect`. The canvas carries data-series (curves drawn) and
 * data-points (points drawn) so tests and people can check what is shown.
 */
export class CurvesChart {
  private readonly chart: Chart<'line', Point[]>;
  private input: CurvesInput | undefined;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    onSelect: (trialId: number) => void,
    /** The curve under the pointer, in words ('' when none), for a readout beside the chart. */
    onHover: (text: string) => void = () => undefined,
  ) {
    let hovered = '';
    this.chart = new Chart<'line', Point[]>(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        maintainAspectRatio: false,
        parsing: false,
        // Curves of many trials share a dataset (see trialDatasets), so x is not sorted.
        normalized: false,
        spanGaps: false,
        interaction: { mode: 'nearest', intersect: false, axis: 'xy' },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'epoch' }, ticks: { precision: 0 } },
          y: { type: 'linear', title: { display: true, text: '' } },
        },
        plugins: {
          legend: { display: false }, // the page draws its own legend, by parameter value
          tooltip: {
            filter: (item) => !['band', 'marker'].includes((item.dataset as Dataset).role),
            callbacks: {
              title: (items) =>
                items[0] ? this.tooltipTitle(items[0].dataset as Dataset, items[0].dataIndex) : '',
              label: (item) => {
                const ds = item.dataset as Dataset;
                const what =
                  ds.role === 'train' ? 'train' : ds.role === 'mean' ? 'mean' : (this.input?.metric ?? '');
                return `${what} at epoch ${item.parsed.x}: ${item.parsed.y === null ? 'NaN' : formatNumber(item.parsed.y)}`;
              },
            },
          },
        },
        onHover: (_event, elements) => {
          const hit = elements[0];
          const ds = hit ? (this.chart.data.datasets[hit.datasetIndex] as Dataset | undefined) : undefined;
          const text =
            hit && ds && ds.role !== 'band' ? this.tooltipTitle(ds, hit.index).replace('\n', ': ') : '';
          if (text !== hovered) onHover((hovered = text));
        },
        onClick: (_event, elements) => {
          const hit = elements[0];
          const ds = hit ? (this.chart.data.datasets[hit.datasetIndex] as Dataset | undefined) : undefined;
          const trialId = hit ? ds?.trialAt?.[hit.index] : undefined;
          if (trialId !== undefined && trialId >= 0) onSelect(trialId);
        },
      },
    });
  }

  update(input: CurvesInput): void {
    this.input = input;
    const smoothed = input.smooth > 0 ? smoothInput(input) : input;
    const datasets = input.group === 'none' ? this.trialDatasets(smoothed) : this.groupDatasets(smoothed);
    if (input.smooth > 0 && input.group === 'none') datasets.unshift(...this.rawShadows(input));
    this.chart.data.datasets = datasets;
    const y = this.chart.options.scales?.['y'];
    if (y) y.type = input.logY ? 'logarithmic' : 'linear';
    const yTitle = this.chart.options.scales?.['y']?.title;
    if (yTitle) yTitle.text = input.metric;
    this.chart.update('none');
    const drawn = datasets.filter((d) => d.role === 'trial' || d.role === 'mean');
    this.canvas.dataset['series'] = String(drawn.reduce((n, d) => n + d.curves, 0));
    this.canvas.dataset['points'] = String(drawn.reduce((n, d) => n + d.points, 0));
    this.canvas.dataset['metric'] = input.metric;
    this.canvas.dataset['smoothing'] = String(input.smooth);
    this.canvas.dataset['highlighted'] = String(input.highlight.size);
    this.canvas.dataset['scale'] = input.logY ? 'logarithmic' : 'linear';
    const first = datasets.find((d) => d.role === 'trial');
    const end = first?.data.findIndex((p) => p.y === null) ?? -1;
    // The first curve as drawn (after smoothing), so tests and people can check the numbers.
    this.canvas.dataset['firstCurve'] = JSON.stringify(
      (first?.data.slice(0, end === -1 ? undefined : end) ?? []).map((p) =>
        p.y === null ? null : Number(p.y.toFixed(4)),
      ),
    );
    this.canvas.dataset['band'] = input.group === 'none' ? '' : input.band;
    this.canvas.dataset['bestMarkers'] = String(
      datasets.filter((d) => d.label === BEST_EPOCH).reduce((n, d) => n + d.data.length, 0),
    );
  }

  destroy(): void {
    this.chart.destroy();
  }

  private color(input: CurvesInput): (trial: TrialRow | undefined) => string {
    const scale = colorScale(input.colorValues);
    return (trial) => (input.colorParam && trial ? scale(trial.params[input.colorParam]) : '#1f77b4');
  }

  private shown(input: CurvesInput): (trial: TrialRow | undefined) => trial is TrialRow {
    return (trial): trial is TrialRow =>
      trial !== undefined &&
      input.visible(trial) &&
      (!input.isolate || input.selected.size === 0 || input.selected.has(trial.id));
  }

  /**
   * One curve per trial, but not one dataset per trial: curves that look alike (same colour,
   * width and dash) are joined into one dataset with a gap between them. chart.js slows down
   * with the number of datasets far more than with the number of points, and a sweep of
   * 1,000 trials would otherwise take seconds to draw.
   */
  private trialDatasets(input: CurvesInput): Dataset[] {
    const color = this.color(input);
    const shown = this.shown(input);
    const faded = (input.selected.size > 0 || input.highlight.size > 0) && !input.isolate;
    const batches = new Map<string, Dataset>();
    const ends = { pruned: [] as Point[], failed: [] as Point[] };
    const best: { point: Point; color: string }[] = [];
    const add = (s: Series, role: 'trial' | 'train') => {
      const trial = input.trials.get(s.trialId);
      if (!shown(trial) || s.steps.length === 0) return;
      const selected = input.selected.has(trial.id) || input.highlight.has(trial.id);
      const base = color(trial);
      const line = faded && !selected ? withAlpha(base, 0.18) : base;
      const width = selected ? 3 : role === 'train' ? 1 : 1.5;
      const dash = role === 'train' ? [2, 3] : stateDash(trial.state);
      const key = `${role}|${line}|${width}|${dash.join(',')}`;
      let ds = batches.get(key);
      if (ds === undefined) {
        ds = {
          role,
          label: role,
          data: [],
          trialAt: [],
          curves: 0,
          points: 0,
          borderColor: line,
          backgroundColor: line,
          borderWidth: width,
          borderDash: dash,
          pointRadius: 0,
          pointHoverRadius: 3,
          order: selected ? 0 : 1,
        };
        batches.set(key, ds);
      }
      if (ds.data.length > 0) {
        ds.data.push({ x: s.steps[0] ?? 0, y: null });
        ds.trialAt?.push(-1);
      }
      s.steps.forEach((x, i) => {
        ds.data.push({ x, y: s.values[i] ?? null });
        ds.trialAt?.push(trial.id);
      });
      ds.curves += 1;
      ds.points += s.steps.length;
      // The epoch whose weights the trial keeps, on whatever metric is drawn (a gap, a loss...).
      const at = role === 'trial' && trial.bestEpoch !== null ? s.steps.indexOf(trial.bestEpoch) : -1;
      if (at >= 0) best.push({ point: { x: trial.bestEpoch ?? 0, y: s.values[at] ?? null }, color: line });
      const values = s.values.filter((v): v is number => v !== null);
      const lastStep = s.steps[s.values.lastIndexOf(values.at(-1) ?? NaN)];
      if (
        role === 'trial' &&
        lastStep !== undefined &&
        (trial.state === 'pruned' || trial.state === 'failed')
      )
        ends[trial.state].push({ x: lastStep, y: values.at(-1) ?? null });
    };
    for (const s of input.series) add(s, 'trial');
    for (const s of input.trainSeries) add(s, 'train');
    const out = [...batches.values()];
    if (best.length > 0) out.push(bestEpochMarkers(best));
    for (const state of ['pruned', 'failed'] as const) {
      const marker = endMarker(state);
      if (ends[state].length === 0 || !marker.style) continue;
      out.push({
        role: 'marker',
        label: `${state} here`,
        data: ends[state],
        curves: 0,
        points: 0,
        showLine: false,
        pointStyle: marker.style,
        pointRadius: 6,
        pointBorderWidth: 2,
        borderColor: marker.color,
        backgroundColor: marker.color,
        order: -1,
      });
    }
    return out;
  }

  /** The raw curves, faint and thin, behind the smoothed ones. */
  private rawShadows(input: CurvesInput): Dataset[] {
    return this.trialDatasets({ ...input, trainSeries: [] })
      .filter((d) => d.role === 'trial')
      .map((d) => ({
        ...d,
        role: 'band' as const,
        curves: 0,
        points: 0,
        borderColor: withAlpha(typeof d.borderColor === 'string' ? d.borderColor : '#1f77b4', 0.15),
        borderWidth: 1,
        pointHoverRadius: 0,
        order: 2,
      }));
  }

  private groupDatasets(input: CurvesInput): Dataset[] {
    const shown = this.shown(input);
    const byConfig = input.group === 'config';
    const key = (trial: TrialRow) =>
      byConfig ? String(trial.configIndex) : keyOf(trial.params[input.group]);
    const members = input.series.filter((s) => shown(input.trials.get(s.trialId)));
    const groups = groupBy(members, (s) => key(input.trials.get(s.trialId) as TrialRow));
    const groupScale = colorScale(input.groupValues);
    const color = this.color(input);
    const out: Dataset[] = [];
    const means: { point: Point; color: string }[] = [];
    for (const [k, list] of groups) {
      const first = input.trials.get(list[0]?.trialId ?? -1);
      const c = byConfig ? color(first) : groupScale(first?.params[input.group]);
      const g = aggregate(list);
      const label = byConfig
        ? `${first ? formatParams(first.params, input.paramNames) : k} (${list.length} seeds)`
        : `${input.group}=${formatValue(first?.params[input.group])} (${list.length} trials)`;
      const points = (ys: number[]): Point[] => g.steps.map((x, i) => ({ x, y: ys[i] ?? null }));
      const [low, high] = input.band === 'ci' ? [g.ciLow, g.ciHigh] : [g.low, g.high];
      if (input.metric === input.sweepMetric && g.steps.length > 0) {
        const pick = input.goal === 'minimize' ? Math.min : Math.max;
        const i = g.mean.indexOf(pick(...g.mean));
        means.push({ point: { x: g.steps[i] ?? 0, y: g.mean[i] ?? null }, color: c });
      }
      out.push(
        {
          role: 'band',
          curves: 0,
          points: 0,
          label: `${label} low`,
          data: points(low),
          borderWidth: 0,
          pointRadius: 0,
          fill: false,
          borderColor: 'transparent',
        },
        {
          role: 'band',
          curves: 0,
          points: 0,
          label: `${label} high`,
          data: points(high),
          borderWidth: 0,
          pointRadius: 0,
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
    if (means.length > 0) out.push(bestEpochMarkers(means));
    return out;
  }

  private tooltipTitle(ds: Dataset, index: number): string {
    const trial = this.input?.trials.get(ds.trialAt?.[index] ?? -1);
    if (trial === undefined || this.input === undefined) return ds.label ?? '';
    return [
      `Trial #${trial.index + 1} (seed ${trial.seed}, ${trial.state})`,
      formatParams(trial.params, this.input.paramNames),
    ].join('\n');
  }
}

const BEST_EPOCH = 'best epoch';

/** A filled dot on each curve at its best epoch (of a group's mean: the best mean). */
function bestEpochMarkers(marks: readonly { point: Point; color: string }[]): Dataset {
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

/** The same input with every curve smoothed (the group means are then means of smoothed curves). */
function smoothInput(input: CurvesInput): CurvesInput {
  const each = (series: readonly Series[]) =>
    series.map((s) => ({ ...s, values: smooth(s.values, input.smooth) }));
  return { ...input, series: each(input.series), trainSeries: each(input.trainSeries) };
}
