import type { ArtifactsResponse, NeighboursArtifact, TrialResponse } from '@embsweep/server';
import { neighboursTable } from '../table/neighbours-table.js';
import { enc, getJson } from '../api.js';
import type { Chart } from '../charts/chart-setup.js';
import { groupMetrics } from '../charts/metric-groups.js';
import { trialChart } from '../charts/trial-chart.js';
import { sweepHref } from '../route.js';
import { fill, h } from '../ui/dom.js';
import { formatDuration, formatNumber, formatTime, formatValue } from '../ui/format.js';
import { emptyView, errorView, loadingView } from '../ui/status-views.js';
import type { Page } from './page.js';

/** One trial: all its curves, parameters, state changes with reasons, runtime and error text. */
export function trialPage(root: HTMLElement, sweep: string, trialId: number): Page {
  document.title = `Trial ${trialId} · ${sweep} · embsweep`;
  let charts: Chart<'line', { x: number; y: number | null }[]>[] = [];
  fill(root, loadingView('trial'));
  const dispose = () => {
    for (const c of charts) c.destroy();
    charts = [];
  };
  const refresh = async () => {
    let data: TrialResponse;
    let neighbours: NeighboursArtifact | undefined;
    try {
      data = await getJson<TrialResponse>(`/api/sweeps/${enc(sweep)}/trials/${trialId}`);
      const { artifacts } = await getJson<ArtifactsResponse>(
        `/api/sweeps/${enc(sweep)}/trials/${trialId}/artifacts`,
      );
      neighbours = artifacts.some((a) => a.name === 'neighbours')
        ? await getJson<NeighboursArtifact>(
            `/api/sweeps/${enc(sweep)}/trials/${trialId}/artifacts/neighbours`,
          )
        : undefined;
    } catch (error) {
      dispose();
      fill(root, errorView(error, { href: sweepHref(sweep), label: `Back to sweep ${sweep}` }));
      return;
    }
    dispose();
    const t = data.trial;
    document.title = `Trial #${t.index + 1} · ${sweep} · embsweep`;
    // One chart per kind of metric (metric-groups.ts), losses first and largest.
    const groups = groupMetrics(data.series).map(([group, series]) => ({
      group,
      series,
      canvas: h('canvas', {
        id: `trial-${group.key.replace(/[^a-z0-9]+/gi, '-')}-chart`,
        class: 'trial-chart',
        'aria-label': `${group.title} curves`,
        'data-metrics': series.map((s) => s.metric).join(','),
      }),
    }));
    const [first, ...rest] = groups;
    const kv = (rows: [string, Node | string][]) =>
      h(
        'table',
        { class: 'kv' },
        h(
          'tbody',
          {},
          rows.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v))),
        ),
      );
    fill(
      root,
      h(
        'nav',
        { class: 'crumbs' },
        h('a', { href: '/', 'data-link': true }, 'Sweeps'),
        ' / ',
        h('a', { href: sweepHref(sweep), 'data-link': true }, sweep),
        ` / trial #${t.index + 1}`,
      ),
      h(
        'h1',
        {},
        `Trial #${t.index + 1} `,
        h('span', { class: `badge state-${t.state}`, 'data-testid': 'trial-state' }, t.state),
      ),
      t.errorMessage
        ? h(
            'div',
            { class: 'error-box', role: 'alert' },
            h('strong', {}, t.errorCode ?? 'error'),
            h('pre', {}, t.errorMessage),
          )
        : null,
      data.series.length === 0
        ? emptyView(
            'No epochs recorded',
            t.state === 'pending'
              ? 'This trial has not started yet.'
              : 'The trial ended before its first epoch.',
          )
        : h(
            'section',
            { 'aria-label': 'curves' },
            first ? h('div', { class: 'chart-box' }, first.canvas) : null,
            h(
              'div',
              { class: 'chart-grid' },
              rest.map((g) => h('div', { class: 'chart-box small' }, g.canvas)),
            ),
          ),
      neighbours ? neighboursTable(neighbours) : null,
      h(
        'div',
        { class: 'two-columns' },
        h(
          'section',
          {},
          h('h2', {}, 'Parameters'),
          kv([
            ...Object.entries(t.params).map(([k, v]): [string, string] => [k, formatValue(v)]),
            ['seed', String(t.seed)],
          ]),
        ),
        h(
          'section',
          {},
          h('h2', {}, 'Run'),
          kv([
            [
              `best ${data.sweep.metric}`,
              t.bestValue === null ? '–' : `${formatNumber(t.bestValue)} at epoch ${t.bestEpoch ?? '–'}`,
            ],
            ['epochs run', String(t.epochsRun)],
            ['attempt', String(t.attempt)],
            ['duration', formatDuration(t.durationS)],
            ['started', formatTime(t.startedAt)],
            ['finished', formatTime(t.finishedAt)],
            ['backend', t.backend ?? '–'],
            [
              'versions',
              t.versions
                ? Object.entries(t.versions)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(', ')
                : '–',
            ],
            ['host', t.workerHost ?? '–'],
            ['worker', t.workerId ?? '–'],
            ['last heartbeat', formatTime(t.heartbeatAt)],
          ]),
        ),
      ),
      h(
        'section',
        {},
        h('h2', {}, 'Events'),
        h(
          'ol',
          { class: 'events' },
          data.events.map((e) =>
            h(
              'li',
              {},
              h('time', {}, formatTime(e.at)),
              ` attempt ${e.attempt}: ${e.from ?? 'created'} → `,
              h('span', { class: `badge state-${e.to}` }, e.to),
              ` — ${e.reason}`,
            ),
          ),
        ),
      ),
    );
    for (const g of groups) charts.push(trialChart(g.canvas, g.series, g.group.title));
  };
  return { refresh, dispose };
}
