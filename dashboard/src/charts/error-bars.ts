import type { Chart, Plugin } from 'chart.js';

/** Per point of a dataset: the interval to draw as an error bar (null: none). */
export interface ErrorBars {
  readonly low: readonly (number | null)[];
  readonly high: readonly (number | null)[];
}

type WithErrorBars = { errorBars?: ErrorBars; borderColor?: unknown };

const colorOf = (dataset: WithErrorBars) =>
  typeof dataset.borderColor === 'string' ? dataset.borderColor : '#333';

/**
 * A small chart.js plugin that draws a vertical bar with caps from `low` to `high` at every
 * point of a dataset that carries `errorBars` (chart.js has no error bars of its own). The
 * canvas gets data-error-bars: how many bars were drawn, so tests can see them.
 */
export const errorBarsPlugin: Plugin = {
  id: 'embsweepErrorBars',
  afterDatasetsDraw(chart: Chart) {
    const { ctx } = chart;
    const y = chart.scales['y'];
    if (y === undefined) return;
    let drawn = 0;
    chart.data.datasets.forEach((dataset, index) => {
      const bars = (dataset as WithErrorBars).errorBars;
      if (bars === undefined || !chart.isDatasetVisible(index)) return;
      const meta = chart.getDatasetMeta(index);
      ctx.save();
      ctx.strokeStyle = colorOf(dataset);
      ctx.lineWidth = 1.5;
      meta.data.forEach((point, i) => {
        const low = bars.low[i];
        const high = bars.high[i];
        if (low == null || high == null || !Number.isFinite(point.x)) return;
        const top = y.getPixelForValue(high);
        const bottom = y.getPixelForValue(low);
        ctx.beginPath();
        ctx.moveTo(point.x, top);
        ctx.lineTo(point.x, bottom);
        ctx.moveTo(point.x - 4, top);
        ctx.lineTo(point.x + 4, top);
        ctx.moveTo(point.x - 4, bottom);
        ctx.lineTo(point.x + 4, bottom);
        ctx.stroke();
        drawn += 1;
      });
      ctx.restore();
    });
    chart.canvas.dataset['errorBars'] = String(drawn);
  },
};
