import type { ChartDataset, Plugin } from 'chart.js';
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
  readonly place: (trial: TrialRow) => number;
  readonly bottom: string;
  readonly top: string;
}

type Point = { x: number; y: number | null };
type Dataset = ChartDataset<'line', Point[]> & { trialAt: number[] };

/** Colour steps: lines of one step share a dataset, so 1,000 trials draw quickly. */
const STEPS = 10;

/**
 * Parallel coordinates: one vertical axis per varying parameter and a last one for the best
 * metric; each trial is a line through its values, coloured by its metric (warm = better).
 * Parameter values sit evenly spaced in their order, so log-spaced values like L2 spread out.
 */
export class ParallelChart {
  private readonly chart: Chart<'line', Point[]>;
  private axes: Axis[] = [];
  private trials = new Map<number, TrialRow>();

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
    this.chart = new Chart<'line', Point[]>(canvas, {
      type: 'line',
      data: { datasets: [] },
      plugins: [axisLabels],
      options: {
        maintainAspectRatio: false,
        parsing: false,
        normalized: false,
        spanGaps: false,
        layout: { padding: { top: 18, bottom: 4, left: 30, right: 30 } },
        interaction: { mode: 'nearest', intersect: false, axis: 'xy' },
        scales: {
          x: {
            type: 'linear',
            grid: { display: false },
            ticks: { padding: 18, stepSize: 1, callback: (value) => this.axes[Number(value)]?.name ?? '' },
          },
          y: { min: -0.02, max: 1.02, display: false },
        },
        plugins: {
          legend: { display: false }, // the colour says how good a trial is
          tooltip: {
            callbacks: {
              title: (items) => {
                const item = items[0];
                const t = item ? this.trialOf(item.datasetIndex, item.dataIndex) : undefined;
                return t ? `Trial #${t.index + 1} (seed ${t.seed})` : '';
              },
              label: (item) => {
                const t = this.trialOf(item.datasetIndex, item.dataIndex);
                const last = this.axes.length - 1;
                return t
                  ? this.axes.map((a, i) =>
                      i === last
                        ? `${a.name}: ${formatNumber(t.bestValue ?? NaN)}${t.state === 'pruned' ? ` (partial: pruned at epoch ${t.epochsRun})` : ''}`
                        : `${a.name}: ${formatValue(t.params[a.name])}`,
                    )
                  : '';
              },
            },
          },
        },
      },
    });
  }

  update(input: ParallelInput): void {
    const rated = input.trials.filter((t) => t.bestValue !== null);
    this.trials = new Map(rated.map((t) => [t.id, t]));
    const best = rated.map((t) => t.bestValue ?? 0);
    const lo = Math.min(...best);
    const hi = Math.max(...best);
    const span = hi - lo || 1;
    this.axes = [
      ...input.params.map((p): Axis => {
        // By rank, looked up in a map: thousands of trials over a thousand values each.
        const rank = new Map(p.values.map((v, i) => [keyOf(v), i]));
        const last = Math.max(1, p.values.length - 1);
        return {
          name: p.name,
          place: (t) => (p.values.length <= 1 ? 0.5 : (rank.get(keyOf(t.params[p.name])) ?? -1) / last),
          bottom: formatValue(p.values[0]),
          top: formatValue(p.values.at(-1)),
        };
      }),
      {
        name: `best ${input.metric}`,
        place: (t) => ((t.bestValue ?? lo) - lo) / span,
        bottom: formatNumber(lo),
        top: formatNumber(hi),
      },
    ];
    // With hundreds of trials the vertices are left out (each is a path of its own to fill)
    // and the lines thinned, so the chart stays quick and its density readable.
    const many = rated.length > 500;
    const datasets: Dataset[] = Array.from({ length: STEPS }, (_, step) => {
      const color = interpolate(step / (STEPS - 1));
      return {
        label: `step ${step}`,
        data: [],
        trialAt: [],
        borderColor: color,
        backgroundColor: color,
        borderWidth: many ? 0.6 : 1.2,
        pointRadius: many ? 0 : 2,
      };
    });
    // A pruned trial's value is partial (fewer epochs): a dashed grey line, not a colour of merit.
    const partial: Dataset = {
      label: 'pruned (partial)',
      data: [],
      trialAt: [],
      borderColor: '#aaa',
      backgroundColor: 'rgba(0, 0, 0, 0)',
      borderDash: [4, 3],
      borderWidth: 1,
      pointRadius: many ? 0 : 2,
    };
    for (const t of rated) {
      const goodness = ((t.bestValue ?? lo) - lo) / span;
      const ds =
        t.state === 'pruned'
          ? partial
          : datasets[Math.round((input.goal === 'minimize' ? 1 - goodness : goodness) * (STEPS - 1))];
      if (!ds) continue;
      if (ds.data.length > 0) {
        ds.data.push({ x: 0, y: null });
        ds.trialAt.push(-1);
      }
      this.axes.forEach((a, i) => {
        ds.data.push({ x: i, y: a.place(t) });
        ds.trialAt.push(t.id);
      });
    }
    this.chart.data.datasets = [...datasets, partial].filter((d) => d.data.length > 0);
    const x = this.chart.options.scales?.['x'];
    if (x) Object.assign(x, { min: 0, max: Math.max(1, this.axes.length - 1) });
    this.chart.update('none');
    this.canvas.dataset['series'] = String(rated.length);
    this.canvas.dataset['partial'] = String(rated.filter((t) => t.state === 'pruned').length);
  }

  destroy(): void {
    this.chart.destroy();
  }

  private trialOf(datasetIndex: number, index: number): TrialRow | undefined {
    const ds = this.chart.data.datasets[datasetIndex] as Dataset | undefined;
    return this.trials.get(ds?.trialAt[index] ?? -1);
  }
}
