import type { ParameterSummary, TrialRow, TrialsResponse } from '@embsweep/server';
import { keyOf } from '../charts/colors.js';
import { trialHref, type SweepView } from '../route.js';
import { fill, h } from '../ui/dom.js';
import { formatDuration, formatNumber, formatValue } from '../ui/format.js';

/** Beyond this many values, a parameter gets no tick box per value in the filters. */
const MAX_FILTER_VALUES = 30;

const STATES = ['completed', 'pruned', 'failed', 'running', 'pending', 'interrupted'] as const;
const PAGE_SIZE = 50;

export interface TableEvents {
  /** The reader changed sorting, filters or page. */
  readonly onView: (patch: Partial<SweepView>) => void;
  /** The reader selected or unselected a trial. */
  readonly onToggle: (trialId: number) => void;
  readonly onClearSelection: () => void;
}

/** The query string of the trials endpoint for a view: the server filters, sorts and pages. */
export function trialsQuery(view: SweepView): string {
  const q = new URLSearchParams({
    sort: view.sort,
    order: view.order,
    offset: String(view.page * PAGE_SIZE),
    limit: String(PAGE_SIZE),
  });
  if (view.states.length > 0) q.set('state', view.states.join(','));
  if (view.top > 0 && view.topOnly) q.set('top', String(view.top));
  for (const [name, values] of Object.entries(view.filters))
    if (values.length > 0) q.set(`param.${name}`, values.join(','));
  return q.toString();
}

/** Whether a trial passes the view's filters (the chart applies the same ones). */
export function passesFilters(view: SweepView): (trial: TrialRow) => boolean {
  return (trial) =>
    (view.states.length === 0 || view.states.includes(trial.state)) &&
    Object.entries(view.filters).every(
      ([name, values]) => values.length === 0 || values.includes(keyOf(trial.params[name])),
    );
}

/**
 * The trials table: parameters, state, best value and epoch, epochs run, duration, failure
 * reason. Sortable by any column, filterable by state and parameter values, paged; a click on a
 * row selects it (the chart highlights or isolates selected trials).
 */
