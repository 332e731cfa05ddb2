import type { Chart, Plugin } from 'chart.js';

/** One curve as typed arrays: x and y of each point (NaN y: a gap). */
export interface TypedLine {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
}

/**
 * Curves drawn alike; or dots, one at each point. Each curve is stroked on its own, so where
 * translucent curves cross their colours add up and the density of many curves shows.
 */
export interface LineBatch {
  readonly color: string;
  readonly width: number;
  readonly dash: readonly number[];
  readonly lines: readonly TypedLine[];
  readonly dots?: boolean;
}

interface State {
  batches: readonly LineBatch[];
  version: number;
  cache: HTMLCanvasElement | undefined;
  cacheKey: string;
}

const states = new WeakMap<Chart, State>();

/**
 * Gives a chart the curves to draw behind its datasets. They are not chart.js datasets: chart.js
 * costs far more per dataset and per point object than a canvas path costs per point, so the
 * many curves of a big sweep are stroked straight from typed arrays, one path per batch, into
 * an offscreen bitmap that is redrawn only when the curves, the axes or the size change. A
 * hover or a highlight redraws the chart over the same bitmap.
 */
export function setTypedLines(chart: Chart, batches: readonly LineBatch[]): void {
  const state = states.get(chart) ?? { batches: [], version: 0, cache: undefined, cacheKey: '' };
  state.batches = batches;
  state.version += 1;
  states.set(chart, state);
}

export const typedLinesPlugin: Plugin = {
  id: 'typedLines',
  beforeDatasetsDraw(chart) {
    const state = states.get(chart);
    if (state === undefined || state.batches.length === 0) return;
    const { chartArea: area, ctx } = chart;
    const x = chart.scales['x'];
    const y = chart.scales['y'];
    if (x === undefined || y === undefined || area.width <= 0 || area.height <= 0) return;
    const ratio = chart.currentDevicePixelRatio;
    const key = [
      state.version,
      area.left,
      area.top,
      area.width,
      area.height,
      ratio,
      x.min,
      x.max,
      y.min,
      y.max,
      y.type,
    ].join('|');
    if (state.cacheKey !== key || state.cache === undefined) {
      const px = axisPixel(x.type, x.min, x.max, area.left, area.width, false);
      const py = axisPixel(y.type, y.min, y.max, area.top, area.height, true);
      state.cache = render(state.batches, area, ratio, px, py, state.cache);
      state.cacheKey = key;
    }
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(state.cache, Math.round(area.left * ratio), Math.round(area.top * ratio));
    ctx.restore();
  },
  afterDestroy(chart) {
    states.delete(chart);
  },
};

/**
 * Value -> pixel along one axis without chart.js's per-call work, for the hot loop: from `start`
 * over `length` pixels, growing with the value (x) or against it (y, whose pixels run down).
 * On a log axis, values at or below zero are NaN (not drawn).
 */
function axisPixel(
  type: string,
  min: number,
  max: number,
  start: number,
  length: number,
  downward: boolean,
): (v: number) => number {
  const log = type === 'logarithmic';
  const f = log ? Math.log10 : (v: number) => v;
  const [lo, hi] = [f(min), f(max)];
  const scale = length / (hi - lo);
  return downward
    ? (v) => (log && v <= 0 ? NaN : start + (hi - f(v)) * scale)
    : (v) => (log && v <= 0 ? NaN : start + (f(v) - lo) * scale);
}

function render(
  batches: readonly LineBatch[],
  area: { left: number; top: number; width: number; height: number },
  ratio: number,
  px: (v: number) => number,
  py: (v: number) => number,
  reuse: HTMLCanvasElement | undefined,
): HTMLCanvasElement {
  const canvas = reuse ?? document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(area.width * ratio));
  canvas.height = Math.max(1, Math.round(area.height * ratio));
  const ctx = canvas.getContext('2d');
  if (ctx === null) return canvas;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  // Pixels inside the chart area, in device pixels.
  ctx.setTransform(ratio, 0, 0, ratio, -area.left * ratio, -area.top * ratio);
  ctx.lineJoin = 'round';
  for (const batch of batches) {
    ctx.strokeStyle = batch.color;
    ctx.fillStyle = batch.color;
    ctx.lineWidth = batch.width;
    ctx.setLineDash([...batch.dash]);
    if (batch.dots) {
      ctx.beginPath();
      for (const line of batch.lines) addDots(ctx, line, px, py, batch.width);
      ctx.fill();
      continue;
    }
    for (const line of batch.lines) {
      ctx.beginPath();
      addLine(ctx, line, px, py);
      ctx.stroke();
    }
  }
  return canvas;
}

function addLine(
  ctx: CanvasRenderingContext2D,
  { xs, ys }: TypedLine,
  px: (v: number) => number,
  py: (v: number) => number,
): void {
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const X = px(xs[i] ?? NaN);
    const Y = py(ys[i] ?? NaN);
    if (!Number.isFinite(X) || !Number.isFinite(Y)) {
      pen = false;
      continue;
    }
    if (pen) ctx.lineTo(X, Y);
    else ctx.moveTo(X, Y);
    pen = true;
  }
}

function addDots(
  ctx: CanvasRenderingContext2D,
  { xs, ys }: TypedLine,
  px: (v: number) => number,
  py: (v: number) => number,
  radius: number,
): void {
  for (let i = 0; i < xs.length; i++) {
    const X = px(xs[i] ?? NaN);
    const Y = py(ys[i] ?? NaN);
    if (!Number.isFinite(X) || !Number.isFinite(Y)) continue;
    ctx.moveTo(X + radius, Y);
    ctx.arc(X, Y, radius, 0, 2 * Math.PI);
  }
}
