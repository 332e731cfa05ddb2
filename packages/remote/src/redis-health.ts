import type { Redis } from 'ioredis';
import { redactUrl } from './redis-connection.js';

/**
 * Follows whether a set of connections can reach Redis, and calls `onGone` once they have
 * been unable to for `giveUpMs` (a Redis restart is waited out; one gone for good is not).
 */
export class RedisHealth {
  private unreachableSince: number | undefined;
  private lastError = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connections: readonly Redis[],
    private readonly url: string,
    private readonly giveUpMs: number,
    private readonly onGone: (why: string) => void,
  ) {
    for (const connection of connections) {
      connection.on('error', (error: Error) => this.noteError(error));
      connection.on('ready', () => (this.unreachableSince = undefined));
    }
  }

  /** Whether every connection is up now. */
  get reachable(): boolean {
    return this.unreachableSince === undefined;
  }

  noteError(error: Error): void {
    this.lastError = error.message;
    if (this.connections.some((c) => c.status !== 'ready')) this.unreachableSince ??= Date.now();
  }

  start(): void {
    this.timer = setInterval(() => this.check(), 1_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private check(): void {
    const since = this.unreachableSince;
    if (since === undefined || Date.now() - since < this.giveUpMs) return;
    this.stop();
    this.onGone(
      `Redis at ${redactUrl(this.url)} has been unreachable for ${Math.round(this.giveUpMs / 1000)} s (${this.lastError}); the sweep stops. What is recorded stays; start Redis again and run the same command to resume`,
    );
  }
}