export function renderTrialsTable(
  root: HTMLElement,
  data: TrialsResponse,
  options: {
    readonly sweep: string;
    readonly view: SweepView;
    readonly params: readonly ParameterSummary[];
    readonly metric: string;
    readonly events: TableEvents;
  },
): void {
  const { view, events } = options;
  const varying = options.params.filter((p) => p.values.length > 1);
  const selected = new Set(view.selected);
  const toggleIn = (list: readonly string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  const stateFilter = h(
    'fieldset',
    { class: 'filter' },
    h('legend', {}, 'State'),
    STATES.map((s) =>
      h(
        'label',
        { class: `chip state-${s}` },
        h('input', {
          type: 'checkbox',
          name: 'state',
          value: s,
          checked: view.states.includes(s),
          onchange: () => events.onView({ states: toggleIn(view.states, s), page: 0 }),
        }),
        s,
      ),
    ),
  );
  // One chip per value is a filter for a handful of values; a continuous range gets a note.
  const paramFilters = varying.map((p) =>
    p.values.length > MAX_FILTER_VALUES
      ? h(
          'p',
          { class: 'filter muted', 'data-param': p.name },
          `${p.name}: ${p.values.length} values, too many to tick; sort by it instead`,
        )
      : h(
          'fieldset',
          { class: 'filter', 'data-param': p.name },
          h('legend', {}, p.name),
          p.values.map((v) => {
            const key = keyOf(v);
            const current = view.filters[p.name] ?? [];
            return h(
              'label',
              { class: 'chip' },
              h('input', {
                type: 'checkbox',
                name: `param.${p.name}`,
                value: key,
                checked: current.includes(key),
                onchange: () =>
                  events.onView({ filters: { ...view.filters, [p.name]: toggleIn(current, key) }, page: 0 }),
              }),
              formatValue(v),
            );
          }),
        ),
  );

  const columns: { key: string; label: string; cell: (t: TrialRow) => Node | string; num?: boolean }[] = [
    {
      key: 'index',
      label: '#',
      cell: (t) =>
        h(
          'a',
          { href: trialHref(options.sweep, t.id), 'data-link': true, title: 'open this trial' },
          `#${t.index + 1}`,
        ),
    },
    { key: 'seed', label: 'seed', cell: (t) => String(t.seed), num: true },
    ...varying.map((p) => ({
      key: `param.${p.name}`,
      label: p.name,
      cell: (t: TrialRow) => formatValue(t.params[p.name]),
      num: true,
    })),
    { key: 'state', label: 'state', cell: (t) => h('span', { class: `badge state-${t.state}` }, t.state) },
    {
      key: 'best_value',
      label: `best ${options.metric}`,
      cell: (t) => (t.bestValue === null ? '–' : formatNumber(t.bestValue)),
      num: true,
    },
    { key: 'best_epoch', label: 'best epoch', cell: (t) => formatValue(t.bestEpoch), num: true },
    { key: 'epochs_run', label: 'epochs', cell: (t) => String(t.epochsRun), num: true },
    { key: 'duration', label: 'duration', cell: (t) => formatDuration(t.durationS), num: true },
    { key: 'host', label: 'host', cell: (t) => t.host ?? '–' },
  ];
  const header = h(
    'tr',
    {},
    h('th', { class: 'select' }, ''),
    columns.map((c) => {
      const sorted = view.sort === c.key;
      return h(
        'th',
        {
          'aria-sort': sorted ? (view.order === 'asc' ? 'ascending' : 'descending') : 'none',
          'data-sort': c.key,
          class: c.num ? 'num' : undefined,
        },
        h(
          'button',
          {
            type: 'button',
            class: 'sort',
            onclick: () =>
              events.onView({ sort: c.key, order: sorted && view.order === 'asc' ? 'desc' : 'asc', page: 0 }),
          },
          c.label,
          sorted ? (view.order === 'asc' ? ' ▲' : ' ▼') : '',
        ),
      );
    }),
    h('th', {}, 'failure reason'),
  );
  const rows = data.trials.map((t) =>
    h(
      'tr',
      {
        'data-trial-id': t.id,
        class: `state-row-${t.state}${selected.has(t.id) ? ' selected' : ''}`,
        'aria-selected': selected.has(t.id) ? 'true' : 'false',
        onclick: (event: Event) => {
          if ((event.target as HTMLElement).closest('a, input')) return;
          events.onToggle(t.id);
        },
      },
      h(
        'td',
        { class: 'select' },
        h('input', {
          type: 'checkbox',
          'aria-label': `select trial #${t.index + 1}`,
          checked: selected.has(t.id),
          onchange: () => events.onToggle(t.id),
        }),
      ),
      columns.map((c) => h('td', { class: c.num ? 'num' : undefined }, c.cell(t))),
      h('td', { class: 'reason' }, t.errorMessage ? `${t.errorCode ?? ''}: ${t.errorMessage}` : ''),
    ),
  );
  // Live updates redraw the table: keep the reader's place in it.
  const scrolled = root.querySelector('.table-scroll')?.scrollTop ?? 0;
  const first = data.total === 0 ? 0 : data.offset + 1;
  const last = data.offset + data.trials.length;
  fill(
    root,
    h('div', { class: 'filters' }, stateFilter, paramFilters),
    h(
      'div',
      { class: 'table-bar' },
      h(
        'span',
        { 'data-testid': 'table-count' },
        data.total === 0 ? 'No trials match these filters.' : `Trials ${first}–${last} of ${data.total}`,
      ),
      selected.size > 0
        ? h(
            'button',
            { type: 'button', onclick: events.onClearSelection },
            `Clear selection (${selected.size})`,
          )
        : null,
      h(
        'button',
        { type: 'button', disabled: view.page === 0, onclick: () => events.onView({ page: view.page - 1 }) },
        '‹ Previous',
      ),
      h(
        'button',
        {
          type: 'button',
          disabled: last >= data.total,
          onclick: () => events.onView({ page: view.page + 1 }),
        },
        'Next ›',
      ),
    ),
    h(
      'div',
      { class: 'table-scroll' },
      h('table', { class: 'trials' }, h('thead', {}, header), h('tbody', {}, rows)),
    ),
  );
  root.querySelector('.table-scroll')?.scrollTo(0, scrolled);
}
