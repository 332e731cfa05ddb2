import { EmbsweepError } from '@embsweep/core/errors';

/** A command line that cannot be run as written (unknown flag, missing argument). */
export class UsageError extends EmbsweepError {
  constructor(
    message: string,
    /** The subcommand whose --help to point at, if any. */
    readonly command?: string,
  ) {
    super('config_invalid', message);
  }
}
