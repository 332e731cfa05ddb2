/** A location inside a JSON document, as the keys and indexes leading to it. */
export type JsonPath = readonly (string | number)[];

/**
 * Formats a path the way error messages show it: `parameters.dropout.max`, `seeds[2]`.
 * Keys that are not plain identifiers are quoted: `parameters["a b"]`.
 */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(part)) {
      out += out === '' ? part : `.${part}`;
    } else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}
