import { colorScale, interpolate } from './colors.js';
import { h } from '../ui/dom.js';
import { formatValue } from '../ui/format.js';

/** Beyond this many values of a numeric parameter, a colour bar replaces the swatches. */
const MAX_SWATCHES = 12;

/**
 * A numeric parameter with many values (a continuous range, say): one gradient from its
 * lowest to its highest value, labelled at both ends and at the middle value, as the colours
 * run by rank (see colorScale).
 */
function colourBar(param: string, values: readonly number[]): HTMLElement {
  const stops = Array.from({ length: 11 }, (_, i) => interpolate(i / 10)).join(', ');
  return h(
    'div',
    { class: 'legend-values', 'data-testid': 'colour-bar', 'data-values': String(values.length) },
    h('span', { class: 'legend-title' }, `${param}:`),
    formatValue(values[0]),
    h('span', { class: 'colour-bar', style: `background: linear-gradient(to right, ${stops})` }),
    formatValue(values.at(-1)),
    h(
      'span',
      { class: 'muted' },
      ` (${values.length} values; middle ${formatValue(values[Math.floor(values.length / 2)])})`,
    ),
  );
}

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
  const continuous = values.length > MAX_SWATCHES && values.every((v) => typeof v === 'number');
  return h(
    'div',
    { class: 'legend', 'data-testid': 'curves-legend' },
    param && continuous
      ? colourBar(param, values)
      : param
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
