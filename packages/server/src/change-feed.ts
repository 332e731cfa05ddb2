/**
 * Tells subscribers when the results database changed, so live pages read again. One timer
 * per server polls a cheap version number (SQLite's data_version, which moves whenever another
 * connection commits) and only while someone listens, so an idle dashboard costs nothing.
 */
export class ChangeFeed {
  private readonly listeners = new Set<(version: number) => void>();
  private timer: NodeJS.Timeout | undefined;
  private last: number | undefined;

  constructor(
    private readonly version: () => number,
    /** How often to look, in ms. Live pages promise changes within about a second. */
    private readonly intervalMs = 250,
  ) {}

  /** Calls `listener` after each change; returns the function that unsubscribes. */
  subscribe(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    if (this.timer === undefined) {
      this.last = this.version();
      this.timer = setInterval(() => this.poll(), this.intervalMs);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private poll(): void {
    const now = this.version();
    if (now === this.last) return;
    this.last = now;
    for (const listener of this.listeners) listener(now);
  }
}
