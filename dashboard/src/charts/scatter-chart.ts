import type { TrialRow } from '@embsweep/server';
import { Chart } from './chart-setup.js';
import { drawManyPoints } from './many-points.js';
import { formatNumber } from '../ui/format.js';

export interface ScatterInput {
  readonly yLabel: string;
  readonly value: (trial: TrialRow) => number | null;
  readonly trials: readonly TrialRow[];
  /** The numeric parameter on the x axis. */
  readonly x: string;
  /** A logarithmic x axis (log-distributed parameters, or values spanning 100x or more). */
  readonly logX: boolean;
}

/**
 * The sweep metric (or gap, rank...) against a numeric parameter with many values, one point
 * per trial: what a random or Bayesian search over a continuous range needs, where the
 * parameter chart's one-category-per-value axis would be unreadable. Completed trials are
 * filled points; pruned ones hollow grey (partial values).
 */
export class ScatterChart {
  private readonly chart: Chart<'scatter', { x: number; y: number }[]>;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.chart = new Chart<'scatter', { x: number; y: number }[]>(canvas, {
      type: 'scatter',
      data: { datasets: [] },
      options: {
        maintainAspectRatio: false,
        parsing: false,
        scales: { x: { type: 'linear', title: { display: true } }, y: { title: { display: true } } },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: (item) => `${formatNumber(item.parsed.x ?? NaN)}: ${formatNumber(item.parsed.y ?? NaN)}`,
            },
          },
        },
      },
    });
  }

  update(input: ScatterInput): void {
    const points = (state: string) =>
      input.trials.flatMap((t) => {
        const x = t.params[input.x];
        const y = input.value(t);
        return t.state === state && typeof x === 'number' && y !== null && (!input.logX || x > 0)
          ? [{ x, y }]
          : [];
      });
    const completed = points('completed');
    const pruned = points('pruned');
    this.chart.data.datasets = [
      { label: 'completed', data: completed, backgroundColor: '#3b528b', pointRadius: 3 },
      {
        label: 'pruned (partial)',
        data: pruned,
        borderColor: '#999',
        backgroundColor: 'rgba(0, 0, 0, 0)',
        pointRadius: 4,
      },
    ];
    drawManyPoints(this.chart, this.chart.data.datasets);
    const scales = this.chart.options.scales;
    if (scales?.['x']) {
      scales['x'].type = input.logX ? 'logarithmic' : 'linear';
      if (scales['x'].title) scales['x'].title.text = input.x;
    }
    if (scales?.['y']?.title) scales['y'].title.text = input.yLabel;
    this.chart.update('none');
    this.canvas.dataset['points'] = String(completed.length + pruned.length);
    this.canvas.dataset['scale'] = input.logX ? 'logarithmic' : 'linear';
    this.canvas.dataset['x'] = input.x;
  }

  destroy(): void {
    this.chart.destroy();
  }
}

/** Beyond this many numeric values, a parameter is drawn as a scatter rather than categories. */
export const SCATTER_FROM_VALUES = 12;

/** Whether a parameter's values call for a log axis: log-distributed, or spanning 100x or more. */
export function wantsLogAxis(distribution: string | undefined, values: readonly unknown[]): boolean {
  if (distribution?.includes('log') === true) return true;
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length === 0 || numbers.some((v) => v <= 0)) return false;
  return Math.max(...numbers) / Math.min(...numbers) >= 100;
}
