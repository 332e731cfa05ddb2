import type { Plugin } from 'chart.js';
import type { TrialRow } from '@embsweep/server';
import { Chart } from './chart-setup.js';
import { drawManyPoints } from './many-points.js';
import { interpolate } from './colors.js';
import { contourGrid, unitScale } from './contour-grid.js';
import { formatNumber, formatValue } from '../ui/format.js';

/** Cells per side of the contour's grid. */
const GRID = 48;

export interface ContourInput {
  readonly metric: string;
  readonly goal: 'minimize' | 'maximize';
  /** Completed trials (pruned ones have partial values and are left out, as Optuna does). */
  readonly trials: readonly TrialRow[];
  readonly x: string;
  readonly y: string;
  readonly xValues: readonly unknown[];
  readonly yValues: readonly unknown[];
  readonly logX: boolean;
  readonly logY: boolean;
}

interface Cells {
  grid: Float64Array;
  low: number;
  high: number;
  goal: 'minimize' | 'maximize';
}

/**
 * The sweep's metric over two parameters, as Optuna's contour plot shows it: a colour field
 * interpolated from the completed trials (contour-grid.ts), brighter where the metric is
 * better, with each trial as a dot and the best one as a star. Both axes run over the range of
 * the values tried, by log value for log-distributed parameters and by rank for categories.
 */
export class ContourChart {
  private readonly chart: Chart<'scatter', { x: number; y: number }[]>;
  private cells: Cells | undefined;

  constructor(private readonly canvas: HTMLCanvasElement) {
    const field: Plugin<'scatter'> = {
      id: 'contourField',
      // Before everything else, so the trials' dots (drawn behind the datasets when there are
      // thousands: many-points.ts) and the grid lines stay on top of the field.
      beforeDraw: (chart) => this.drawField(chart),
    };
    this.chart = new Chart<'scatter', { x: number; y: number }[]>(canvas, {
      type: 'scatter',
      data: { datasets: [] },
      plugins: [field],
      options: {
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          // A margin around the unit square, so trials at the ends of a range are not cut in half.
          x: { type: 'linear', min: -0.04, max: 1.04, title: { display: true }, ticks: { maxRotation: 0 } },
          y: { type: 'linear', min: -0.04, max: 1.04, title: { display: true } },
        },
        plugins: { legend: { position: 'bottom' }, tooltip: { enabled: false } },
      },
    });
  }

  update(input: ContourInput): void {
    const [toU, toV] = [unitScale(input.xValues, input.logX), unitScale(input.yValues, input.logY)];
    const samples = input.trials.flatMap((t) => {
      const [u, v, value] = [toU(t.params[input.x]), toV(t.params[input.y]), t.bestValue];
      return t.state === 'completed' && value !== null && Number.isFinite(u) && Number.isFinite(v)
        ? [{ u, v, value, trial: t }]
        : [];
    });
    const pick = input.goal === 'minimize' ? Math.min : Math.max;
    const bestValue = samples.length > 0 ? pick(...samples.map((s) => s.value)) : NaN;
    const best = samples.find((s) => s.value === bestValue);
    const grid = contourGrid(samples, GRID);
    const finite = [...grid].filter(Number.isFinite);
    this.cells = {
      grid,
      low: finite.length > 0 ? Math.min(...finite) : NaN,
      high: finite.length > 0 ? Math.max(...finite) : NaN,
      goal: input.goal,
    };
    this.chart.data.datasets = [
      {
        label: 'completed trial',
        data: samples.map((s) => ({ x: s.u, y: s.v })),
        backgroundColor: '#222',
        borderColor: '#fff',
        borderWidth: 1,
        pointRadius: 3.5,
      },
      {
        label: `best (${input.metric} ${formatNumber(bestValue)})`,
        data: best ? [{ x: best.u, y: best.v }] : [],
        pointStyle: 'star',
        pointRadius: 10,
        borderColor: '#d62728',
        borderWidth: 2,
      },
    ];
    drawManyPoints(this.chart, this.chart.data.datasets);
    const scales = this.chart.options.scales ?? {};
    axis(scales['x'], input.x, input.xValues, input.logX);
    axis(scales['y'], input.y, input.yValues, input.logY);
    this.chart.update('none');
    const set = (key: string, value: string) => (this.canvas.dataset[key] = value);
    set('points', String(samples.length));
    set('x', input.x);
    set('y', input.y);
    set('best', best ? formatNumber(best.value) : '');
    set(
      'bestAt',
      best ? `${formatValue(best.trial.params[input.x])},${formatValue(best.trial.params[input.y])}` : '',
    );
    set('range', finite.length > 0 ? `${formatNumber(this.cells.low)},${formatNumber(this.cells.high)}` : '');
  }

  destroy(): void {
    this.chart.destroy();
  }

  private drawField(chart: Chart): void {
    const cells = this.cells;
    const x = chart.scales['x'];
    const y = chart.scales['y'];
    if (!cells || !x || !y || !Number.isFinite(cells.low)) return;
    const { ctx } = chart;
    const span = cells.high - cells.low || 1;
    for (let row = 0; row < GRID; row++)
      for (let col = 0; col < GRID; col++) {
        const value = cells.grid[row * GRID + col] ?? NaN;
        if (!Number.isFinite(value)) continue;
        // Brighter is better, whichever way the metric goes.
        const t = cells.goal === 'minimize' ? (cells.high - value) / span : (value - cells.low) / span;
        ctx.fillStyle = interpolate(t);
        const [left, right] = [x.getPixelForValue(col / GRID), x.getPixelForValue((col + 1) / GRID)];
        const [top, bottom] = [y.getPixelForValue((row + 1) / GRID), y.getPixelForValue(row / GRID)];
        // Half a pixel of overlap so no seams show between cells.
        ctx.fillRect(left, top, right - left + 0.5, bottom - top + 0.5);
      }
  }
}

type Scale = NonNullable<NonNullable<ContourChart['chart']['options']['scales']>['x']>;

/** An axis over [0, 1] labelled with the parameter's own values. */
function axis(scale: Scale | undefined, name: string, values: readonly unknown[], log: boolean): void {
  if (!scale) return;
  if (scale.title) scale.title.text = log ? `${name} (log scale)` : name;
  const numeric = values.every((v) => typeof v === 'number');
  const numbers = numeric ? (values as number[]) : [];
  const [lo, hi] = numeric ? [Math.min(...numbers), Math.max(...numbers)] : [0, 0];
  const valueAt = (u: number): string => {
    if (!numeric) return formatValue(values[Math.round(u * (values.length - 1))]);
    return formatNumber(
      log ? 10 ** (Math.log10(lo) + u * (Math.log10(hi) - Math.log10(lo))) : lo + u * (hi - lo),
    );
  };
  const positions = numeric
    ? [0, 0.25, 0.5, 0.75, 1]
    : values.map((_, i) => (values.length === 1 ? 0.5 : i / (values.length - 1)));
  Object.assign(scale, {
    afterBuildTicks: (s: { ticks: { value: number }[] }) => {
      s.ticks = positions.map((value) => ({ value }));
    },
    ticks: { ...scale.ticks, callback: (v: number | string) => valueAt(Number(v)) },
  });
}
