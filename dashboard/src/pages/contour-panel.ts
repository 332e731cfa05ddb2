import type { ParameterSummary, SweepResponse, TrialRow } from '@embsweep/server';
import type { ContourChart } from '../charts/contour-chart.js';
import { wantsLogAxis } from '../charts/scatter-chart.js';
import type { SweepView } from '../route.js';
import { distributionOf } from './parameter-panel.js';
import { fill, h } from '../ui/dom.js';

/**
 * The metric over two parameters the reader picks (embedding_dim x l2, say): two selects and
 * the contour. Hidden when fewer than two parameters vary.
 */
export function renderContourPanel(
  panel: { readonly controls: HTMLElement; readonly box: HTMLElement; readonly chart: ContourChart },
  options: {
    readonly meta: SweepResponse;
    readonly vary: readonly ParameterSummary[];
    readonly visible: readonly TrialRow[];
    readonly view: SweepView;
    readonly onView: (patch: Partial<SweepView>) => void;
  },
): void {
  const { meta, vary, view, onView } = options;
  const names = vary.map((p) => p.name);
  const x = view.contourX && names.includes(view.contourX) ? view.contourX : names[0];
  const y =
    view.contourY && names.includes(view.contourY) && view.contourY !== x
      ? view.contourY
      : names.find((n) => n !== x);
  panel.box.hidden = x === undefined || y === undefined;
  if (x === undefined || y === undefined) {
    panel.controls.replaceChildren();
    return;
  }
  const choose = (label: string, name: 'cx' | 'cy', value: string, other: string) =>
    h(
      'label',
      { class: 'control' },
      `${label} `,
      h(
        'select',
        {
          name,
          onchange: (e: Event) => {
            const chosen = (e.target as HTMLSelectElement).value;
            onView(name === 'cx' ? { contourX: chosen } : { contourY: chosen });
          },
        },
        names.filter((n) => n !== other).map((n) => h('option', { value: n, selected: n === value }, n)),
      ),
    );
  fill(
    panel.controls,
    h('span', { class: 'muted' }, `${meta.sweep.metric} over `),
    choose('x', 'cx', x, y),
    choose('y', 'cy', y, x),
  );
  const values = (name: string) => vary.find((p) => p.name === name)?.values ?? [];
  panel.chart.update({
    metric: meta.sweep.metric,
    goal: meta.sweep.goal,
    trials: options.visible,
    x,
    y,
    xValues: values(x),
    yValues: values(y),
    logX: wantsLogAxis(distributionOf(meta, x), values(x)),
    logY: wantsLogAxis(distributionOf(meta, y), values(y)),
  });
}
