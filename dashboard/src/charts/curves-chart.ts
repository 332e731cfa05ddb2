import type { TrialRow } from '@embsweep/server';
import { Chart } from './chart-setup.js';
import type { CurvesInput, Dataset, Point } from './curve-input.js';
import { BEST_EPOCH, groupDatasets } from './group-curves.js';
import { nearestCurve } from './nearest-curve.js';
import { emphasisDatasets, trialCurves, type TrialCurves } from './trial-curves.js';
import { setTypedLines } from './typed-lines.js';
import { formatDuration, formatNumber, formatParams } from '../ui/format.js';

export type { CurvesInput } from './curve-input.js';

/** How near (in pixels) the pointer must be to a curve to pick it. */
const PICK_PIXELS = 8;

/**
 * The centre of the sweep page: the chosen metric against epoch (or time) for every trial, or
 * the mean and band of each group, coloured by a parameter. One curve per trial is drawn from
 * typed arrays behind the chart (typed-lines.ts), the emphasised ones (selected, top K, hovered)
 * as chart.js datasets over them; the pointer finds the nearest curve itself (nearest-curve.ts),
 * so hover costs the same for ten curves or ten thousand. Hover names the trial in `onHover`; a
 * click reports it to `onSelect`. The canvas carries data-series (curves drawn), data-points
 * and more, so tests and people can check what is shown.
 */
