import { UsageError } from './usage-error.js';

/** The --redis flag checked: a redis:// or rediss:// (TLS) URL; a password in it is fine. */
export function parseRedisUrl(value: unknown, command: string): string {
  if (typeof value !== 'string' || value === '')
    throw new UsageError('--redis must name a Redis server, e.g. redis://host:6379', command);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `--redis must be a URL such as redis://host:6379; got ${JSON.stringify(value)}`,
      command,
    );
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new UsageError(
      `--redis must start with redis:// (or rediss:// for TLS); got "${url.protocol}//..."`,
      command,
    );
  return value;
}

/** A whole number flag from 1 to `max`, or the fallback when it is not given. */
export function parseCount(
  value: unknown,
  fallback: number,
  flag: string,
  max: number,
  command: string,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(
      `${flag} must be a whole number from 1 to ${max}; got ${JSON.stringify(value)}`,
      command,
    );
  return n;
}
