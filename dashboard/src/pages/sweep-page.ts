import type {
  ConfigurationsResponse,
  ImportanceResponse,
  FitResponse,
  SweepResponse,
  TrialFitRow,
  TrialRow,
  TrialsResponse,
} from '@embsweep/server';
import { enc, getJson } from '../api.js';
import { CurvesChart } from '../charts/curves-chart.js';
import { CurveCache } from '../data/curve-cache.js';
import type { BinaryCurve } from '@embsweep/server/curves-binary';
import { curvesLegend } from '../charts/curves-legend.js';
import { HistoryChart } from '../charts/history-chart.js';
import { ContourChart } from '../charts/contour-chart.js';
import { renderContourPanel } from './contour-panel.js';
import { ParallelChart } from '../charts/parallel-chart.js';
import { ParameterChart } from '../charts/parameter-chart.js';
import { sweepHref, type SweepView } from '../route.js';
import { renderParameterPanel } from './parameter-panel.js';
import { topTrials } from '@embsweep/core/top-trials';
import { renderConfigurationsTable } from '../table/configurations-table.js';
import { importanceBars } from '../charts/importance-bars.js';
import { ScatterChart } from '../charts/scatter-chart.js';
import { passesFilters, renderTrialsTable, trialsQuery } from '../table/trials-table.js';
import { fill, h } from '../ui/dom.js';
import { formatNumber, formatTime } from '../ui/format.js';
import { emptyView, errorView, loadingView } from '../ui/status-views.js';
import type { Page } from './page.js';
import { sweepControls, trainingMetric } from './sweep-controls.js';

interface Data {
  meta: SweepResponse;
  all: TrialRow[];
  series: readonly BinaryCurve[];
  train: readonly BinaryCurve[];
  table: TrialsResponse;
}

/** What the page reads after the chart is up: heavier answers that only views below it use. */
interface Extras {
  /** Configurations across seeds (the table when the sweep has several; else only the smallest sufficient width). */
  configurations: ConfigurationsResponse;
  fit: ReadonlyMap<number, TrialFitRow>;
  importance: ImportanceResponse;
}

/**
 * A sweep: the comparison of validation curves across its trials, the trials table, and the
 * parameter views. Everything the reader changes is kept in the URL.
 */
