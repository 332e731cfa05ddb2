import type { Plugin } from 'chart.js';
import type { TrialRow } from '@embsweep/server';
import { Chart } from './chart-setup.js';
import { interpolate, keyOf } from './colors.js';
import { formatNumber, formatValue } from '../ui/format.js';

export interface ParallelInput {
  readonly metric: string;
  readonly goal: 'minimize' | 'maximize';
  readonly trials: readonly TrialRow[];
  /** The axes: parameters that vary, with their values in order. */
  readonly params: readonly { readonly name: string; readonly values: readonly unknown[] }[];
}

interface Axis {
  readonly name: string;
  /** Position from 0 (bottom) to 1 (top) of a trial's value on this axis. */
  readonly place: (trial: TrialRow) => number | null;
  readonly bottom: string;
  readonly top: string;
}

/**
 * Parallel coordinates: one vertical axis per varying parameter and a last one for the best
 * metric; each trial is a line through its values, coloured by its metric (warm = better).
 * Parameter values sit evenly spaced in their order, so log-spaced values like L2 spread out.
 */
export class ParallelChart {
  private readonly chart: Chart<'line', (number | null)[]>;
  private axes: Axis[] = [];
  private trials: TrialRow[] = [];

  constructor(private readonly canvas: HTMLCanvasElement) {
    const axisLabels: Plugin<'line'> = {
      id: 'axisLabels',
      afterDraw: (chart) => {
        const { ctx, chartArea, scales } = chart;
        const x = scales['x'];
        if (!x) return;
        ctx.save();
        ctx.font = '11px system-ui, sans-serif';
        ctx.fillStyle = '#555';
        ctx.strokeStyle = '#bbb';
        ctx.textAlign = 'center';
        this.axes.forEach((axis, i) => {
          const px = x.getPixelForValue(i);
          ctx.beginPath();
          ctx.moveTo(px, chartArea.top);
          ctx.lineTo(px, chartArea.bottom);
          ctx.stroke();
          ctx.fillText(axis.top, px, chartArea.top - 4);
          ctx.fillText(axis.bottom, px, chartArea.bottom + 13);
        });
        ctx.restore();
      },
    };
    this.chart = new Chart<'line', (number | null)[]>(canvas, {
      type: 'line',
      data: { labels: [], datasets: [] },
      plugins: [axisLabels],
      options: {
        maintainAspectRatio: false,
        layout: { padding: { top: 18, bottom: 4 } },
        interaction: { mode: 'nearest', intersect: false, axis: 'xy' },
        scales: {
          x: { type: 'category', grid: { display: false }, ticks: { padding: 18 } },
          y: { min: -0.02, max: 1.02, display: false },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => {
                const t = this.trials[items[0]?.datasetIndex ?? -1];
                return t ? `Trial #${t.index + 1} (seed ${t.seed})` : '';
              },
              label: (item) => {
                const t = this.trials[item.datasetIndex];
                return t
                  ? this.axes.map(
                      (a) =>
                        `${a.name}: ${a.name === this.metricName ? formatNumber(t.bestValue ?? NaN) : formatValue(t.params[a.name])}`,
                    )
                  : '';
              },
            },
          },
        },
      },
    });
  }

  private metricName = '';

  update(input: ParallelInput): void {
    this.metricName = `best ${input.metric}`;
    this.trials = input.trials.filter((t) => t.bestValue !== null);
    const best = this.trials.map((t) => t.bestValue ?? 0);
    const lo = Math.min(...best);
    const hi = Math.max(...best);
    const span = hi - lo || 1;
    this.axes = [
      ...input.params.map((p): Axis => {
        const keys = p.values.map(keyOf);
        return {
          name: p.name,
          place: (t) => (keys.length <= 1 ? 0.5 : keys.indexOf(keyOf(t.params[p.name])) / (keys.length - 1)),
          bottom: formatValue(p.values[0]),
          top: formatValue(p.values.at(-1)),
        };
      }),
      {
        name: this.metricName,
        place: (t) => ((t.bestValue ?? lo) - lo) / span,
        bottom: formatNumber(lo),
        top: formatNumber(hi),
      },
    ];
    this.chart.data.labels = this.axes.map((a) => a.name);
    this.chart.data.datasets = this.trials.map((t) => {
      const goodness = ((t.bestValue ?? lo) - lo) / span;
      const color = interpolate(input.goal === 'minimize' ? 1 - goodness : goodness);
      return {
        label: `#${t.index + 1}`,
        data: this.axes.map((a) => a.place(t)),
        borderColor: color,
        backgroundColor: color,
        borderWidth: 1.2,
        pointRadius: 2,
      };
    });
    this.chart.update('none');
    this.canvas.dataset['series'] = String(this.trials.length);
  }

  destroy(): void {
    this.chart.destroy();
  }
}
