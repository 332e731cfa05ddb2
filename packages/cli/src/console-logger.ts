import type { Logger } from '@embsweep/core';

/** The CLI's logger: one timestamped line per event on standard error; debug only when asked. */
export function consoleLogger(write: (text: string) => void, verbose: boolean): Logger {
  const line = (level: string, message: string) =>
    write(`${new Date().toISOString().slice(11, 19)} ${level}${message}\n`);
  return {
    debug: (message) => verbose && line('', message),
    info: (message) => line('', message),
    warn: (message) => line('warning: ', message),
    error: (message) => line('error: ', message),
  };
}
