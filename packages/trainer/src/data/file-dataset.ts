import { readFileSync, statSync } from 'node:fs';
import { DataError, decodeUtf8Text, type FileDatasetSpec } from '@embsweep/core';
import { parseCsv } from './parse-csv.js';
import type { LabeledTexts } from './labeled-texts.js';

/** One example as read from the file, before its fields are checked. */
export interface RawRow {
  readonly line: number;
  readonly row: Readonly<Record<string, unknown>>;
}

/**
 * A user's own data: CSV with a header row, or JSON Lines (one object per line), in UTF-8 (a
 * byte-order mark is fine). Every problem is a DataError naming the file, the line and what to
 * do: a missing file, a path that is not a regular file, UTF-16 or invalid UTF-8, a missing or
 * empty field, a duplicated CSV column, labels that are not class labels, no text at all.
 * Fields are looked up as the row's own properties only, so a field named "toString" or
 * "constructor" is just a name. (Class counts are checked after loading, for every source.)
 */
export function fileTexts(spec: FileDatasetSpec, path: string): LabeledTexts {
  const rows = fileRows(path, spec.format);
  const texts: string[] = [];
  const labels: string[] = [];
  for (const { line, row } of rows) {
    texts.push(textOf(field(row, spec.text_field, 'text_field', line, path)));
    labels.push(
      labelOf(field(row, spec.label_field, 'label_field', line, path), spec.label_field, line, path),
    );
  }
  if (texts.length === 0) throw new DataError(`data file ${path} has no examples`);
  if (texts.every((t) => t.trim() === '')) {
    throw new DataError(
      `data file ${path}: every text in the field "${spec.text_field}" is empty; check dataset.text_field`,
    );
  }
  return { texts, labels };
}

/** The examples of a CSV or JSON Lines file as rows of fields, with the line each starts on. */
export function fileRows(path: string, format: 'csv' | 'jsonl'): RawRow[] {
  const content = readText(path);
  return format === 'csv' ? csvRows(content, path) : jsonlRows(content, path);
}

function readText(path: string): string {
  let bytes: Buffer;
  try {
    if (!statSync(path).isFile()) {
      throw new DataError(
        `data file ${path} is not a regular file (a folder, device or pipe); point dataset.path at a CSV or JSON Lines file`,
      );
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof DataError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataError(
      code === 'ENOENT'
        ? `data file ${path} does not exist; check dataset.path (relative paths are relative to the sweep file)`
        : `cannot read data file ${path}: ${(error as Error).message}`,
    );
  }
  const decoded = decodeUtf8Text(bytes);
  if (!decoded.ok) throw new DataError(`data file ${path}: ${decoded.reason}`);
  return decoded.text;
}

/** The row's own field, or a DataError naming the fields it has. */
function field(
  row: Readonly<Record<string, unknown>>,
  name: string,
  key: 'text_field' | 'label_field',
  line: number,
  path: string,
): unknown {
  if (Object.hasOwn(row, name)) return row[name];
  throw new DataError(
    `${path}, line ${line}: no field "${name}" (the fields are: ${Object.keys(row).join(', ') || 'none'}); set dataset.${key}`,
  );
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/** A class label: text, a whole number or a boolean; anything else is refused, saying why. */
function labelOf(value: unknown, name: string, line: number, path: string): string {
  const at = `${path}, line ${line}: the label field "${name}"`;
  if (typeof value === 'string') {
    if (value.trim() === '') throw new DataError(`${at} is empty`);
    return value;
  }
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    throw new DataError(
      `${at} holds ${value}, which is not a class label: a classifier needs text or whole numbers. This looks like a regression target; embsweep's models classify`,
    );
  }
  if (value === null || value === undefined) throw new DataError(`${at} is empty`);
  throw new DataError(
    `${at} holds ${Array.isArray(value) ? 'a list' : 'an object'}; a label must be text or a whole number`,
  );
}

function csvRows(content: string, path: string): RawRow[] {
  const records = parseCsv(content, path);
  const header = records[0];
  if (header === undefined) return [];
  const seen = new Map<string, number>();
  header.cells.forEach((name, i) => {
    const first = seen.get(name);
    if (first !== undefined) {
      throw new DataError(
        `${path}, line ${header.line}: the header names the column "${name}" twice (columns ${first + 1} and ${i + 1}); give every column its own name`,
      );
    }
    seen.set(name, i);
  });
  return records.slice(1).map(({ line, cells }) => {
    if (cells.length !== header.cells.length) {
      throw new DataError(
        `${path}, line ${line}: ${cells.length} columns, but the header has ${header.cells.length}`,
      );
    }
    const row: Record<string, unknown> = {};
    header.cells.forEach((name, i) =>
      Object.defineProperty(row, name, {
        value: cells[i],
        enumerable: true,
        writable: true,
        configurable: true,
      }),
    );
    return { line, row };
  });
}

function jsonlRows(content: string, path: string): RawRow[] {
  const out: RawRow[] = [];
  content.split('\n').forEach((text, i) => {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text); // JSON.parse makes every key, "__proto__" too, an own property
    } catch (error) {
      throw new DataError(`${path}, line ${i + 1}: not valid JSON (${(error as Error).message})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new DataError(`${path}, line ${i + 1}: each line must be a JSON object`);
    }
    out.push({ line: i + 1, row: value as Record<string, unknown> });
  });
  return out;
}
