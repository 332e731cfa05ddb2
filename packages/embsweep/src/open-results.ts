import { ResultsReader } from '@embsweep/store';

export { compareSweep } from '@embsweep/store';

/**
 * Opens a results database for reading (never writing), as `embsweep show` and the dashboard
 * do: sweeps, trials, curves, the SQL views, and compareSweep(reader, name) for configurations
 * across seeds. Close it when done.
 */
export function openResults(db: string): ResultsReader {
  return ResultsReader.open(db);
}
