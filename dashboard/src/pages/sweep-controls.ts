import type { ParameterSummary } from '@embsweep/server';
import { TOP_CHOICES, type SweepView } from '../route.js';
import { h } from '../ui/dom.js';

/** The training metric recorded beside a validation metric (val_loss -> loss), if any. */
export function trainingMetric(metric: string, recorded: readonly string[]): string | undefined {
  const train = metric.startsWith('val_') ? metric.slice('val_'.length) : undefined;
  return train !== undefined && recorded.includes(train) ? train : undefined;
}

function select(
  label: string,
  name: string,
  value: string,
  options: readonly { value: string; label: string }[],
  onChange: (value: string) => void,
): HTMLElement {
  return h(
    'label',
    { class: 'control' },
    `${label} `,
    h(
      'select',
      { name, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
      options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
    ),
  );
}

/**
 * The controls above the comparison chart: which metric, colour by which parameter, group by
 * configuration or parameter, training curves dashed beside, and isolating the selection.
 */
export function sweepControls(options: {
  readonly view: SweepView;
  readonly metric: string;
  readonly metrics: readonly string[];
  readonly colorParam: string | undefined;
  readonly params: readonly ParameterSummary[];
  readonly hasSeeds: boolean;
  readonly onView: (patch: Partial<SweepView>) => void;
}): HTMLElement {
  const { view, onView } = options;
  const varying = options.params.filter((p) => p.values.length > 1).map((p) => p.name);
  const train = trainingMetric(options.metric, options.metrics);
  return h(
    'div',
    { class: 'controls' },
    select(
      'Metric',
      'metric',
      options.metric,
      options.metrics.map((m) => ({ value: m, label: m })),
      (metric) => onView({ metric }),
    ),
    select(
      'Colour by',
      'color',
      options.colorParam ?? '',
      varying.map((p) => ({ value: p, label: p })),
      (color) => onView({ color }),
    ),
    select(
      'Group',
      'group',
      view.group,
      [
        { value: 'none', label: 'each trial' },
        ...(options.hasSeeds ? [{ value: 'config', label: 'configuration (mean across seeds)' }] : []),
        ...varying.map((p) => ({ value: p, label: `by ${p} (mean and band)` })),
      ],
      (group) => onView({ group }),
    ),
    view.group === 'none'
      ? null
      : select(
          'Band',
          'band',
          view.band,
          [
            { value: 'ci', label: '95% interval of the mean' },
            { value: 'range', label: 'lowest to highest' },
          ],
          (band) => onView({ band: band === 'range' ? 'range' : 'ci' }),
        ),
    h(
      'label',
      {
        class: 'control',
        title: train
          ? `draw ${train} dotted beside ${options.metric}`
          : 'only for a validation metric whose training metric is recorded',
      },
      h('input', {
        type: 'checkbox',
        name: 'train',
        checked: view.train && train !== undefined,
        disabled: train === undefined,
        onchange: (e: Event) => onView({ train: (e.target as HTMLInputElement).checked }),
      }),
      ` training curves${train ? ` (${train})` : ''}`,
    ),
    h(
      'label',
      {
        class: 'control',
        title: 'exponential moving average, as TensorBoard and W&B smooth; the raw curve stays faint behind',
      },
      'Smoothing ',
      h('input', {
        type: 'range',
        name: 'smooth',
        min: '0',
        max: '0.99',
        step: '0.01',
        value: String(view.smooth),
        onchange: (e: Event) => onView({ smooth: Number((e.target as HTMLInputElement).value) }),
      }),
      ` ${view.smooth.toFixed(2)}`,
    ),
    h(
      'label',
      { class: 'control' },
      h('input', {
        type: 'checkbox',
        name: 'logy',
        checked: view.logY,
        onchange: (e: Event) => onView({ logY: (e.target as HTMLInputElement).checked }),
      }),
      ' log scale',
    ),
    select(
      'x',
      'xaxis',
      view.xAxis,
      [
        { value: 'epoch', label: 'epoch' },
        { value: 'time', label: 'time since start' },
      ],
      (xAxis) => onView({ xAxis: xAxis === 'time' ? 'time' : 'epoch' }),
    ),
    select(
      'Highlight',
      'top',
      String(view.top),
      TOP_CHOICES.map((k) => ({ value: String(k), label: k === 0 ? 'no trials' : `the ${k} best` })),
      (top) => onView({ top: Number(top) }),
    ),
    view.top > 0
      ? h(
          'label',
          { class: 'control' },
          h('input', {
            type: 'checkbox',
            name: 'toponly',
            checked: view.topOnly,
            onchange: (e: Event) => onView({ topOnly: (e.target as HTMLInputElement).checked }),
          }),
          ' only them in the table',
        )
      : null,
    h(
      'label',
      { class: 'control' },
      h('input', {
        type: 'checkbox',
        name: 'isolate',
        checked: view.isolate,
        onchange: (e: Event) => onView({ isolate: (e.target as HTMLInputElement).checked }),
      }),
      ' only selected trials',
    ),
  );
}
