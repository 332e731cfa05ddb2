/**
 * Where the page is, read from and written to the URL, so that a deep link (sweep, metric,
 * colouring, selection, filters) survives a reload and can be shared.
 */

export interface SweepView {
  /** The metric drawn; undefined means the sweep's own metric. */
  readonly metric: string | undefined;
  /** Parameter that colours the curves; undefined means the first varying one. */
  readonly color: string | undefined;
  /** 'none', 'config' (mean across seeds of each configuration) or a parameter name. */
  readonly group: string;
  /** With groups: the band is the 95% interval of the mean ('ci') or the min-max range. */
  readonly band: 'ci' | 'range';
  /** Smoothing of the curves (exponential moving average weight, 0 to 0.99; 0 is raw). */
  readonly smooth: number;
  /** A logarithmic y axis. */
  readonly logY: boolean;
  /** The curves' x axis: epoch, or time since each trial started. */
  readonly xAxis: 'epoch' | 'time';
  /** Highlight the K best completed trials and fade the rest (0: none). */
  readonly top: number;
  /** With top: the trials table shows only them. */
  readonly topOnly: boolean;
  /** Draw the training curve dashed beside each validation curve. */
  readonly train: boolean;
  readonly selected: readonly number[];
  /** Draw only the selected trials. */
  readonly isolate: boolean;
  readonly sort: string;
  readonly order: 'asc' | 'desc';
  readonly states: readonly string[];
  /** Parameter name -> accepted values as text. */
  readonly filters: Readonly<Record<string, readonly string[]>>;
  readonly page: number;
  /** Parameter on the x axis of the parameter view; undefined means the colour parameter. */
  readonly x: string | undefined;
  /** Its y axis: the best value, the generalization gap at the best epoch or the end, or the value at a common epoch. */
  readonly y: ParameterY;
  /** That common epoch; undefined means the last one every trial with a value reached. */
  readonly epoch: number | undefined;
  /** The contour's two parameters; undefined means the first two that vary. */
  readonly contourX: string | undefined;
  readonly contourY: string | undefined;
}

/** How many best trials can be highlighted. */
export const TOP_CHOICES = [0, 3, 5, 10, 20, 50] as const;

export const PARAMETER_Y = ['best', 'gap_best', 'gap_end', 'rank_best', 'at_epoch'] as const;
export type ParameterY = (typeof PARAMETER_Y)[number];

export type Route =
  | { readonly page: 'sweeps' }
  | { readonly page: 'sweep'; readonly sweep: string; readonly view: SweepView }
  | { readonly page: 'trial'; readonly sweep: string; readonly trialId: number }
  | { readonly page: 'compare'; readonly sweeps: readonly string[] }
  | { readonly page: 'missing'; readonly path: string };

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { page: 'sweeps' };
  if (parts[0] === 'compare' && parts.length === 1) {
    const sweeps = (new URLSearchParams(search).get('sweeps') ?? '').split(',').filter((s) => s !== '');
    return { page: 'compare', sweeps: [...new Set(sweeps)] };
  }
  if (parts[0] === 'sweeps' && parts.length === 2) {
    return {
      page: 'sweep',
      sweep: decodeURIComponent(parts[1] ?? ''),
      view: parseView(new URLSearchParams(search)),
    };
  }
  if (parts[0] === 'sweeps' && parts[2] === 'trials' && parts.length === 4 && /^\d+$/.test(parts[3] ?? '')) {
    return { page: 'trial', sweep: decodeURIComponent(parts[1] ?? ''), trialId: Number(parts[3]) };
  }
  return { page: 'missing', path: pathname };
}

export function parseView(q: URLSearchParams): SweepView {
  const list = (key: string) => (q.get(key) ?? '').split(',').filter((v) => v !== '');
  const filters: Record<string, string[]> = {};
  for (const [key, value] of q) if (key.startsWith('f.')) filters[key.slice(2)] = value.split(',');
  return {
    metric: q.get('metric') ?? undefined,
    color: q.get('color') ?? undefined,
    group: q.get('group') ?? 'none',
    band: q.get('band') === 'range' ? 'range' : 'ci',
    smooth: smoothingOf(q.get('smooth')),
    logY: q.get('logy') === '1',
    xAxis: q.get('xaxis') === 'time' ? 'time' : 'epoch',
    top: TOP_CHOICES.find((k) => String(k) === q.get('top')) ?? 0,
    topOnly: q.get('toponly') === '1',
    train: q.get('train') === '1',
    selected: list('sel').map(Number).filter(Number.isInteger),
    isolate: q.get('iso') === '1',
    sort: q.get('sort') ?? 'index',
    order: q.get('order') === 'desc' ? 'desc' : 'asc',
    states: list('state'),
    filters,
    page: Math.max(0, Number(q.get('page') ?? 0) || 0),
    x: q.get('x') ?? undefined,
    y: PARAMETER_Y.find((y) => y === q.get('y')) ?? 'best',
    epoch: /^[1-9][0-9]{0,8}$/.test(q.get('epoch') ?? '') ? Number(q.get('epoch')) : undefined,
    contourX: q.get('cx') ?? undefined,
    contourY: q.get('cy') ?? undefined,
  };
}

export function viewQuery(view: SweepView): string {
  const q = new URLSearchParams();
  if (view.metric) q.set('metric', view.metric);
  if (view.color) q.set('color', view.color);
  if (view.group !== 'none') q.set('group', view.group);
  if (view.band !== 'ci') q.set('band', view.band);
  if (view.smooth > 0) q.set('smooth', String(view.smooth));
  if (view.logY) q.set('logy', '1');
  if (view.xAxis === 'time') q.set('xaxis', 'time');
  if (view.top > 0) q.set('top', String(view.top));
  if (view.topOnly) q.set('toponly', '1');
  if (view.train) q.set('train', '1');
  if (view.selected.length > 0) q.set('sel', view.selected.join(','));
  if (view.isolate) q.set('iso', '1');
  if (view.sort !== 'index') q.set('sort', view.sort);
  if (view.order !== 'asc') q.set('order', view.order);
  if (view.states.length > 0) q.set('state', view.states.join(','));
  for (const [name, values] of Object.entries(view.filters))
    if (values.length > 0) q.set(`f.${name}`, values.join(','));
  if (view.page > 0) q.set('page', String(view.page));
  if (view.x) q.set('x', view.x);
  if (view.y !== 'best') q.set('y', view.y);
  if (view.epoch !== undefined) q.set('epoch', String(view.epoch));
  if (view.contourX) q.set('cx', view.contourX);
  if (view.contourY) q.set('cy', view.contourY);
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
}

export const sweepHref = (sweep: string, view?: SweepView) =>
  `/sweeps/${encodeURIComponent(sweep)}${view ? viewQuery(view) : ''}`;
export const compareHref = (sweeps: readonly string[]) =>
  `/compare?sweeps=${sweeps.map(encodeURIComponent).join(',')}`;
export const trialHref = (sweep: string, trialId: number) =>
  `/sweeps/${encodeURIComponent(sweep)}/trials/${trialId}`;

/** A smoothing weight from the URL: 0 to 0.99 in hundredths; anything else is no smoothing. */
function smoothingOf(text: string | null): number {
  const weight = Number(text);
  return Number.isFinite(weight) && weight > 0 ? Math.min(0.99, Math.round(weight * 100) / 100) : 0;
}
