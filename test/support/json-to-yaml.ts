import { isLosslessNumber, parse } from 'lossless-json';

/**
 * Rewrites a JSON sweep file as block-style YAML the way a person would write it, keeping every
 * number's literal exactly as written (`1.0` stays `1.0`, so YAML reads it as real too) and
 * every string double-quoted (JSON's escapes are YAML's).
 */
export function jsonToYaml(jsonText: string): string {
  return `${emit(parse(jsonText), 0).trimEnd()}\n`;
}

function emit(node: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(node)) {
    if (node.length === 0) return '[]';
    return node.map((item) => `\n${pad}- ${emit(item, indent + 2).replace(/^\n\s*/, '')}`).join('');
  }
  if (node !== null && typeof node === 'object' && !isLosslessNumber(node)) {
    const entries = Object.entries(node);
    if (entries.length === 0) return '{}';
    return entries
      .map(([key, value]) => {
        const name = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
        const text = emit(value, indent + 2);
        return `\n${pad}${name}:${text.startsWith('\n') ? '' : ' '}${text}`;
      })
      .join('');
  }
  if (isLosslessNumber(node)) return node.value;
  return JSON.stringify(node);
}
