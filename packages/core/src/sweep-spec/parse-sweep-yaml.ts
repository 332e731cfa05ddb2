import {
  Alias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from 'yaml';
import { ConfigError } from '../errors.js';
import { formatJsonPath } from '../json-path.js';
import type { ParsedJson } from './parse-sweep-json.js';

type Location = { readonly line: number; readonly column: number };

/**
 * Parses a YAML sweep file (W&B's own format) into the same form as parseSweepJson, so the same
 * validation runs on it: with the numbers written as real literals (`1.0`, `1e-3`) told from
 * integer ones (`1`), as YAML itself tells them apart, and with where each value starts, so
 * that every validation error names its line and column. YAML 1.2 core schema (`yes` is text,
 * not true); duplicate keys, several documents and keys that are not text are errors.
 */
export function parseSweepYaml(text: string, sourceName = 'the sweep file'): ParsedJson {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const at = (offset: number): Location => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const fail = (message: string, offset: number | undefined): never => {
    const where = offset === undefined ? '' : ` (line ${at(offset).line}, column ${at(offset).column})`;
    throw new ConfigError([{ path: '', message: `${message}${where}` }], `${sourceName} is not valid YAML`);
  };
  if (!Array.isArray(docs)) return fail('empty', undefined);
  if (docs.length === 0) return fail('the file is empty; a sweep file is a mapping of keys', undefined);
  if (docs.length > 1) return fail('one sweep per file: found several YAML documents', docs[1]?.range[0]);
  const doc = docs[0] as Document.Parsed;
  const error = doc.errors[0];
  if (error !== undefined) return fail(error.message.split('\n')[0] ?? error.message, error.pos[0]);
  const realLiteralPaths = new Set<string>();
  const locations = new Map<string, Location>();
  const walker = { text, doc, at, reals: realLiteralPaths, locations, fail, depth: 0 };
  const value = toPlain(doc.contents, [], walker);
  return { value, realLiteralPaths, locations };
}

interface Walker {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly at: (offset: number) => Location;
  readonly reals: Set<string>;
  readonly locations: Map<string, Location>;
  readonly fail: (message: string, offset: number | undefined) => never;
  depth: number;
}

/** Aliases may nest; a sweep file never needs this many, and a "billion laughs" file would. */
const MAX_ALIAS_DEPTH = 20;

function toPlain(node: Node | null, path: (string | number)[], w: Walker): unknown {
  if (node === null) return null;
  const key = formatJsonPath(path);
  if (node.range) w.locations.set(key, w.at(node.range[0]));
  if (node instanceof Alias) {
    if (w.depth >= MAX_ALIAS_DEPTH) return w.fail('aliases nest too deep', node.range?.[0]);
    w.depth += 1;
    const target = node.resolve(w.doc) as Node | undefined;
    const value = toPlain(target ?? null, path, w);
    w.depth -= 1;
    return value;
  }
  if (isScalar(node)) {
    if (typeof node.value === 'number' && node.range) {
      const literal = w.text.slice(node.range[0], node.range[1]);
      if (/[.eE]|inf|nan/i.test(literal)) w.reals.add(key);
    }
    return node.value;
  }
  if (isSeq(node)) return node.items.map((item, i) => toPlain(item as Node | null, [...path, i], w));
  if (isMap(node)) {
    // Every key becomes an own property, "__proto__" included, as the JSON reader does.
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const name = isScalar(keyNode) ? keyNode.value : undefined;
      if (typeof name !== 'string' && typeof name !== 'number')
        return w.fail('a key must be text', keyNode?.range?.[0]);
      const childPath = [...path, String(name)];
      const value = toPlain(pair.value as Node | null, childPath, w);
      // An entry is found by its key: the line a person looks for, and where a bad key is.
      if (keyNode?.range) w.locations.set(formatJsonPath(childPath), w.at(keyNode.range[0]));
      Object.defineProperty(out, String(name), {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return w.fail('unsupported YAML node', undefined);
}
