import type { CommandIo } from '../io.js';

/** One subcommand of `embsweep`: its name, its --help text and what it does. */
export interface Command {
  readonly name: string;
  /** The full --help text. */
  readonly help: string;
  /** Runs the command; returns the process exit code. Throws UsageError or EmbsweepError on bad input. */
  run(args: readonly string[], io: CommandIo): number | Promise<number>;
}
