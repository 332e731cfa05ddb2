import type { ConfigurationsResponse } from '@embsweep/server';
import { fill, h } from '../ui/dom.js';
import { formatNumber, formatParams } from '../ui/format.js';

/**
 * The configurations of a sweep with several seeds, best first: n, the mean of the best value
 * with its 95% interval, the mean final value, P(better than the next one down), Welch's p-value
 * against it, and a "tied with best" mark; then one plain sentence on what the seeds can tell.
 * Each row carries data-config and data-tied, so tests can check what is shown.
 */
export function renderConfigurationsTable(
  root: HTMLElement,
  answer: ConfigurationsResponse,
  paramNames: readonly string[],
): void {
  const number = (v: number | null) => (v === null ? '–' : formatNumber(v));
  const interval = (low: number | null, high: number | null) =>
    low === null || high === null ? '–' : `${formatNumber(low)} – ${formatNumber(high)}`;
  fill(
    root,
    h('h2', {}, 'Configurations across seeds'),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { 'data-testid': 'configurations-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [
              '#',
              'configuration',
              'n',
              `mean best ${answer.metric}`,
              '95% interval',
              'mean final',
              'P(better than next)',
              'p vs next',
              '',
            ].map((c) => h('th', {}, c)),
          ),
        ),
        h(
          'tbody',
          {},
          answer.configurations.map((c, i) =>
            h(
              'tr',
              {
                'data-config': String(c.configIndex),
                'data-tied': String(c.tiedWithBest),
                class: c.tiedWithBest ? 'tied' : '',
              },
              h('td', {}, String(i + 1)),
              h('td', {}, formatParams(c.params, paramNames)),
              h(
                'td',
                { title: c.enoughSeeds ? '' : 'fewer than 3 seeds: the interval is too narrow to trust' },
                `${c.best.n}${c.enoughSeeds ? '' : ' (few)'}`,
              ),
              h('td', {}, number(c.best.mean)),
              h('td', {}, interval(c.best.low, c.best.high)),
              h('td', {}, number(c.final.mean)),
              h('td', {}, number(c.pBetterThanNext)),
              h('td', {}, number(c.pValueVsNext)),
              h(
                'td',
                {},
                c.tiedWithBest
                  ? h(
                      'span',
                      { class: 'badge tied-badge', title: 'cannot be told apart from the best' },
                      i === 0 ? 'best' : '≈ best',
                    )
                  : '',
              ),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'verdict', 'data-testid': 'verdict' }, answer.verdict),
    answer.smallestSufficient
      ? h('p', { class: 'verdict', 'data-testid': 'smallest-sufficient' }, answer.smallestSufficient.text)
      : null,
  );
}