export class CurvesChart {
  private readonly chart: Chart<'line', Point[]>;
  private input: CurvesInput | undefined;
  private model: TrialCurves | undefined;
  private hovered: { trialId: number; text: string } | undefined;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onSelect: (trialId: number) => void,
    /** The curve under the pointer, in words ('' when none), for a readout beside the chart. */
    private readonly onHover: (text: string) => void = () => undefined,
  ) {
    this.chart = new Chart<'line', Point[]>(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        spanGaps: false,
        elements: { line: { tension: 0 } },
        interaction: { mode: 'nearest', intersect: false, axis: 'xy' },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'epoch' }, ticks: { maxRotation: 0 } },
          y: { type: 'linear', title: { display: true, text: '' }, ticks: { maxRotation: 0 } },
        },
        plugins: {
          legend: { display: false }, // the page draws its own legend, by parameter value
          tooltip: {
            filter: (item) => (item.dataset as Dataset).role === 'mean',
            callbacks: {
              label: (item) =>
                `mean at ${this.xWord()} ${formatNumber(item.parsed.x ?? NaN)}: ${formatNumber(item.parsed.y ?? NaN)}`,
            },
          },
        },
      },
    });
    canvas.addEventListener('mousemove', (event) => this.pointerAt(event));
    canvas.addEventListener('mouseleave', () => this.setHovered(undefined));
    canvas.addEventListener('click', (event) => {
      const hit = this.pick(event);
      if (hit !== undefined) this.onSelect(hit.trialId);
    });
  }

  update(input: CurvesInput): void {
    this.input = input;
    const grouped = input.group !== 'none';
    this.model = grouped ? undefined : trialCurves(input);
    setTypedLines(this.chart, this.model?.background ?? []);
    // chart.js's own pointer handling only for the few datasets of the grouped view.
    this.chart.options.events = grouped ? ['mousemove', 'mouseout'] : [];
    const scales = this.chart.options.scales ?? {};
    const [x, y] = [scales['x'], scales['y']];
    if (x && y) {
      y.type = input.logY ? 'logarithmic' : 'linear';
      if (y.title) y.title.text = input.metric;
      if (x.title) x.title.text = input.x === 'time' ? 'time since the trial started' : 'epoch';
      if (x.ticks)
        x.ticks.callback = (v) => (input.x === 'time' ? formatDuration(Number(v)) : formatNumber(Number(v)));
      // The curves behind the datasets are not seen by chart.js: the axes are told their range.
      const e = this.model?.extent;
      const finite = e !== undefined && e.xMin <= e.xMax;
      Object.assign(x, {
        suggestedMin: finite ? e.xMin : undefined,
        suggestedMax: finite ? e.xMax : undefined,
      });
      Object.assign(y, {
        suggestedMin: finite ? e.yMin : undefined,
        suggestedMax: finite ? e.yMax : undefined,
      });
    }
    if (this.hovered && !this.model?.drawn.some((d) => d.trialId === this.hovered?.trialId))
      this.hovered = undefined;
    this.redraw();
    this.describe(input, grouped);
  }

  destroy(): void {
    this.chart.destroy();
  }

  /** Datasets for what is emphasised now, over the curves behind; cheap, for every hover. */
  private redraw(): void {
    if (!this.input) return;
    this.chart.data.datasets = this.model
      ? [...emphasisDatasets(this.model, this.hovered?.trialId), ...this.model.markers]
      : groupDatasets(this.input);
    this.chart.update('none');
  }

  /** What is drawn, on the canvas's data attributes. */
  private describe(input: CurvesInput, grouped: boolean): void {
    const set = (key: string, value: string) => (this.canvas.dataset[key] = value);
    const datasets = this.chart.data.datasets as Dataset[];
    const curves = this.model?.drawn.filter((d) => d.role === 'trial') ?? [];
    const means = datasets.filter((d) => d.role === 'mean');
    set('series', String(grouped ? means.length : curves.length));
    set(
      'points',
      String(grouped ? means.reduce((n, d) => n + d.points, 0) : curves.reduce((n, d) => n + d.xs.length, 0)),
    );
    set('metric', input.metric);
    set('smoothing', String(input.smooth));
    set('highlighted', String(input.highlight.size));
    set('scale', input.logY ? 'logarithmic' : 'linear');
    set('x', input.x);
    set('alpha', this.model ? this.model.alpha.toFixed(2) : '');
    // The largest x drawn (the last epoch, or the longest time since a start), to check the axis.
    const xMax = this.model?.extent.xMax;
    set('xMax', xMax !== undefined && Number.isFinite(xMax) ? String(Number(xMax.toFixed(3))) : '');
    set('band', grouped ? input.band : '');
    // The first trial curve as drawn (after smoothing, up to a gap), so its numbers can be checked.
    const first = this.model?.drawn.find((d) => d.role === 'trial');
    const ys = first ? Array.from(first.ys) : [];
    const end = ys.findIndex((v) => !Number.isFinite(v));
    set(
      'firstCurve',
      JSON.stringify(ys.slice(0, end === -1 ? undefined : end).map((v) => Number(v.toFixed(4)))),
    );
    const groupMarks = datasets.filter((d) => d.label === BEST_EPOCH).reduce((n, d) => n + d.data.length, 0);
    set('bestMarkers', String(this.model ? this.model.bestMarkers : groupMarks));
  }

  private xWord(): string {
    return this.input?.x === 'time' ? 'second' : 'epoch';
  }

  private pointerAt(event: MouseEvent): void {
    if (!this.model) return;
    this.setHovered(this.pick(event));
  }

  /** The trial curve under the pointer, named with its value there. */
  private pick(event: MouseEvent): { trialId: number; text: string } | undefined {
    const { model, input } = this;
    const x = this.chart.scales['x'];
    const y = this.chart.scales['y'];
    if (!model || !input || !x || !y) return undefined;
    const rect = this.canvas.getBoundingClientRect();
    const [px, py] = [event.clientX - rect.left, event.clientY - rect.top];
    const hit = nearestCurve(
      model.drawn,
      x.getValueForPixel(px) ?? NaN,
      py,
      (v) => y.getPixelForValue(v),
      PICK_PIXELS,
    );
    if (hit === undefined) return undefined;
    const curve = model.drawn[hit.curve];
    const trial = input.trials.get(curve?.trialId ?? -1);
    if (!curve || !trial) return undefined;
    const what = curve.role === 'train' ? 'training' : input.metric;
    const where =
      input.x === 'time'
        ? `epoch ${curve.steps[hit.point]} (${formatDuration(curve.xs[hit.point] ?? NaN)})`
        : `epoch ${curve.steps[hit.point]}`;
    return {
      trialId: trial.id,
      text: `${describeTrial(trial, input.paramNames)} · ${what} at ${where}: ${formatNumber(curve.ys[hit.point] ?? NaN)}`,
    };
  }

  private setHovered(hit: { trialId: number; text: string } | undefined): void {
    if (hit?.text === this.hovered?.text) return;
    const redraw = hit?.trialId !== this.hovered?.trialId;
    this.hovered = hit;
    this.onHover(hit?.text ?? '');
    if (redraw) this.redraw();
  }
}

function describeTrial(trial: TrialRow, paramNames: readonly string[]): string {
  return `Trial #${trial.index + 1} (seed ${trial.seed}, ${trial.state}): ${formatParams(trial.params, paramNames)}`;
}
