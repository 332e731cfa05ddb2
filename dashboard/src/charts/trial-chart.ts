import type { Series } from '@embsweep/server';
import { Chart } from './chart-setup.js';
import { formatNumber } from '../ui/format.js';

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

/** One trial's curves of one kind (see metric-groups.ts): validation solid, training dashed. */
export function trialChart(
  canvas: HTMLCanvasElement,
  series: readonly Series[],
  title: string,
): Chart<'line', { x: number; y: number | null }[]> {
  canvas.dataset['series'] = String(series.length);
  return new Chart<'line', { x: number; y: number | null }[]>(canvas, {
    type: 'line',
    data: {
      datasets: series.map((s, i) => ({
        label: s.metric,
        data: s.steps.map((x, k) => ({ x, y: s.values[k] ?? null })),
        borderColor: PALETTE[i % PALETTE.length],
        backgroundColor: PALETTE[i % PALETTE.length],
        borderDash: s.metric.startsWith('val_') ? [] : [6, 3],
        pointRadius: s.steps.length > 60 ? 0 : 2,
      })),
    },
    options: {
      maintainAspectRatio: false,
      parsing: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'linear', title: { display: true, text: 'epoch' }, ticks: { precision: 0 } },
        y: { title: { display: true, text: title } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label ?? ''}: ${item.parsed.y === null ? 'NaN' : formatNumber(item.parsed.y)}`,
          },
        },
      },
    },
  });
}
