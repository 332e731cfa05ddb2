import type { TrialRow } from '@embsweep/server';
import { colorScale, withAlpha } from './colors.js';
import { shownBy, type CurveData, type CurvesInput, type Dataset, type Point } from './curve-input.js';
import { smooth } from './smoothing.js';
import { endMarker, stateDash } from './trial-style.js';
import type { LineBatch, TypedLine } from './typed-lines.js';

/** Beyond this many curves, each is a hairline. */
const HAIRLINES_FROM = 300;

/** A drawn curve the pointer can find: its trial, role and points as drawn (smoothed). */
export interface DrawnCurve extends TypedLine {
  readonly trialId: number;
  readonly role: 'trial' | 'train';
  /** The epoch of each point (x may be time). */
  readonly steps: ArrayLike<number>;
}

/** Everything the chart draws in the one-curve-per-trial view. */
export interface TrialCurves {
  /** The many curves, stroked from typed arrays behind the datasets (typed-lines.ts). */
  readonly background: LineBatch[];
  /** Chart.js datasets: markers of pruned and failed ends (emphasised curves are added per hover). */
  readonly markers: Dataset[];
  readonly drawn: DrawnCurve[];
  /** Emphasised trials (selected, top K): drawn bold over the rest as chart.js datasets. */
  readonly emphasised: ReadonlySet<number>;
  /** The range of every drawn point, for the axes. */
  readonly extent: { xMin: number; xMax: number; yMin: number; yMax: number };
  readonly colorOf: (trialId: number) => string;
  readonly bestMarkers: number;
  /** The opacity of each background curve (lower with more curves, so their density shows). */
  readonly alpha: number;
}

/**
 * How curves of many trials stay readable: the fewer they are the more opaque, so that with
 * thousands each is faint and where many run together the colour builds up (their density).
 */
export function densityAlpha(curves: number): number {
  return Math.min(1, Math.max(0.06, 8 / Math.sqrt(Math.max(1, curves))));
}

export function trialCurves(input: CurvesInput): TrialCurves {
  const scale = colorScale(input.colorValues);
  const trialColor = (trial: TrialRow | undefined) =>
    input.colorParam && trial ? scale(trial.params[input.colorParam]) : '#1f77b4';
  const shown = shownBy(input);
  const emphasised = new Set([...input.selected, ...input.highlight]);
  const faded = emphasised.size > 0 && !input.isolate;
  const xOf = (c: CurveData) => (input.x === 'time' ? c.elapsed : c.steps);
  const ysOf = (c: CurveData) => (input.smooth > 0 ? smooth(c.values, input.smooth) : c.values);

  const drawn: DrawnCurve[] = [];
  const add = (c: CurveData, role: 'trial' | 'train') => {
    const trial = input.trials.get(c.trialId);
    if (!shown(trial) || c.steps.length === 0) return;
    drawn.push({ trialId: trial.id, role, xs: xOf(c), ys: ysOf(c), steps: c.steps });
  };
  for (const c of input.series) add(c, 'trial');
  for (const c of input.trainSeries) add(c, 'train');

  const curves = drawn.filter((d) => d.role === 'trial').length;
  const alpha = densityAlpha(curves) * (faded ? 0.35 : 1);
  // Hairlines when there are many: as legible at that density, and quicker to draw.
  const width = (role: 'trial' | 'train') => (role === 'train' || curves > HAIRLINES_FROM ? 1 : 1.5);
  const batches = new Map<string, LineBatch & { lines: TypedLine[] }>();
  const batch = (color: string, width: number, dash: readonly number[], dots = false) => {
    const key = `${color}|${width}|${dash.join(',')}|${dots}`;
    let b = batches.get(key);
    if (b === undefined) batches.set(key, (b = { color, width, dash, lines: [], dots }));
    return b;
  };
  // Raw curves faint behind smoothed ones, first so they are drawn underneath.
  if (input.smooth > 0)
    for (const c of input.series) {
      const trial = input.trials.get(c.trialId);
      if (shown(trial) && c.steps.length > 0)
        batch(withAlpha(trialColor(trial), alpha * 0.3), 1, []).lines.push({ xs: xOf(c), ys: c.values });
    }
  const ends = { pruned: [] as Point[], failed: [] as Point[] };
  const best: { color: string; line: TypedLine }[] = [];
  for (const d of drawn) {
    const trial = input.trials.get(d.trialId) as TrialRow;
    const color = trialColor(trial);
    const dash = d.role === 'train' ? [2, 3] : stateDash(trial.state);
    if (!emphasised.has(d.trialId)) batch(withAlpha(color, alpha), width(d.role), dash).lines.push(d);
    if (d.role !== 'trial') continue;
    // The epoch whose weights the trial keeps, on whatever metric is drawn.
    const at = trial.bestEpoch === null ? -1 : indexOf(d.steps, trial.bestEpoch);
    if (at >= 0) best.push({ color, line: { xs: [d.xs[at] ?? NaN], ys: [d.ys[at] ?? NaN] } });
    if (trial.state === 'pruned' || trial.state === 'failed') {
      const last = lastFinite(d.ys);
      if (last >= 0) ends[trial.state].push({ x: d.xs[last] ?? 0, y: d.ys[last] ?? null });
    }
  }
  // Best-epoch dots fade with the curves when there are many, or they would hide them.
  const dot =
    curves > HAIRLINES_FROM ? { radius: 2, alpha: Math.min(1, alpha * 3) } : { radius: 3, alpha: 1 };
  for (const { color, line } of best)
    batch(withAlpha(color, dot.alpha), dot.radius, [], true).lines.push(line);
  return {
    background: [...batches.values()],
    markers: endMarkers(ends),
    drawn,
    emphasised,
    extent: extentOf(drawn, input.logY),
    colorOf: (id) => trialColor(input.trials.get(id)),
    bestMarkers: best.length,
    alpha,
  };
}

