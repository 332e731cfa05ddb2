import type { AtEpochResponse, TrialFitRow, TrialRow } from '@embsweep/server';
import { getJson } from '../api.js';
import { PARAMETER_Y, type ParameterY, type SweepView } from '../route.js';
import { h } from '../ui/dom.js';

/**
 * What the parameter chart's y axis shows, chosen by the reader: each trial's best value of the
 * sweep's metric (completed trials in the lines, pruned ones apart as partial), the
 * generalization gap at its best epoch or its end, or the metric at a common epoch K that every
 * compared trial reached (pruned ones included: a like-for-like comparison).
 */
export interface ParameterAxis {
  readonly label: string;
  readonly value: (trial: TrialRow) => number | null;
  /** Pruned trials drawn apart as partial (false at a common epoch: they are alike there). */
  readonly partialApart: boolean;
}

export function yLabel(y: ParameterY, metric: string, epoch: number): string {
  switch (y) {
    case 'best':
      return `best ${metric}`;
    case 'gap_best':
      return 'loss gap (val_loss − loss) at the best epoch';
    case 'gap_end':
      return 'loss gap (val_loss − loss) at the last epoch';
    case 'rank_best':
      return 'effective rank of the embedding at the best epoch';
    case 'at_epoch':
      return `${metric} at epoch ${epoch}`;
  }
}

/** The epoch compared when the reader has not chosen one: the last that every trial with a value reached. */
export function defaultEpoch(trials: readonly TrialRow[]): number {
  const reached = trials.filter((t) => t.bestValue !== null).map((t) => t.epochsRun);
  return reached.length === 0 ? 1 : Math.max(1, Math.min(...reached));
}

export async function parameterY(
  view: SweepView,
  api: string,
  metric: string,
  all: readonly TrialRow[],
  fit: ReadonlyMap<number, TrialFitRow>,
): Promise<ParameterAxis> {
  const epoch = view.epoch ?? defaultEpoch(all);
  const label = yLabel(view.y, metric, epoch);
  switch (view.y) {
    case 'best':
      return { label, value: (t) => t.bestValue, partialApart: true };
    case 'gap_best':
      return { label, value: (t) => fit.get(t.id)?.lossGapAtBest ?? null, partialApart: true };
    case 'gap_end':
      return { label, value: (t) => fit.get(t.id)?.lossGapAtEnd ?? null, partialApart: true };
    case 'rank_best':
      return { label, value: (t) => fit.get(t.id)?.effectiveRankAtBest ?? null, partialApart: true };
    case 'at_epoch': {
      const answer = await getJson<AtEpochResponse>(`${api}/at-epoch?epoch=${epoch}`);
      const at = new Map(answer.trials.map((t) => [t.trialId, t.value]));
      return { label, value: (t) => at.get(t.id) ?? null, partialApart: false };
    }
  }
}

/** The "Show" select and, for a common epoch, the epoch to compare at. */
export function parameterYControls(
  view: SweepView,
  metric: string,
  all: readonly TrialRow[],
  onView: (patch: Partial<SweepView>) => void,
): HTMLElement[] {
  const epoch = view.epoch ?? defaultEpoch(all);
  const controls = [
    h(
      'label',
      { class: 'control' },
      'Show ',
      h(
        'select',
        {
          name: 'y',
          onchange: (e: Event) => onView({ y: (e.target as HTMLSelectElement).value as ParameterY }),
        },
        PARAMETER_Y.map((y) =>
          h(
            'option',
            { value: y, selected: y === view.y },
            y === 'at_epoch' ? `${metric} at a common epoch` : yLabel(y, metric, epoch),
          ),
        ),
      ),
    ),
  ];
  if (view.y === 'at_epoch')
    controls.push(
      h(
        'label',
        { class: 'control' },
        'epoch ',
        h('input', {
          type: 'number',
          name: 'epoch',
          min: '1',
          value: String(epoch),
          onchange: (e: Event) => {
            const value = Number((e.target as HTMLInputElement).value);
            if (Number.isInteger(value) && value >= 1) onView({ epoch: value });
          },
        }),
      ),
    );
  return controls;
}
