import { Redis } from 'ioredis';

/**
 * A connection to the Redis at `url` (redis://, or rediss:// for TLS; a password in the URL
 * works). Commands wait while the server is away and the client reconnects, as BullMQ needs.
 */
export function connectRedis(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    // Reconnect quickly at first, then every second: a restarted Redis is back within seconds.
    retryStrategy: (times) => Math.min(50 * times, 1000),
  });
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.href;
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
