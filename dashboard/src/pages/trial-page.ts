import type { TrialResponse } from '@embsweep/server';
import { enc, getJson } from '../api.js';
import type { Chart } from '../charts/chart-setup.js';
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
    try {
      data = await getJson<TrialResponse>(`/api/sweeps/${enc(sweep)}/trials/${trialId}`);
    } catch (error) {
      dispose();
      fill(root, errorView(error, { href: sweepHref(sweep), label: `Back to sweep ${sweep}` }));
      return;
    }
    dispose();
    const t = data.trial;
    document.title = `Trial #${t.index + 1} · ${sweep} · embsweep`;
    const accuracy = data.series.filter((s) => /acc/.test(s.metric));
    const losses = data.series.filter((s) => !/acc/.test(s.metric));
    const lossCanvas = h('canvas', { id: 'trial-loss-chart', 'aria-label': 'loss curves' });
    const accCanvas = h('canvas', { id: 'trial-acc-chart', 'aria-label': 'accuracy curves' });
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
            'div',
            { class: 'two-charts' },
            losses.length ? h('div', { class: 'chart-box small' }, lossCanvas) : null,
            accuracy.length ? h('div', { class: 'chart-box small' }, accCanvas) : null,
          ),
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
    if (losses.length > 0) charts.push(trialChart(lossCanvas, losses, 'loss'));
    if (accuracy.length > 0) charts.push(trialChart(accCanvas, accuracy, 'accuracy'));
  };
  return { refresh, dispose };
}
