/**
 * The ids of the K best completed trials by the sweep's metric (ties: the earlier trial), what
 * the dashboard highlights and its table can be limited to. Pruned and failed trials never
 * count: their values are partial.
 */
export function topTrials(
  trials: readonly { readonly id: number; readonly state: string; readonly bestValue: number | null }[],
  k: number,
  goal: 'minimize' | 'maximize',
): Set<number> {
  const sign = goal === 'maximize' ? -1 : 1;
  return new Set(
    trials
      .filter((t) => t.state === 'completed' && t.bestValue !== null && Number.isFinite(t.bestValue))
      .sort((a, b) => sign * ((a.bestValue ?? 0) - (b.bestValue ?? 0)) || a.id - b.id)
      .slice(0, Math.max(0, k))
      .map((t) => t.id),
  );
}
