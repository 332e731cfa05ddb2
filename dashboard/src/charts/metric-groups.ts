/**
 * Which chart of the trial page a metric belongs on: metrics of one kind share an axis, and
 * no two kinds do (a loss of 0.4 beside 2,000,000 tokens/s would be a flat line at zero).
 * Losses come first and are drawn largest; then accuracy, the regularisation penalty, the
 * embedding diagnostics, then speed, time and memory. A metric of no known kind gets a chart
 * of its own.
 */
export interface MetricGroup {
  readonly key: string;
  readonly title: string;
}

const KINDS: readonly (MetricGroup & { readonly test: (metric: string) => boolean })[] = [
  { key: 'loss', title: 'loss', test: (m) => /(^|_)loss$/.test(m) && m !== 'reg_loss' },
  { key: 'accuracy', title: 'accuracy', test: (m) => /(^|_)acc$/.test(m) },
  { key: 'regularisation', title: 'regularisation penalty', test: (m) => m === 'reg_loss' },
  { key: 'gap', title: 'generalization gap', test: (m) => /_gap$/.test(m) },
  { key: 'norms', title: 'embedding row norms', test: (m) => m.startsWith('emb_norm_') },
  { key: 'rank', title: 'effective rank of the embedding', test: (m) => m === 'emb_effective_rank' },
  {
    key: 'shares',
    title: 'embedding: top-10% variance share, movement, drift',
    test: (m) => ['emb_top10_variance', 'emb_movement', 'emb_drift'].includes(m),
  },
  { key: 'speed', title: 'tokens per second', test: (m) => /per_s$|_per_second$/.test(m) },
  { key: 'time', title: 'seconds', test: (m) => /(_s|_seconds)$/.test(m) },
  { key: 'memory', title: 'tensors and memory', test: (m) => /tensors|rss|bytes|memory/.test(m) },
];

export function metricGroup(metric: string): MetricGroup {
  const kind = KINDS.find((k) => k.test(metric));
  return kind ? { key: kind.key, title: kind.title } : { key: `other:${metric}`, title: metric };
}

/** The metrics grouped into charts, in the order above (unknown kinds last, by name). */
export function groupMetrics<T extends { readonly metric: string }>(
  series: readonly T[],
): [MetricGroup, T[]][] {
  const groups = new Map<string, [MetricGroup, T[]]>();
  for (const s of series) {
    const group = metricGroup(s.metric);
    const entry = groups.get(group.key) ?? [group, []];
    entry[1].push(s);
    groups.set(group.key, entry);
  }
  const rank = (key: string) => {
    const i = KINDS.findIndex((k) => k.key === key);
    return i === -1 ? KINDS.length : i;
  };
  return [...groups.values()].sort(
    (a, b) => rank(a[0].key) - rank(b[0].key) || a[0].key.localeCompare(b[0].key),
  );
}