/** The chart.js datasets of the emphasised curves (and the hovered one), bold over the rest. */
export function emphasisDatasets(model: TrialCurves, hovered: number | undefined): Dataset[] {
  const ids = new Set(model.emphasised);
  if (hovered !== undefined) ids.add(hovered);
  return model.drawn
    .filter((d) => ids.has(d.trialId))
    .map((d) => {
      const color = model.colorOf(d.trialId);
      const data = Array.from(d.xs, (x, i) => {
        const y = d.ys[i] ?? NaN;
        return { x, y: Number.isFinite(y) ? y : null };
      });
      return {
        role: d.role,
        label: d.role,
        data,
        curves: 0, // counted with the background curves
        points: 0,
        borderColor: color,
        backgroundColor: color,
        borderWidth: d.trialId === hovered ? 3.5 : 3,
        borderDash: d.role === 'train' ? [2, 3] : [],
        pointRadius: 0,
        order: 0,
      };
    });
}

function endMarkers(ends: { pruned: Point[]; failed: Point[] }): Dataset[] {
  return (['pruned', 'failed'] as const).flatMap((state) => {
    const marker = endMarker(state);
    if (ends[state].length === 0 || !marker.style) return [];
    return [
      {
        role: 'marker' as const,
        label: `${state} here`,
        data: ends[state],
        curves: 0,
        points: 0,
        showLine: false,
        pointStyle: marker.style,
        pointRadius: 6,
        pointBorderWidth: 2,
        borderColor: marker.color,
        backgroundColor: marker.color,
        order: -1,
      },
    ];
  });
}

function indexOf(values: ArrayLike<number>, wanted: number): number {
  for (let i = 0; i < values.length; i++) if (values[i] === wanted) return i;
  return -1;
}

function lastFinite(values: ArrayLike<number>): number {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return i;
  return -1;
}

function extentOf(drawn: readonly DrawnCurve[], logY: boolean): TrialCurves['extent'] {
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { xs, ys } of drawn)
    for (let i = 0; i < xs.length; i++) {
      const [x, y] = [xs[i] ?? NaN, ys[i] ?? NaN];
      if (!Number.isFinite(x) || !Number.isFinite(y) || (logY && y <= 0)) continue;
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
  return { xMin, xMax, yMin, yMax };
}
