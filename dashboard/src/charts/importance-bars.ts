import type { ImportanceResponse } from '@embsweep/server';
import { h } from '../ui/dom.js';

/** Parameter importance as horizontal bars, most important first (plain HTML: a handful of rows). */
export function importanceBars(answer: ImportanceResponse): HTMLElement {
  return h(
    'div',
    { class: 'importance', 'data-testid': 'importance' },
    h('h3', {}, `Parameter importance (PED-ANOVA over ${answer.trials} completed trials)`),
    answer.importance.map((r) =>
      h(
        'div',
        {
          class: 'importance-row',
          'data-parameter': r.parameter,
          'data-importance': r.importance.toFixed(4),
        },
        h('span', { class: 'importance-name' }, r.parameter),
        h('span', { class: 'importance-bar', style: `width: ${(r.importance * 60).toFixed(1)}%` }),
        h('span', { class: 'importance-value' }, r.importance.toFixed(2)),
      ),
    ),
  );
}
