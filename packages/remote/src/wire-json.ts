/**
 * JSON that keeps NaN and the infinities (a diverging trial reports them; plain JSON turns
 * them into null, which would read as a missing value).
 */
const NON_FINITE = '$nonfinite';

export function toWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? { [NON_FINITE]: String(v) } : v,
  );
}

export function fromWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && Object.hasOwn(v, NON_FINITE)) {
      return Number((v as Record<string, string>)[NON_FINITE]);
    }
    return v;
  });
}
