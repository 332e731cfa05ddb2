import { Redis } from 'ioredis';
import { QueueError } from '@embsweep/core/errors';

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

/**
 * Waits until Redis answers, or fails after `withinMs` with a message that names the server
 * (without its password) and the last connection error.
 */
export async function reachRedis(redis: Redis, url: string, withinMs: number): Promise<void> {
  let lastError = '';
  const onError = (error: Error) => (lastError = error.message);
  redis.on('error', onError);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new QueueError(
            'queue_unavailable',
            `cannot reach Redis at ${redactUrl(url)} (${lastError || 'no answer'}); start it, or check --redis`,
          ),
        ),
      withinMs,
    );
  });
  try {
    await Promise.race([redis.ping(), deadline]);
  } catch (error) {
    if (error instanceof QueueError) throw error;
    // Redis answered, with a refusal (a wrong password, a replica that is loading...).
    throw new QueueError(
      'queue_unavailable',
      `Redis at ${redactUrl(url)} refused the connection: ${(error as Error).message}; check the password in --redis`,
    );
  } finally {
    clearTimeout(timer);
    redis.off('error', onError);
  }
}
