import { readFileSync } from 'node:fs';
import { DataError, type FileDatasetSpec } from '@embsweep/core';
import { parseCsv } from './parse-csv.js';
import type { LabeledTexts } from './labeled-texts.js';

/**
 * A user's own data: CSV with a header row, or JSON Lines (one object per line). Every problem
 * is a DataError naming the file, the line and what to do: a missing file or field, an empty
 * set. (Class checks happen after loading, for every source alike.)
 */
export function fileTexts(spec: FileDatasetSpec, path: string): LabeledTexts {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataError(
      code === 'ENOENT'
        ? `data file ${path} does not exist; check dataset.path (relative paths are relative to the sweep file)`
        : `cannot read data file ${path}: ${(error as Error).message}`,
    );
  }
  const rows = spec.format === 'csv' ? csvRows(content, path) : jsonlRows(content, path);
  const texts: string[] = [];
  const labels: string[] = [];
  for (const { line, row } of rows) {
    for (const field of [spec.text_field, spec.label_field]) {
      if (!(field in row)) {
        const fields = Object.keys(row);
        throw new DataError(
          `${path}, line ${line}: no field "${field}" (the fields are: ${fields.join(', ') || 'none'}); set dataset.${field === spec.text_field ? 'text_field' : 'label_field'}`,
        );
      }
    }
    const text = row[spec.text_field];
    const label = row[spec.label_field];
    const labelText = typeof label === 'string' ? label : JSON.stringify(label ?? '');
    if (label === null || label === undefined || labelText.trim() === '') {
      throw new DataError(`${path}, line ${line}: the label field "${spec.label_field}" is empty`);
    }
    texts.push(typeof text === 'string' ? text : JSON.stringify(text ?? ''));
    labels.push(labelText);
  }
  if (texts.length === 0) throw new DataError(`data file ${path} has no examples`);
  return { texts, labels };
}

function csvRows(content: string, path: string): { line: number; row: Record<string, unknown> }[] {
  const records = parseCsv(content, path);
  const header = records[0];
  if (header === undefined) return [];
  return records.slice(1).map(({ line, cells }) => {
    if (cells.length !== header.cells.length) {
      throw new DataError(
        `${path}, line ${line}: ${cells.length} columns, but the header has ${header.cells.length}`,
      );
    }
    return { line, row: Object.fromEntries(header.cells.map((name, i) => [name, cells[i]])) };
  });
}

function jsonlRows(content: string, path: string): { line: number; row: Record<string, unknown> }[] {
  const out: { line: number; row: Record<string, unknown> }[] = [];
  content.split('\n').forEach((text, i) => {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
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
