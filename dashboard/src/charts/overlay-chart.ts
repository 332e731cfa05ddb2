import { Chart } from './chart-setup.js';
import { formatNumber } from '../ui/format.js';

/** One sweep's line on an overlay. */
export interface OverlayLine {
  readonly label: string;
  readonly color: string;
  readonly points: readonly { x: number; y: number | null }[];
}

/**
 * Lines of several sweeps on one chart (their best so far against trial number, or their best
 * trials' curves). The canvas carries data-series and data-ends (each line's last value, JSON).
 */
export class OverlayChart {
  private readonly chart: Chart<'line', { x: number; y: number | null }[]>;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    xLabel: string,
    private readonly stepped: boolean,
  ) {
    this.chart = new Chart<'line', { x: number; y: number | null }[]>(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: xLabel }, ticks: { precision: 0 } },
          y: { title: { display: true } },
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: (item) =>
                `${item.dataset.label ?? ''}: ${formatNumber(item.parsed.y ?? NaN)} at ${xLabel} ${item.parsed.x}`,
            },
          },
        },
      },
    });
  }

  update(yLabel: string, lines: readonly OverlayLine[]): void {
    this.chart.data.datasets = lines.map((l) => ({
      label: l.label,
      data: [...l.points],
      borderColor: l.color,
      backgroundColor: l.color,
      borderWidth: 2,
      pointRadius: 0,
      stepped: this.stepped,
    }));
    const y = this.chart.options.scales?.['y'];
    if (y?.title) y.title.text = yLabel;
    this.chart.update('none');
    this.canvas.dataset['series'] = String(lines.length);
    this.canvas.dataset['ends'] = JSON.stringify(lines.map((l) => l.points.at(-1)?.y ?? null));
  }

  destroy(): void {
    this.chart.destroy();
  }
}
