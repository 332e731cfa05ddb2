import type { Redis } from 'ioredis';
import type { Report } from './protocol.js';
import { fromWire } from './wire-json.js';

/** The consumer group and the one consumer that read a sweep's reports (one scheduler per sweep). */
const GROUP = 'scheduler';
const CONSUMER = 'scheduler';

type StreamReply = [string, [string, string[]][]][] | null;

/**
 * Reads a sweep's report stream through a consumer group, so reports are durable and
 * acknowledged: each is handed to `apply`, which records it (synchronously, in SQLite) and
 * throws if it could not; only then is it acknowledged and deleted. Reports the scheduler did
 * not acknowledge before it died are read again first when the next one starts.
 */
export class ReportReader {
  private running = false;
  private loop: Promise<void> | undefined;
  /** Resolves on close(): a read waiting on an unreachable Redis must not hold the close up. */
  private closing: () => void = () => undefined;
  private readonly closed = new Promise<void>((resolve) => (this.closing = resolve));
  private groupReady = false;

  constructor(
    /** A connection of its own: XREADGROUP blocks it. */
    private readonly redis: Redis,
    private readonly stream: string,
    private readonly apply: (report: Report) => void,
    private readonly onError: (error: Error) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.readAll();
  }

  async close(): Promise<void> {
    this.running = false;
    this.closing();
    await this.loop;
  }

  private async readAll(): Promise<void> {
    let backlog = true; // first what was delivered before and never acknowledged
    while (this.running) {
      try {
        const entries = await Promise.race([
          this.ensureGroup().then(() => this.read(backlog ? '0' : '>')),
          this.closed.then(() => []),
        ]);
        if (backlog && entries.length === 0) backlog = false;
        for (const [id, fields] of entries) {
          if (!this.running) return;
          const report = decode(fields);
          // Something on the stream that is not a report is dropped rather than stall the sweep.
          if (report !== undefined && !this.applied(report)) {
            backlog = true; // it stays pending: read it again (with what follows it) in a moment
            await pause(200);
            break;
          }
          await Promise.race([
            this.redis.multi().xack(this.stream, GROUP, id).xdel(this.stream, id).exec(),
            this.closed,
          ]);
        }
      } catch (error) {
        if (!this.running) return;
        if (/NOGROUP/.test(String(error))) this.groupReady = false;
        backlog = true; // what was delivered and not acknowledged is pending: read from there again
        this.onError(error as Error);
        await pause(200);
      }
    }
  }

  private async read(from: '0' | '>'): Promise<[string, string[]][]> {
    const reply = (await this.redis.xreadgroup(
      'GROUP',
      GROUP,
      CONSUMER,
      'COUNT',
      200,
      'BLOCK',
      200,
      'STREAMS',
      this.stream,
      from,
    )) as StreamReply;
    return reply?.[0]?.[1] ?? [];
  }

  /** Hands a report to `apply`; false when it could not be recorded (it is not acknowledged). */
  private applied(report: Report): boolean {
    try {
      this.apply(report);
      return true;
    } catch {
      return false;
    }
  }

  private async ensureGroup(): Promise<void> {
    if (this.groupReady) return;
    try {
      await this.redis.xgroup('CREATE', this.stream, GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!/BUSYGROUP/.test(String(error))) throw error;
    }
    this.groupReady = true;
  }
}

function decode(fields: string[]): Report | undefined {
  try {
    const report = fromWire(fields[fields.indexOf('r') + 1] ?? 'null') as Partial<Report> | null;
    const valid =
      typeof report?.trialId === 'number' &&
      typeof report.attempt === 'number' &&
      typeof report.kind === 'string';
    return valid ? (report as Report) : undefined;
  } catch {
    return undefined;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
