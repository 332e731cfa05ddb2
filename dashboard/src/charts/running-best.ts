import type { TrialRow } from '@embsweep/server';

/**
 * The best value found so far, trial by trial (x: trial number from 1): only completed trials
 * move it, as a pruned trial's value is partial. Starts at the first completed trial.
 */
export function runningBest(
  trials: readonly TrialRow[],
  goal: 'minimize' | 'maximize',
): { x: number; y: number }[] {
  const ordered = trials.filter((t) => t.bestValue !== null).sort((a, b) => a.index - b.index);
  const better = (a: number, b: number) => (goal === 'maximize' ? a > b : a < b);
  const out: { x: number; y: number }[] = [];
  let best: number | undefined;
  for (const t of ordered) {
    if (t.state === 'completed' && t.bestValue !== null && (best === undefined || better(t.bestValue, best)))
      best = t.bestValue;
    if (best !== undefined) out.push({ x: t.index + 1, y: best });
  }
  return out;
}
