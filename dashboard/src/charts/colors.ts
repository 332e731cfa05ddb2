/**
 * Colours for parameter values. Ordered (numeric) values get a sequential scale from dark blue
 * to yellow, so "wider" reads as "warmer"; other values get distinct categorical colours.
 */
const SEQUENTIAL = ['#440154', '#3b528b', '#21918c', '#5ec962', '#b5de2b', '#fde725'];
const CATEGORICAL = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** A function from value to colour for the given distinct values (in their display order). */
export function colorScale(values: readonly unknown[]): (value: unknown) => string {
  const rank = new Map(values.map((v, i) => [keyOf(v), i]));
  const numeric = values.length > 0 && values.every((v) => typeof v === 'number');
  return (value) => {
    const i = rank.get(keyOf(value)) ?? -1;
    if (i < 0) return '#999999';
    if (!numeric) return CATEGORICAL[i % CATEGORICAL.length] ?? '#999999';
    return interpolate(values.length === 1 ? 0.5 : i / (values.length - 1));
  };
}

/** A colour on the sequential scale for a position from 0 to 1. */
export function interpolate(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (SEQUENTIAL.length - 1);
  const i = Math.min(SEQUENTIAL.length - 2, Math.floor(x));
  const a = rgb(SEQUENTIAL[i] ?? '#000000');
  const b = rgb(SEQUENTIAL[i + 1] ?? '#000000');
  const f = x - i;
  const mix = a.map((c, k) => Math.round(c + ((b[k] ?? 0) - c) * f));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The colour with an alpha, for bands and faded lines. */
export function withAlpha(hex: string, alpha: number): string {
  const [r, g, b] = rgb(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

export function keyOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
