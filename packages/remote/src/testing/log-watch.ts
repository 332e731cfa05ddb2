import type { Logger } from '@embsweep/core';

/** Log lines gathered from a logger or a process, and waits for a line that matches. */
export class LogWatch {
  private text = '';
  private readonly waiters: { readonly pattern: RegExp; readonly resolve: (match: string) => void }[] = [];

  add(chunk: string): void {
    this.text += chunk;
    for (const waiter of [...this.waiters]) {
      const match = this.text.match(waiter.pattern);
      if (match === null) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(match[0]);
    }
  }

  /** Resolves with the first match of `pattern` in everything logged so far or later. */
  until(pattern: RegExp): Promise<string> {
    const match = this.text.match(pattern);
    if (match !== null) return Promise.resolve(match[0]);
    return new Promise((resolve) => this.waiters.push({ pattern, resolve }));
  }

  all(): string {
    return this.text;
  }

  /** A logger that writes here (debug lines too). */
  logger(): Logger {
    const line = (message: string) => this.add(`${message}\n`);
    return { debug: line, info: line, warn: line, error: line };
  }
}
