import type { TrialRow } from '@embsweep/server';
import type { ChartDataset } from 'chart.js';
import { Chart } from './chart-setup.js';
import { colorScale, keyOf } from './colors.js';
import { groupBy } from './groups.js';
import { formatNumber, formatValue } from '../ui/format.js';

/** A line's mean at each x position, or a pruned trial's value where its x value is. */
type Point = number | null | { readonly x: string; readonly y: number | null };

export interface ParameterInput {
  readonly metric: string;
  readonly trials: readonly TrialRow[];
  /** Parameter on the x axis, and its values in order. */
  readonly x: string;
  readonly xValues: readonly unknown[];
  /** Parameter drawn as one line per value (undefined: one line). */
  readonly line: string | undefined;
  readonly lineValues: readonly unknown[];
}

/**
 * The best value of the sweep's metric against one parameter (e.g. best val_loss against
 * embedding_dim), one line per value of another (e.g. dropout). Each point is the mean over the
 * completed trials with those values (seeds, other parameters); the tooltip says over how many.
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
    const withValue = input.trials.filter((t) => t.bestValue !== null && t.state === 'completed');
    const partial = input.trials.filter((t) => t.bestValue !== null && t.state === 'pruned');
    const lines = input.line
      ? groupBy(withValue, (t) => keyOf(t.params[input.line ?? '']))
      : new Map([['all', withValue]]);
    const scale = colorScale(input.lineValues);
    this.counts = [];
    const datasets = [...lines].map(([, trials]) => {
      const at = groupBy(trials, (t) => keyOf(t.params[input.x]));
      const counts: number[] = [];
      const data = input.xValues.map((x) => {
        const here = at.get(keyOf(x)) ?? [];
        counts.push(here.length);
        return here.length === 0 ? null : here.reduce((s, t) => s + (t.bestValue ?? 0), 0) / here.length;
      });
      this.counts.push(counts);
      const lineValue = input.line ? trials[0]?.params[input.line] : undefined;
      const color = input.line ? scale(lineValue) : '#1f77b4';
      return {
        label: input.line ? `${input.line}=${formatValue(lineValue)}` : `best ${input.metric}`,
        data,
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
    if (scales?.['y']?.title) scales['y'].title.text = `best ${input.metric}`;
    this.chart.update('none');
    this.canvas.dataset['series'] = String(datasets.length);
    this.canvas.dataset['lineTrials'] = String(withValue.length);
    this.canvas.dataset['partial'] = String(partial.length);
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
      y: t.bestValue,
    })),
    showLine: false,
    borderColor: '#999',
    backgroundColor: 'rgba(0, 0, 0, 0)',
    pointRadius: 5,
    pointStyle: 'circle',
  } satisfies ChartDataset<'line', Point[]>;
}
