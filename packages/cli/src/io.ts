/** Where a command writes. The real process streams in production, buffers in tests. */
export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Folder that relative paths are resolved against. */
  readonly cwd: string;
  /** Whether standard error is a terminal (live views) or a pipe or file (log lines). */
  readonly isTerminal?: boolean;
}

export const PROCESS_IO: CommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTerminal: process.stderr.isTTY,
};

/** Exit codes: 0 success, 1 the work failed, 2 the command line or an input file is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
