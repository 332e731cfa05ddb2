import { ROW_FORMATS, type RowFormat } from './format-rows.js';
import { UsageError } from './usage-error.js';

/** The --format flag of the commands that print rows: table (the default), json or csv. */
export function parseFormat(
  value: unknown,
  command: string,
  allowed: readonly string[] = ROW_FORMATS,
): RowFormat {
  if (value === undefined) return 'table';
  if (typeof value === 'string' && allowed.includes(value)) return value as RowFormat;
  throw new UsageError(
    `--format must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`,
    command,
  );
}
