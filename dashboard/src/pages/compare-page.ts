import type { CurvesResponse, SweepResponse, TrialRow, TrialsResponse } from '@embsweep/server';
import { topTrials } from '@embsweep/core/top-trials';
import { enc, getJson } from '../api.js';
import { colorScale } from '../charts/colors.js';
import { OverlayChart, type OverlayLine } from '../charts/overlay-chart.js';
import { runningBest } from '../charts/running-best.js';
import { sweepHref } from '../route.js';
import { fill, h } from '../ui/dom.js';
import { formatNumber, formatParams } from '../ui/format.js';
import { emptyView, errorView, loadingView } from '../ui/status-views.js';
import type { Page } from './page.js';

interface SweepData {
  readonly name: string;
  readonly meta: SweepResponse;
  readonly trials: readonly TrialRow[];
  readonly best: TrialRow | undefined;
  /** The best trial's curve of the sweep's metric. */
  readonly curve: CurvesResponse['series'][number] | undefined;
}

async function loadSweep(name: string): Promise<SweepData> {
  const api = `/api/sweeps/${enc(name)}`;
  const [meta, trials] = await Promise.all([
    getJson<SweepResponse>(api),
    getJson<TrialsResponse>(`${api}/trials?limit=all`).then((r) => r.trials),
  ]);
  const bestId = [...topTrials(trials, 1, meta.sweep.goal)][0];
  const best = trials.find((t) => t.id === bestId);
  const curves = best ? await getJson<CurvesResponse>(`${api}/curves?trials=${best.id}`) : undefined;
  return { name, meta, trials, best, curve: curves?.series[0] };
}

/**
 * Several sweeps side by side (random against bayes, say): the best value each had found after
 * each trial, and the curve of each one's best trial. The sweeps are in the URL
 * (/compare?sweeps=a,b); each is drawn by its own metric, and the page says when they differ.
 */
export function comparePage(root: HTMLElement, names: readonly string[]): Page {
  document.title = `Compare ${names.join(', ')} · embsweep`;
  fill(root, loadingView('sweeps to compare'));
  const canvases = {
    history: h('canvas', {
      id: 'compare-history',
      'aria-label': 'best so far against trial number, per sweep',
    }),
    curves: h('canvas', { id: 'compare-curves', 'aria-label': 'the best trial curve of each sweep' }),
  };
  let charts: { history: OverlayChart; curves: OverlayChart } | undefined;

  const refresh = async () => {
    if (names.length === 0) {
      fill(
        root,
        emptyView(
          'No sweeps to compare',
          'Tick two or more sweeps on ',
          h('a', { href: '/', 'data-link': true }, 'the sweeps page'),
          '.',
        ),
      );
      return;
    }
    let sweeps: SweepData[];
    try {
      sweeps = await Promise.all(names.map(loadSweep));
    } catch (error) {
      charts?.history.destroy();
      charts?.curves.destroy();
      charts = undefined;
      fill(root, errorView(error, { href: '/', label: 'Back to the sweeps' }));
      return;
    }
    if (!charts) {
      fill(
        root,
        h('nav', { class: 'crumbs' }, h('a', { href: '/', 'data-link': true }, 'Sweeps'), ' / compare'),
        h('h1', {}, `Compare ${names.join(', ')}`),
        h('div', { 'data-testid': 'compare-notes' }),
        h(
          'section',
          { 'aria-label': 'best so far' },
          h('h2', {}, 'Best so far'),
          h('div', { class: 'chart-box small' }, canvases.history),
        ),
        h(
          'section',
          { 'aria-label': 'best curves' },
          h('h2', {}, 'Best trial of each'),
          h('div', { class: 'chart-box small' }, canvases.curves),
        ),
      );
      charts = {
        history: new OverlayChart(canvases.history, 'trial', true),
        curves: new OverlayChart(canvases.curves, 'epoch', false),
      };
    }
    const color = colorScale(names);
    const metrics = [...new Set(sweeps.map((s) => `${s.meta.sweep.metric} (${s.meta.sweep.goal})`))];
    const notes = root.querySelector('[data-testid=compare-notes]');
    notes?.replaceChildren(
      h(
        'ul',
        {},
        sweeps.map((s) =>
          h(
            'li',
            {},
            h('a', { href: sweepHref(s.name), 'data-link': true }, s.name),
            ` · ${s.meta.sweep.method} · ${s.meta.sweep.completed} completed · best ${s.meta.sweep.metric} ${s.meta.sweep.bestValue === null ? '–' : formatNumber(s.meta.sweep.bestValue)}`,
            s.best
              ? ` (trial #${s.best.index + 1}: ${formatParams(
                  s.best.params,
                  s.meta.parameters.filter((p) => p.values.length > 1).map((p) => p.name),
                )})`
              : '',
          ),
        ),
      ),
      metrics.length > 1
        ? h(
            'p',
            { class: 'warning' },
            `These sweeps optimise different metrics: ${metrics.join(', ')}. Each line is its own sweep's metric.`,
          )
        : '',
    );
    const yLabel =
      metrics.length === 1
        ? `best ${sweeps[0]?.meta.sweep.metric ?? ''}`
        : 'best value (each sweep its own metric)';
    const history: OverlayLine[] = sweeps.map((s) => ({
      label: s.name,
      color: color(s.name),
      points: runningBest(s.trials, s.meta.sweep.goal),
    }));
    const curves: OverlayLine[] = sweeps.flatMap((s) =>
      s.curve
        ? [
            {
              label: `${s.name} #${(s.best?.index ?? 0) + 1}`,
              color: color(s.name),
              points: s.curve.steps.map((x, i) => ({ x, y: s.curve?.values[i] ?? null })),
            },
          ]
        : [],
    );
    charts.history.update(yLabel, history);
    charts.curves.update(metrics.length === 1 ? (sweeps[0]?.meta.sweep.metric ?? '') : 'value', curves);
  };
  return {
    refresh,
    dispose() {
      charts?.history.destroy();
      charts?.curves.destroy();
    },
  };
}
