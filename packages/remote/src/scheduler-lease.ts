import { hostname } from 'node:os';
import { QueueError } from '@embsweep/core/errors';
import { processAlive } from '@embsweep/scheduler';
import type { Redis } from 'ioredis';

/** Who holds a sweep: one scheduler at a time applies its reports and creates its jobs. */
interface Holder {
  readonly pid: number;
  readonly host: string;
}

// Renews only a lease that is still ours: a scheduler that was stalled past the expiry must not
// take back a lease a new scheduler holds.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * The sweep's scheduler lease in Redis: taken at start, renewed while the scheduler runs,
 * released at the end. A lease left by a scheduler of this machine whose process is gone (it
 * was killed) is taken over at once; one held by a live scheduler is refused with a message.
 */
export class SchedulerLease {
  private readonly me = JSON.stringify({ pid: process.pid, host: hostname() } satisfies Holder);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly sweep: string,
    private readonly ttlMs: number,
    private readonly onLost: (why: string) => void,
  ) {}

  async take(): Promise<void> {
    const taken = await this.redis.set(this.key, this.me, 'PX', this.ttlMs, 'NX');
    if (taken !== 'OK') {
      const holder = parseHolder(await this.redis.get(this.key));
      if (holder !== undefined && !(holder.host === hostname() && !processAlive(holder.pid))) {
        throw new QueueError(
          'queue_busy',
          `another embsweep run (pid ${holder.pid} on ${holder.host}) is running sweep "${this.sweep}" with this results database through this Redis; wait for it to end, or stop it first`,
        );
      }
      await this.redis.set(this.key, this.me, 'PX', this.ttlMs);
    }
    this.timer = setInterval(() => void this.renew(), this.ttlMs / 3);
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    try {
      const renewed = await this.redis.eval(RENEW, 1, this.key, this.me, this.ttlMs);
      if (renewed === 0)
        this.onLost('another scheduler took over the sweep (this one was unreachable too long)');
    } catch {
      // Redis is away; the executor notices and decides when it has been away too long.
    }
  }

  async release(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.eval(RELEASE, 1, this.key, this.me);
  }
}

function parseHolder(text: string | null): Holder | undefined {
  try {
    const holder = JSON.parse(text ?? '') as Holder;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? holder : undefined;
  } catch {
    return undefined;
  }
}
