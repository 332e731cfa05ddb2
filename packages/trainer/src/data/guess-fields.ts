import { DataError } from '@embsweep/core';
import { fileRows } from './file-dataset.js';

/** Which field of a user's data file holds the text and which the label, and how sure we are. */
export interface GuessedFields {
  readonly format: 'csv' | 'jsonl';
  readonly fields: readonly string[];
  readonly textField: string;
  readonly labelField: string;
  readonly examples: number;
  readonly classes: number;
}

const TEXT_NAMES = [
  'text',
  'sentence',
  'review',
  'message',
  'body',
  'content',
  'document',
  'comment',
  'tweet',
];
const LABEL_NAMES = ['label', 'labels', 'class', 'category', 'target', 'sentiment', 'y', 'tag'];

/**
 * Reads a CSV (with a header) or JSON Lines file and picks its text and label fields for a
 * starter sweep: a field with a usual name first (text, review, ...; label, class, ...), else
 * the text is the field with the longest values and the label the one with the fewest distinct
 * values (at least two). A DataError when the file cannot be read or has no two such fields.
 */
export function guessFields(path: string): GuessedFields {
  const format = /\.jsonl?$/i.test(path) || /\.ndjson$/i.test(path) ? 'jsonl' : 'csv';
  const rows = fileRows(path, format);
  if (rows.length === 0) throw new DataError(`data file ${path} has no examples`);
  const fields = Object.keys(rows[0]?.row ?? {});
  const stats = fields.map((name) => {
    const values = rows.map(({ row }) => (Object.hasOwn(row, name) ? row[name] : undefined));
    const texts = values.map((v) =>
      typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v),
    );
    return {
      name,
      meanLength: texts.reduce((n, t) => n + t.length, 0) / texts.length,
      distinct: new Set(texts).size,
    };
  });
  const byName = (names: readonly string[], exclude?: string) =>
    names.flatMap((n) => stats.filter((s) => s.name.toLowerCase() === n && s.name !== exclude))[0];
  const text = byName(TEXT_NAMES) ?? [...stats].sort((a, b) => b.meanLength - a.meanLength)[0];
  const label =
    byName(LABEL_NAMES, text?.name) ??
    [...stats]
      .filter((s) => s.name !== text?.name && s.distinct >= 2)
      .sort((a, b) => a.distinct - b.distinct)[0];
  if (text === undefined || label === undefined)
    throw new DataError(
      `data file ${path} needs a text field and a label field; it has ${fields.length === 0 ? 'no fields' : `only ${fields.join(', ')}`}`,
    );
  return {
    format,
    fields,
    textField: text.name,
    labelField: label.name,
    examples: rows.length,
    classes: label.distinct,
  };
}