export function sweepPage(root: HTMLElement, sweep: string, initial: SweepView): Page {
  document.title = `${sweep} · embsweep`;
  let view = initial;
  let data: Data | undefined;
  let extras: Extras | undefined;
  let charts:
    | {
        curves: CurvesChart;
        param: ParameterChart;
        scatter: ScatterChart;
        parallel: ParallelChart;
        history: HistoryChart;
        contour: ContourChart;
      }
    | undefined;
  let firstChart = true;
  const api = `/api/sweeps/${enc(sweep)}`;
  const curveCache = new CurveCache(api);
  const el = {
    header: h('header', { class: 'sweep-header' }),
    controls: h('div'),
    legend: h('div'),
    chartNote: h('div', { class: 'chart-note' }),
    hoverInfo: h('p', { class: 'hover-info muted', 'aria-live': 'polite', 'data-testid': 'hover-info' }),
    curves: h('canvas', { id: 'curves-chart', 'aria-label': 'validation curves of every trial' }),
    table: h('section', { class: 'table-section', 'aria-label': 'trials' }),
    configurations: h('section', { class: 'table-section', 'aria-label': 'configurations' }),
    xControl: h('div', { class: 'controls' }),
    importance: h('div'),
    param: h('canvas', { id: 'parameter-chart', 'aria-label': 'best metric against a parameter' }),
    scatter: h('canvas', {
      id: 'scatter-chart',
      'aria-label': 'best metric against a numeric parameter, a point per trial',
    }),
    paramBox: h('div', { class: 'chart-box small' }),
    scatterBox: h('div', { class: 'chart-box small', hidden: true }),
    history: h('canvas', {
      id: 'history-chart',
      'aria-label': 'best value of each trial against trial number, with the running best',
    }),
    parallel: h('canvas', {
      id: 'parallel-chart',
      'aria-label': 'parallel coordinates of parameters and metric',
    }),
    contourControls: h('div', { class: 'controls' }),
    contour: h('canvas', { id: 'contour-chart', 'aria-label': 'the metric over two parameters' }),
    contourBox: h('div', { class: 'contour' }),
  };
  el.hoverInfo.textContent = 'Hover a curve to name its trial; click it to select the trial.';
  fill(root, loadingView(`sweep ${sweep}`));

  const metricOf = (meta: SweepResponse) => view.metric ?? meta.sweep.metric;
  const varying = (meta: SweepResponse) => meta.parameters.filter((p) => p.values.length > 1);
  const colorOf = (meta: SweepResponse) => view.color ?? varying(meta)[0]?.name;

  async function load(parts: { meta: boolean; table: boolean }): Promise<void> {
    const kept = parts.meta ? undefined : data; // what need not be read again
    // The first load reads the curves beside the sweep and its trials (their metric is the
    // sweep's own unless the URL names one; training curves wait for the metric names).
    if (data === undefined && !view.train) curveCache.prefetch(view.metric);
    // The table's page does not depend on the rest: asked at once, beside the sweep and trials.
    const [meta, all, table] = await Promise.all([
      kept ? kept.meta : getJson<SweepResponse>(api),
      kept ? kept.all : getJson<TrialsResponse>(`${api}/trials?limit=all`).then((r) => [...r.trials]),
      parts.table || !kept ? getJson<TrialsResponse>(`${api}/trials?${trialsQuery(view)}`) : kept.table,
    ]);
    const metric = metricOf(meta);
    const train = view.train ? trainingMetric(metric, meta.metrics) : undefined;
    // Only the curves of trials that changed since the last read (curve-cache.ts).
    const curves = await curveCache.load([metric, ...(train ? [train] : [])], all);
    data = {
      meta,
      all,
      series: curves.filter((c) => c.metric === metric),
      train: curves.filter((c) => c.metric === train),
      table,
    };
  }

  /** The answers below the chart, read once the chart is drawn (and again on a live update). */
  async function loadExtras(): Promise<void> {
    const [configurations, fit, importance] = await Promise.all([
      getJson<ConfigurationsResponse>(`${api}/configurations`),
      getJson<FitResponse>(`${api}/fit`).then((r) => new Map(r.trials.map((t) => [t.trialId, t]))),
      getJson<ImportanceResponse>(`${api}/importance`),
    ]);
    extras = { configurations, fit, importance };
  }

  el.paramBox.append(el.param);
  el.contourBox.append(el.contourControls, h('div', { class: 'chart-box small' }, el.contour));
  el.scatterBox.append(el.scatter);

  function destroyCharts(): void {
    if (charts) for (const chart of Object.values(charts)) chart.destroy();
  }

  function layout(): void {
    destroyCharts();
    fill(
      root,
      h('nav', { class: 'crumbs' }, h('a', { href: '/', 'data-link': true }, 'Sweeps'), ' / ', sweep),
      el.header,
      h(
        'section',
        { class: 'compare', 'aria-label': 'curves' },
        el.controls,
        el.legend,
        h('div', { class: 'chart-box' }, el.curves, el.chartNote),
        el.hoverInfo,
      ),
      el.configurations,
      el.table,
      h(
        'section',
        { class: 'param-views', 'aria-label': 'parameters' },
        h('h2', {}, 'Parameters'),
        el.xControl,
        h(
          'div',
          { class: 'two-charts' },
          el.paramBox,
          el.scatterBox,
          h('div', { class: 'chart-box small' }, el.parallel),
        ),
        el.importance,
        el.contourBox,
      ),
      h(
        'section',
        { class: 'history', 'aria-label': 'search history' },
        h('h2', {}, 'Search history'),
        h('div', { class: 'chart-box small' }, el.history),
      ),
    );
    charts = {
      curves: new CurvesChart(el.curves, toggle, (text) => {
        el.hoverInfo.textContent = text || 'Hover a curve to name its trial; click it to select the trial.';
      }),
      param: new ParameterChart(el.param),
      scatter: new ScatterChart(el.scatter),
      parallel: new ParallelChart(el.parallel),
      history: new HistoryChart(el.history),
      contour: new ContourChart(el.contour),
    };
  }

  function render(): void {
    if (!data || !charts) return;
    const { meta, all } = data;
    const s = meta.sweep;
    const metric = metricOf(meta);
    const colorParam = colorOf(meta);
    const values = (name: string | undefined) => meta.parameters.find((p) => p.name === name)?.values ?? [];
    const groupValues = view.group === 'none' || view.group === 'config' ? [] : values(view.group);
    const train = view.train ? trainingMetric(metric, meta.metrics) : undefined;
    fill(
      el.header,
      h(
        'h1',
        {},
        s.name,
        ' ',
        h('span', { class: `badge status-${s.status}`, 'data-testid': 'sweep-status' }, s.status),
      ),
      s.description ? h('p', { class: 'description' }, s.description) : null,
      h(
        'p',
        { class: 'muted' },
        `${s.method} search · ${s.completed} completed · ${s.pruned} pruned · ${s.failed} failed · ${s.running} running · ${s.pending + s.interrupted} to run · best ${s.metric} (${s.goal === 'minimize' ? 'min' : 'max'}): ${s.bestValue === null ? '–' : formatNumber(s.bestValue)} · started ${formatTime(s.createdAt)}`,
      ),
    );
    fill(
      el.controls,
      sweepControls({
        view,
        metric,
        metrics: meta.metrics.length > 0 ? meta.metrics : [metric],
        colorParam,
        params: meta.parameters,
        hasSeeds: s.seeds.length > 1,
        onView: setView,
      }),
    );
    fill(
      el.legend,
      curvesLegend({
        colorParam,
        colorValues: values(colorParam),
        train: train !== undefined,
        group: view.group,
        groupValues,
        band: view.band,
      }),
    );
    const trials = new Map(all.map((t) => [t.id, t]));
    charts.curves.update({
      metric,
      series: data.series,
      trainSeries: data.train,
      trials,
      visible: passesFilters(view),
      colorParam,
      colorValues: values(colorParam),
      group: view.group,
      groupValues,
      band: view.band,
      smooth: view.smooth,
      logY: view.logY,
      x: view.xAxis,
      highlight: view.top > 0 ? topTrials(all, view.top, s.goal) : new Set<number>(),
      sweepMetric: s.metric,
      goal: s.goal,
      selected: new Set(view.selected),
      isolate: view.isolate,
      paramNames: varying(meta).map((p) => p.name),
    });
    el.chartNote.replaceChildren(
      data.series.length === 0
        ? emptyView(
            `No ${metric} recorded yet`,
            all.length === 0
              ? 'This sweep has no trials yet.'
              : 'Curves appear here, live, as soon as trials report their first epoch.',
          )
        : '',
    );
    if (firstChart && data.series.length > 0) {
      firstChart = false;
      performance.mark('embsweep:first-chart');
    }
    renderTrialsTable(el.table, data.table, {
      sweep,
      view,
      params: meta.parameters,
      metric: s.metric,
      events: { onView: setView, onToggle: toggle, onClearSelection: () => setView({ selected: [] }) },
    });
    // Below the fold: drawn once the comparison chart is on screen, so it shows sooner.
    requestAnimationFrame(() => setTimeout(renderBelow));
  }

  /** The configurations and the parameter views, from the extras once they are read. */
  function renderBelow(): void {
    if (!data || !charts) return;
    const { meta, all } = data;
    // With seeds, the configurations table; with one seed, only the smallest sufficient width.
    if (extras && meta.sweep.seeds.length > 1)
      renderConfigurationsTable(
        el.configurations,
        extras.configurations,
        varying(meta).map((p) => p.name),
      );
    else el.configurations.replaceChildren(...(extras ? sufficientLine(extras.configurations) : []));
    renderParameterViews(meta, all, extras?.fit ?? new Map());
  }

  function renderParameterViews(
    meta: SweepResponse,
    all: TrialRow[],
    fit: ReadonlyMap<number, TrialFitRow>,
  ): void {
    if (!charts) return;
    const vary = varying(meta);
    const visible = all.filter(passesFilters(view));
    renderParameterPanel(
      {
        controls: el.xControl,
        paramBox: el.paramBox,
        scatterBox: el.scatterBox,
        param: charts.param,
        scatter: charts.scatter,
      },
      { meta, vary, colorParam: colorOf(meta), all, visible, fit, view, api, onView: setView },
    );
    charts.parallel.update({
      metric: meta.sweep.metric,
      goal: meta.sweep.goal,
      trials: visible,
      params: vary,
    });
    charts.history.update({ metric: meta.sweep.metric, goal: meta.sweep.goal, trials: visible });
    renderContourPanel(
      { controls: el.contourControls, box: el.contourBox, chart: charts.contour },
      { meta, vary, visible, view, onView: setView },
    );
    if (extras && extras.importance.importance.length > 0)
      fill(el.importance, importanceBars(extras.importance));
    else el.importance.replaceChildren();
  }

  function toggle(trialId: number): void {
    const selected = view.selected.includes(trialId)
      ? view.selected.filter((id) => id !== trialId)
      : [...view.selected, trialId];
    setView({ selected });
  }

  function setView(patch: Partial<SweepView>): void {
    const before = view;
    view = { ...view, ...patch };
    history.replaceState(null, '', sweepHref(sweep, view));
    const tableChanged = ['sort', 'order', 'states', 'filters', 'page', 'top', 'topOnly'].some(
      (k) => k in patch && patch[k as keyof SweepView] !== before[k as keyof SweepView],
    );
    const curvesChanged =
      ('metric' in patch && patch.metric !== before.metric) ||
      ('train' in patch && patch.train !== before.train);
    if (!tableChanged && !curvesChanged) return render();
    void refreshWith({ meta: false, table: tableChanged });
  }

  async function refreshWith(parts: { meta: boolean; table: boolean }): Promise<void> {
    try {
      await load(parts);
      if (!charts) layout();
      render();
      if (parts.meta) {
        await loadExtras();
        renderBelow();
      }
    } catch (error) {
      destroyCharts();
      charts = undefined;
      fill(root, errorView(error, { href: '/', label: 'Back to the sweeps' }));
    }
  }

  return {
    refresh: () => refreshWith({ meta: true, table: true }),
    dispose() {
      destroyCharts();
    },
  };
}

function sufficientLine(answer: ConfigurationsResponse): HTMLElement[] {
  return answer.smallestSufficient
    ? [h('p', { class: 'verdict', 'data-testid': 'smallest-sufficient' }, answer.smallestSufficient.text)]
    : [];
}
