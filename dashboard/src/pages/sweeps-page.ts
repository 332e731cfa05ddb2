import type { SweepsResponse } from '@embsweep/server';
import { getJson } from '../api.js';
import { compareHref, sweepHref } from '../route.js';
import { fill, h } from '../ui/dom.js';
import { formatNumber, formatTime } from '../ui/format.js';
import { emptyView, errorView, loadingView } from '../ui/status-views.js';
import type { Page } from './page.js';

/** The list of sweeps in the database: what each searched, how far it got, its best value. */
export function sweepsPage(root: HTMLElement): Page {
  document.title = 'Sweeps · embsweep';
  fill(root, loadingView('sweeps'));
  // Sweeps ticked for comparison (kept across live refreshes of the list).
  const chosen = new Set<string>();
  const compareLink = h('p', { class: 'compare-link' });
  const showCompareLink = () =>
    fill(
      compareLink,
      chosen.size >= 2
        ? h('a', { href: compareHref([...chosen]), 'data-link': true }, `Compare ${chosen.size} sweeps`)
        : h('span', { class: 'muted' }, 'Tick two or more sweeps to compare their searches.'),
    );
  const refresh = async () => {
    let data: SweepsResponse;
    try {
      data = await getJson<SweepsResponse>('/api/sweeps');
    } catch (error) {
      fill(root, errorView(error));
      return;
    }
    if (data.sweeps.length === 0) {
      fill(
        root,
        emptyView(
          'No sweeps yet',
          'Run one with ',
          h('code', {}, 'npx embsweep run sweeps/quick-grid.json --dashboard'),
          '; it appears here as soon as it starts.',
        ),
      );
      return;
    }
    const rows = data.sweeps.map((s) =>
      h(
        'tr',
        { 'data-sweep': s.name },
        h(
          'td',
          {},
          h('input', {
            type: 'checkbox',
            name: 'compare',
            value: s.name,
            'aria-label': `compare ${s.name}`,
            checked: chosen.has(s.name),
            onchange: (e: Event) => {
              if ((e.target as HTMLInputElement).checked) chosen.add(s.name);
              else chosen.delete(s.name);
              showCompareLink();
            },
          }),
          ' ',
          h('a', { href: sweepHref(s.name), 'data-link': true }, s.name),
        ),
        h('td', {}, s.method),
        h('td', {}, h('span', { class: `badge status-${s.status}` }, s.status)),
        h(
          'td',
          { class: 'counts' },
          h('span', { title: 'completed' }, `${s.completed} completed`),
          s.pruned > 0 ? h('span', { class: 'state-pruned' }, ` · ${s.pruned} pruned`) : null,
          s.failed > 0 ? h('span', { class: 'state-failed' }, ` · ${s.failed} failed`) : null,
          s.running > 0 ? h('span', { class: 'state-running' }, ` · ${s.running} running`) : null,
          s.pending + s.interrupted > 0 ? h('span', {}, ` · ${s.pending + s.interrupted} to run`) : null,
          h('span', { class: 'muted' }, ` of ${s.trials}`),
        ),
        h('td', {}, `${s.metric} (${s.goal === 'minimize' ? 'min' : 'max'})`),
        h('td', { class: 'num' }, s.bestValue === null ? '–' : formatNumber(s.bestValue)),
        h('td', {}, formatTime(s.createdAt)),
        h('td', {}, formatTime(s.finishedAt)),
      ),
    );
    showCompareLink();
    fill(
      root,
      h('h1', {}, 'Sweeps'),
      compareLink,
      h(
        'table',
        { class: 'sweeps' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Sweep', 'Method', 'Status', 'Trials', 'Metric', 'Best', 'Started', 'Finished'].map((c) =>
              h('th', {}, c),
            ),
          ),
        ),
        h('tbody', {}, rows),
      ),
    );
  };
  return { refresh, dispose() {} };
}
