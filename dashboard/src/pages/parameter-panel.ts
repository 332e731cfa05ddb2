import type { ParameterSummary, SweepResponse, TrialFitRow, TrialRow } from '@embsweep/server';
import type { ParameterChart } from '../charts/parameter-chart.js';
import { SCATTER_FROM_VALUES, wantsLogAxis, type ScatterChart } from '../charts/scatter-chart.js';
import type { SweepView } from '../route.js';
import { fill, h } from '../ui/dom.js';
import { errorView } from '../ui/status-views.js';
import { parameterY, parameterYControls } from './parameter-y.js';

export interface ParameterPanel {
  readonly controls: HTMLElement;
  readonly paramBox: HTMLElement;
  readonly scatterBox: HTMLElement;
  readonly param: ParameterChart;
  readonly scatter: ScatterChart;
}

/**
 * The sweep metric (or gap, rank, value at an epoch) against one parameter the reader picks:
 * one line per value of a second parameter when the first has a few values, a scatter with a
 * point per trial when it is numeric with many (a continuous range).
 */
export function renderParameterPanel(
  panel: ParameterPanel,
  options: {
    readonly meta: SweepResponse;
    readonly vary: readonly ParameterSummary[];
    readonly colorParam: string | undefined;
    readonly all: readonly TrialRow[];
    readonly visible: readonly TrialRow[];
    readonly fit: ReadonlyMap<number, TrialFitRow>;
    readonly view: SweepView;
    readonly api: string;
    readonly onView: (patch: Partial<SweepView>) => void;
  },
): void {
  const { meta, vary, view, onView } = options;
  const x = view.x ?? options.colorParam ?? vary[0]?.name;
  const line =
    vary.find((p) => p.name !== x && p.name === options.colorParam)?.name ??
    vary.find((p) => p.name !== x)?.name;
  const values = (name: string | undefined) => meta.parameters.find((p) => p.name === name)?.values ?? [];
  const xValues = values(x);
  const scatter = xValues.length > SCATTER_FROM_VALUES && xValues.every((v) => typeof v === 'number');
  fill(
    panel.controls,
    h(
      'label',
      { class: 'control' },
      'Against ',
      h(
        'select',
        { name: 'x', onchange: (e: Event) => onView({ x: (e.target as HTMLSelectElement).value }) },
        vary.map((p) => h('option', { value: p.name, selected: p.name === x }, p.name)),
      ),
      line && !scatter ? ` · one line per ${line}` : '',
    ),
    ...parameterYControls(view, meta.sweep.metric, options.all, onView),
  );
  panel.paramBox.hidden = scatter;
  panel.scatterBox.hidden = !scatter;
  if (x === undefined) return;
  void parameterY(view, options.api, meta.sweep.metric, options.all, options.fit).then(
    (axis) =>
      scatter
        ? panel.scatter.update({
            yLabel: axis.label,
            value: axis.value,
            trials: options.visible,
            x,
            logX: wantsLogAxis(distributionOf(meta, x), xValues),
          })
        : panel.param.update({
            yLabel: axis.label,
            value: axis.value,
            partialApart: axis.partialApart,
            trials: options.visible,
            x,
            xValues,
            line,
            lineValues: values(line),
          }),
    (error: unknown) => panel.controls.append(errorView(error)),
  );
}

/** The distribution a top-level parameter was given in the sweep file, if any. */
export function distributionOf(meta: SweepResponse, name: string): string | undefined {
  const spec = meta.spec as { parameters?: Record<string, { distribution?: unknown }> } | null;
  const distribution = spec?.parameters?.[name]?.distribution;
  return typeof distribution === 'string' ? distribution : undefined;
}
