import { isLosslessNumber, parse } from 'lossless-json';
import { ConfigError } from '../errors.js';
import { formatJsonPath } from '../json-path.js';

/**
 * A JSON document together with what `JSON.parse` forgets: which numbers were written as
 * real-number literals (`1.0`, `1e-3`) rather than integer literals (`1`).
 *
 * Why: W&B infers `int_uniform` from `{"min": 1, "max": 10}` and `uniform` from
 * `{"min": 1.0, "max": 10}` because YAML and Python keep `1` and `1.0` apart. JavaScript numbers
 * do not, so the sweep file is parsed losslessly and the literal form is kept beside the value.
 */
export interface ParsedJson {
  readonly value: unknown;
  /** Formatted JSON paths (see formatJsonPath) of numbers written with a `.`, `e` or `E`. */
  readonly realLiteralPaths: ReadonlySet<string>;
  /**
   * Where each formatted JSON path's value starts in the source (1-based), when the reader
   * knows it (the YAML reader does): validation errors then name the line and column.
   */
  readonly locations?: ReadonlyMap<string, { readonly line: number; readonly column: number }>;
}

/**
 * Parses sweep-file text. Called by the CLI at the edge, before validation.
 * Throws ConfigError naming the line and column of a syntax error or a duplicated key.
 */
export function parseSweepJson(text: string, sourceName = 'the sweep file'): ParsedJson {
  let raw: unknown;
  try {
    raw = parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // a byte-order mark is fine
  } catch (error) {
    throw new ConfigError(
      [{ path: '', message: describeSyntaxError(text, error) }],
      `${sourceName} is not valid JSON`,
    );
  }
  const realLiteralPaths = new Set<string>();
  const value = toPlain(raw, [], realLiteralPaths);
  return { value, realLiteralPaths };
}

function toPlain(node: unknown, path: (string | number)[], reals: Set<string>): unknown {
  if (isLosslessNumber(node)) {
    if (/[.eE]/.test(node.value)) reals.add(formatJsonPath(path));
    return Number(node.value);
  }
  if (Array.isArray(node)) return node.map((item, i) => toPlain(item, [...path, i], reals));
  if (node !== null && typeof node === 'object') {
    // Every key becomes an own property, "__proto__" included (an assignment would set the
    // prototype instead, and the sweep would inherit whatever it holds).
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(node)) {
      const value = toPlain(item, [...path, key], reals);
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return node;
}

function describeSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /at position (\d+)/.exec(message);
  if (!match?.[1]) return message;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${message.replace(/ at position \d+/, '')} (line ${line}, column ${column})`;
}
