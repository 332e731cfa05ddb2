import type { TrialRow } from '@embsweep/server';
import { Chart } from './chart-setup.js';
import { formatNumber } from '../ui/format.js';
import { drawManyPoints } from './many-points.js';
import { runningBest } from './running-best.js';

export interface HistoryInput {
  readonly metric: string;
  readonly goal: 'minimize' | 'maximize';
  readonly trials: readonly TrialRow[];
}

type Point = { x: number; y: number };

/** How each trial state is drawn: completed filled, pruned hollow (its value is partial), others grey. */
const STATES: readonly {
  readonly state: TrialRow['state'];
  readonly label: string;
  readonly color: string;
  readonly hollow: boolean;
}[] = [
  { state: 'completed', label: 'completed', color: '#1f77b4', hollow: false },
  { state: 'pruned', label: 'pruned (partial value)', color: '#b54708', hollow: true },
  { state: 'running', label: 'running', color: '#2ca02c', hollow: true },
  { state: 'interrupted', label: 'interrupted', color: '#999999', hollow: true },
];

/**
 * The search history: each trial's best value against its trial number, coloured by state,
 * with the running best as a step line, so an adaptive search (bayes) is seen converging. The
 * canvas carries data-points (trials drawn) and data-best (the running best at the end).
 */
export class HistoryChart {
  private readonly chart: Chart<'scatter', Point[]>;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.chart = new Chart<'scatter', Point[]>(canvas, {
      type: 'scatter',
      data: { datasets: [] },
      options: {
        maintainAspectRatio: false,
        scales: {
          x: { type: 'linear', title: { display: true, text: 'trial' }, ticks: { precision: 0 } },
          y: { title: { display: true } },
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: (item) =>
                `${item.dataset.label ?? ''}: trial ${item.parsed.x}, ${formatNumber(item.parsed.y ?? NaN)}`,
            },
          },
        },
      },
    });
  }

  update(input: HistoryInput): void {
    const withValue = input.trials.filter((t) => t.bestValue !== null);
    const best = runningBest(input.trials, input.goal);
    this.chart.data.datasets = [
      ...STATES.map(({ state, label, color, hollow }) => ({
        type: 'scatter' as const,
        label,
        data: withValue
          .filter((t) => t.state === state)
          .map((t) => ({ x: t.index + 1, y: t.bestValue ?? NaN })),
        borderColor: color,
        backgroundColor: hollow ? 'transparent' : color,
        pointRadius: 4,
      })),
      {
        type: 'line' as const,
        label: `running best ${input.metric}`,
        data: best,
        borderColor: '#333333',
        backgroundColor: '#333333',
        stepped: true,
        pointRadius: 0,
        showLine: true,
      },
    ] as typeof this.chart.data.datasets;
    drawManyPoints(this.chart, this.chart.data.datasets);
    const y = this.chart.options.scales?.['y'];
    if (y?.title) y.title.text = `best ${input.metric}`;
    this.chart.update('none');
    this.canvas.dataset['points'] = String(withValue.length);
    this.canvas.dataset['best'] = best.length === 0 ? '' : String(best.at(-1)?.y);
  }

  destroy(): void {
    this.chart.destroy();
  }
}
