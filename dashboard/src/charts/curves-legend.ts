import { colorScale } from './colors.js';
import { h } from '../ui/dom.js';
import { formatValue } from '../ui/format.js';

/**
 * The legend beside the comparison chart: one swatch per value of the colouring parameter
 * (not one per trial, which would be unreadable for a big sweep), and a key to the line styles.
 */
export function curvesLegend(options: {
  readonly colorParam: string | undefined;
  readonly colorValues: readonly unknown[];
  readonly train: boolean;
  readonly group: string;
  readonly groupValues: readonly unknown[];
  readonly band: 'ci' | 'range';
}): HTMLElement {
  const byParam = options.group !== 'none' && options.group !== 'config';
  const param = byParam ? options.group : options.colorParam;
  const values = byParam ? options.groupValues : options.colorValues;
  const scale = colorScale(values);
  return h(
    'div',
    { class: 'legend', 'data-testid': 'curves-legend' },
    param
      ? h(
          'div',
          { class: 'legend-values' },
          h('span', { class: 'legend-title' }, `${param}:`),
          values.map((v) =>
            h(
              'span',
              { class: 'legend-item' },
              h('span', { class: 'swatch', style: `background:${scale(v)}` }),
              formatValue(v),
            ),
          ),
        )
      : null,
    h(
      'div',
      { class: 'legend-key muted' },
      options.group === 'none'
        ? [
            options.train ? 'solid: validation · dotted: training · ' : '',
            'dashed and ',
            h('span', { class: 'mark-pruned' }, '✕'),
            ': pruned · dashed and ',
            h('span', { class: 'mark-failed' }, '▲'),
            ': failed · ● best epoch',
          ]
        : [
            options.band === 'ci'
              ? 'line: mean (● at its best epoch) · band: 95% interval of the mean across the '
              : 'line: mean (● at its best epoch) · band: lowest to highest across the ',
            options.group === 'config'
              ? 'seeds of each configuration'
              : `trials of each ${options.group} value`,
          ],
    ),
  );
}
