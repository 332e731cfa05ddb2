/** Where a command writes. The real process streams in production, buffers in tests. */
export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Folder that relative paths are resolved against. */
  readonly cwd: string;
  /** Whether standard error is a terminal (live views) or a pipe or file (log lines). */
  readonly isTerminal?: boolean;
  /** Resolves when what was written to `out` has been taken (backpressure for long outputs). */
  readonly drained?: () => Promise<void>;
}

export const PROCESS_IO: CommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTerminal: process.stderr.isTTY,
  drained: () =>
    process.stdout.writableNeedDrain
      ? new Promise((resolve) => process.stdout.once('drain', () => resolve()))
      : Promise.resolve(),
};

/**
 * Exit codes: 0 success, 1 the work failed, 2 the command line or an input file is wrong, 130
 * stopped by Ctrl-C (128 + SIGINT, as shells report it).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
