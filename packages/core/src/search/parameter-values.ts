import type { FlatParameter } from '../sweep-spec/parameter-spec.js';

/**
 * The values of one configuration, shaped like the `parameters` tree: nested groups become
 * nested objects, as in a W&B run config. Constants are included.
 */
export type ParameterValues = Readonly<Record<string, unknown>>;

/** Builds the nested values object from leaf paths and their chosen values. */
export function buildValues(params: readonly FlatParameter[], chosen: readonly unknown[]): ParameterValues {
  const root: Record<string, unknown> = {};
  params.forEach(({ path }, i) => {
    let node = root;
    for (const key of path.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1] ?? ''] = chosen[i];
  });
  return root;
}

/**
 * A canonical text for a value: object keys sorted at every level, numbers as JSON writes
 * them (so 3 and 3.0 are one value, as in W&B's grid de-duplication). Used for identity.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
