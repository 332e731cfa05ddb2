/** The most trials a scheduler runs at once, from the sweep file or the command line. */
export const MAX_CONCURRENCY = 256;
