/**
 * Where library code reports what it does. Injected by the composition root (the CLI), so
 * libraries never write to the console themselves and tests can capture what was said.
 */
export interface Logger {
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void;
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** A logger that drops everything, for callers that have nowhere to report. */
export const SILENT_LOGGER: Logger = { debug() {}, info() {}, warn() {}, error() {} };
