import { formatTable } from './format-table.js';

export type Row = Readonly<Record<string, unknown>>;
export const ROW_FORMATS = ['table', 'json', 'csv'] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

/** Renders rows (objects with the same keys) as an aligned table, a JSON array, or RFC 4180 CSV. */
export function formatRows(columns: readonly string[], rows: readonly Row[], format: RowFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(
        rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null]))),
        null,
        2,
      );
    case 'csv':
      return [
        columns.map(csvCell).join(','),
        ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(',')),
      ].join('\n');
    case 'table':
      return formatTable(
        columns,
        rows.map((r) => columns.map((c) => showCell(r[c]))),
      );
  }
}

/** A value as a person reads it in a table: numbers to 6 significant digits, null as blank. */
export function showCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
