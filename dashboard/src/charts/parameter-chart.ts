import type { TrialRow } from '@embsweep/server';
import type { ChartDataset } from 'chart.js';
import { Chart } from './chart-setup.js';
import { colorScale, keyOf } from './colors.js';
import { errorBarsPlugin } from './error-bars.js';
import { groupBy, halfWidth } from './groups.js';
import { formatNumber, formatValue } from '../ui/format.js';

/** A line's mean at each x position, or a pruned trial's value where its x value is. */
type Point = number | null | { readonly x: string; readonly y: number | null };

export interface ParameterInput {
  /** What the y axis shows, e.g. "best val_loss" or "loss gap at best epoch". */
  readonly yLabel: string;
  /** A trial's y value (null: none). */
  readonly value: (trial: TrialRow) => number | null;
  /** Draw pruned trials apart as partial values (else they count in the lines like the rest). */
  readonly partialApart: boolean;
  readonly trials: readonly TrialRow[];
  /** Parameter on the x axis, and its values in order. */
  readonly x: string;
  readonly xValues: readonly unknown[];
  /** Parameter drawn as one line per value (undefined: one line). */
  readonly line: string | undefined;
  readonly lineValues: readonly unknown[];
}

/**
 * The best value of the sweep's metric (or the generalization gap at the best epoch, or at the
 * end) against one parameter (e.g. against embedding_dim), one line per value of another (e.g.
 * dropout). Each point is the mean over the completed trials with those values (seeds, other
 * parameters), with the 95% t-interval of that mean as an error bar when there are several;
 * the tooltip says over how many.
 * A pruned trial's value is partial (from fewer epochs): it is drawn apart, as a hollow grey
 * marker "pruned at epoch k", and never averaged into a line.
 */
export class ParameterChart {
  private readonly chart: Chart<'line', Point[]>;
  private counts: number[][] = [];
  private partialLabels: string[] = [];

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.chart = new Chart<'line', Point[]>(canvas, {
      type: 'line',
      plugins: [errorBarsPlugin],
      data: { labels: [], datasets: [] },
      options: {
        maintainAspectRatio: false,
        spanGaps: true,
        interaction: { mode: 'nearest', intersect: false },
        scales: { x: { type: 'category', title: { display: true } }, y: { title: { display: true } } },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: (item) =>
                item.datasetIndex === this.counts.length - 1
                  ? `${this.partialLabels[item.dataIndex] ?? 'pruned'}: ${formatNumber(item.parsed.y ?? NaN)} (partial)`
                  : `${item.dataset.label ?? ''}: ${item.parsed.y === null ? '–' : formatNumber(item.parsed.y)} (mean of ${this.counts[item.datasetIndex]?.[item.dataIndex] ?? 0})`,
            },
          },
        },
      },
    });
  }

  update(input: ParameterInput): void {
    const valued = input.trials.filter((t) => input.value(t) !== null);
    const withValue = input.partialApart ? valued.filter((t) => t.state === 'completed') : valued;
    const partial = input.partialApart ? valued.filter((t) => t.state === 'pruned') : [];
    const lines = input.line
      ? groupBy(withValue, (t) => keyOf(t.params[input.line ?? '']))
      : new Map([['all', withValue]]);
    const scale = colorScale(input.lineValues);
    this.counts = [];
    const datasets = [...lines].map(([, trials]) => {
      const at = groupBy(trials, (t) => keyOf(t.params[input.x]));
      const counts: number[] = [];
      const low: (number | null)[] = [];
      const high: (number | null)[] = [];
      const data = input.xValues.map((x) => {
        const here = (at.get(keyOf(x)) ?? []).map((t) => input.value(t) ?? 0);
        counts.push(here.length);
        if (here.length === 0) return (low.push(null), high.push(null), null);
        const mean = here.reduce((s, v) => s + v, 0) / here.length;
        const half = halfWidth(here, mean);
        low.push(here.length > 1 ? mean - half : null);
        high.push(here.length > 1 ? mean + half : null);
        return mean;
      });
      this.counts.push(counts);
      const lineValue = input.line ? trials[0]?.params[input.line] : undefined;
      const color = input.line ? scale(lineValue) : '#1f77b4';
      return {
        label: input.line ? `${input.line}=${formatValue(lineValue)}` : input.yLabel,
        data,
        errorBars: { low, high },
        borderColor: color,
        backgroundColor: color,
        pointRadius: 4,
      };
    });
    this.chart.data.labels = input.xValues.map(formatValue);
    this.partialLabels = partial.map((t) => `#${t.index + 1} pruned at epoch ${t.epochsRun}`);
    this.chart.data.datasets = [...datasets, partialDataset(input, partial)];
    this.counts.push([]);
    const scales = this.chart.options.scales;
    if (scales?.['x']?.title) scales['x'].title.text = input.x;
    if (scales?.['y']?.title) scales['y'].title.text = input.yLabel;
    this.chart.update('none');
    this.canvas.dataset['series'] = String(datasets.length);
    this.canvas.dataset['lineTrials'] = String(withValue.length);
    this.canvas.dataset['partial'] = String(partial.length);
    this.canvas.dataset['y'] = input.yLabel;
  }

  destroy(): void {
    this.chart.destroy();
  }
}

/** Pruned trials' values, each where its x parameter puts it: hollow grey markers, no line. */
function partialDataset(input: ParameterInput, partial: readonly TrialRow[]) {
  const x = input.xValues.map(keyOf);
  return {
    label: 'pruned (partial)',
    data: partial.map((t) => ({
      x: formatValue(input.xValues[x.indexOf(keyOf(t.params[input.x]))]),
      y: input.value(t),
    })),
    showLine: false,
    borderColor: '#999',
    backgroundColor: 'rgba(0, 0, 0, 0)',
    pointRadius: 5,
    pointStyle: 'circle',
  } satisfies ChartDataset<'line', Point[]>;
}
