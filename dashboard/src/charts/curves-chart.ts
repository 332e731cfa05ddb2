import type { ChartDataset, ScriptableContext } from 'chart.js';
import type { Series, TrialRow } from '@embsweep/server';
import { Chart } from './chart-setup.js';
import { colorScale, keyOf, withAlpha } from './colors.js';
import { aggregate, groupBy } from './groups.js';
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
  readonly selected: ReadonlySet<number>;
  readonly isolate: boolean;
  /** Parameters to name in tooltips (the ones that vary). */
  readonly paramNames: readonly string[];
}

type Point = { x: number; y: number | null };
type Dataset = ChartDataset<'line', Point[]> & {
  trialId?: number;
  role: 'trial' | 'train' | 'mean' | 'band';
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
  ) {
    this.chart = new Chart<'line', Point[]>(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        spanGaps: false,
        interaction: { mode: 'nearest', intersect: false, axis: 'xy' },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'epoch' }, ticks: { precision: 0 } },
          y: { type: 'linear', title: { display: true, text: '' } },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            filter: (item) => (item.dataset as Dataset).role !== 'band',
            callbacks: {
              title: (items) => (items[0] ? this.tooltipTitle(items[0].dataset as Dataset) : ''),
              label: (item) => {
                const ds = item.dataset as Dataset;
                const what =
                  ds.role === 'train' ? 'train' : ds.role === 'mean' ? 'mean' : (this.input?.metric ?? '');
                return `${what} at epoch ${item.parsed.x}: ${item.parsed.y === null ? 'NaN' : formatNumber(item.parsed.y)}`;
              },
            },
          },
        },
        onClick: (_event, elements) => {
          const hit = elements[0];
          const ds = hit ? (this.chart.data.datasets[hit.datasetIndex] as Dataset | undefined) : undefined;
          if (ds?.trialId !== undefined) onSelect(ds.trialId);
        },
      },
    });
  }

  update(input: CurvesInput): void {
    this.input = input;
    const datasets = input.group === 'none' ? this.trialDatasets(input) : this.groupDatasets(input);
    this.chart.data.datasets = datasets;
    const yTitle = this.chart.options.scales?.['y']?.title;
    if (yTitle) yTitle.text = input.metric;
    this.chart.update('none');
    const drawn = datasets.filter((d) => d.role === 'trial' || d.role === 'mean');
    this.canvas.dataset['series'] = String(drawn.length);
    this.canvas.dataset['points'] = String(drawn.reduce((n, d) => n + d.data.length, 0));
    this.canvas.dataset['metric'] = input.metric;
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

  private trialDatasets(input: CurvesInput): Dataset[] {
    const color = this.color(input);
    const shown = this.shown(input);
    const faded = input.selected.size > 0 && !input.isolate;
    const out: Dataset[] = [];
    const add = (s: Series, role: 'trial' | 'train') => {
      const trial = input.trials.get(s.trialId);
      if (!shown(trial)) return;
      const selected = input.selected.has(trial.id);
      const base = color(trial);
      const line = faded && !selected ? withAlpha(base, 0.18) : base;
      const marker = endMarker(trial.state);
      const last = s.steps.length - 1;
      out.push({
        role,
        trialId: trial.id,
        label: `#${trial.index + 1}${role === 'train' ? ' train' : ''}`,
        data: s.steps.map((x, i) => ({ x, y: s.values[i] ?? null })),
        borderColor: line,
        backgroundColor: marker.color ?? line,
        borderWidth: selected ? 3 : role === 'train' ? 1 : 1.5,
        borderDash: role === 'train' ? [2, 3] : stateDash(trial.state),
        pointRadius: (ctx: ScriptableContext<'line'>) =>
          role === 'trial' && marker.style && ctx.dataIndex === last ? 5 : 0,
        pointStyle: marker.style || 'circle',
        pointHoverRadius: 3,
        order: selected ? 0 : 1,
      });
    };
    for (const s of input.series) add(s, 'trial');
    for (const s of input.trainSeries) add(s, 'train');
    return out;
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
    for (const [k, list] of groups) {
      const first = input.trials.get(list[0]?.trialId ?? -1);
      const c = byConfig ? color(first) : groupScale(first?.params[input.group]);
      const g = aggregate(list);
      const label = byConfig
        ? `${first ? formatParams(first.params, input.paramNames) : k} (${list.length} seeds)`
        : `${input.group}=${formatValue(first?.params[input.group])} (${list.length} trials)`;
      const points = (ys: number[]): Point[] => g.steps.map((x, i) => ({ x, y: ys[i] ?? null }));
      out.push(
        {
          role: 'band',
          label: `${label} low`,
          data: points(g.low),
          borderWidth: 0,
          pointRadius: 0,
          fill: false,
          borderColor: 'transparent',
        },
        {
          role: 'band',
          label: `${label} high`,
          data: points(g.high),
          borderWidth: 0,
          pointRadius: 0,
          fill: '-1',
          backgroundColor: withAlpha(c, 0.18),
          borderColor: 'transparent',
        },
        {
          role: 'mean',
          label,
          data: points(g.mean),
          borderColor: c,
          backgroundColor: c,
          borderWidth: 2,
          pointRadius: 0,
        },
      );
    }
    return out;
  }

  private tooltipTitle(ds: Dataset): string {
    if (ds.trialId === undefined || this.input === undefined) return ds.label ?? '';
    const trial = this.input.trials.get(ds.trialId);
    if (trial === undefined) return ds.label ?? '';
    return [
      `Trial #${trial.index + 1} (seed ${trial.seed}, ${trial.state})`,
      formatParams(trial.params, this.input.paramNames),
    ].join('\n');
  }
}
