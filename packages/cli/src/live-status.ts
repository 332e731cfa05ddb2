import { hostname } from 'node:os';
import type { Store, TrialRecord } from '@embsweep/core';

/** What the status line shows; computed from the store, so it is the same truth as the database. */
export function statusText(
  trials: readonly TrialRecord[],
  latest: ReadonlyMap<number, { epoch: number; value: number }>,
  metric: string,
  goal: 'minimize' | 'maximize',
  elapsedMs: number,
  /** The scheduler's machine: a trial running on another one shows where (`#3@gpu-box`). */
  localHost?: string,
): string {
  const count = (state: string) => trials.filter((t) => t.state === state).length;
  const done = count('completed') + count('pruned') + count('failed');
  const running = trials.filter((t) => t.state === 'running');
  const bests = trials.map((t) => t.bestValue).filter((v): v is number => v !== null);
  const best =
    bests.length === 0 ? '-' : (goal === 'minimize' ? Math.min(...bests) : Math.max(...bests)).toPrecision(4);
  const remaining = trials.length - done;
  const eta = done === 0 ? '?' : clock((elapsedMs / done) * remaining);
  const runningText = running
    .map((t) => {
      const last = latest.get(t.id);
      const where =
        t.workerHost !== null && t.workerHost !== undefined && t.workerHost !== localHost
          ? `@${t.workerHost}`
          : '';
      return last
        ? `#${t.index + 1}${where} ep ${last.epoch} ${last.value.toPrecision(3)}`
        : `#${t.index + 1}${where} starting`;
    })
    .join(', ');
  return `${done}/${trials.length} done (${count('completed')} ok, ${count('pruned')} pruned, ${count('failed')} failed), ${count('pending')} pending | running: ${runningText || '-'} | best ${metric} ${best} | ${clock(elapsedMs)} elapsed, ETA ${eta}`;
}

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The live view of `embsweep run` on a terminal: one status line at the bottom, redrawn twice
 * a second from the store, with log lines printed above it. Off a terminal it is not used and
 * the log lines alone tell the story.
 */
export class LiveStatus {
  private timer: NodeJS.Timeout | undefined;
  private line = '';
  private readonly started = Date.now();

  constructor(
    private readonly write: (text: string) => void,
    private readonly columns: () => number,
    private readonly store: Store,
    private readonly sweepName: string,
    private readonly metric: string,
    private readonly goal: 'minimize' | 'maximize',
  ) {}

  start(): void {
    this.timer = setInterval(() => this.redraw(), 500);
  }

  /** Prints a log line above the status line. */
  log(text: string): void {
    this.write(`\r\x1b[K${text}`);
    this.write(this.line);
  }

  stop(): void {
    clearInterval(this.timer);
    this.write('\r\x1b[K');
  }

  private redraw(): void {
    const sweep = this.store.getSweep(this.sweepName);
    if (sweep === undefined) return;
    const trials = this.store.listTrials(sweep.id);
    const latest = new Map<number, { epoch: number; value: number }>();
    for (const t of trials.filter((t) => t.state === 'running')) {
      const curve = this.store.trialCurves(t.id).find((c) => c.name === this.metric);
      const epoch = curve?.steps.at(-1);
      const value = curve?.values.at(-1);
      if (epoch !== undefined && value !== undefined) latest.set(t.id, { epoch, value });
    }
    const text = statusText(trials, latest, this.metric, this.goal, Date.now() - this.started, hostname());
    this.line = text.length > this.columns() - 1 ? `${text.slice(0, this.columns() - 2)}…` : text;
    this.write(`\r\x1b[K${this.line}`);
  }
}
