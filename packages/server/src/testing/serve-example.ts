import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SILENT_LOGGER, type Logger } from '@embsweep/core';
import { validateSweep } from '@embsweep/core/sweep-file';
import { ResultsReader } from '@embsweep/store';
import { fillExampleDatabase, makeTempDir } from '@embsweep/store/testing';
import { startServer, type RunningServer } from '../start-server.js';

/** The example sweep of the server's tests: 3 x 2 x 2 = 12 trials, one seed. */
export const EXAMPLE_SPEC = validateSweep({
  name: 'example',
  method: 'grid',
  metric: { name: 'val_loss', goal: 'minimize' },
  dataset: { source: 'synthetic' },
  parameters: {
    embedding_dim: { values: [4, 32, 128] },
    dropout: { values: [0, 0.5] },
    l2: { values: [0, 0.001] },
    epochs: { value: 8 },
  },
});

/**
 * A server on a free port over an example database (see fillExampleDatabase), with a static
 * folder holding a stand-in page and, beside that folder, a file that must never be served.
 */
export async function serveExample(logger: Logger = SILENT_LOGGER): Promise<{
  server: RunningServer;
  reader: ResultsReader;
  dbPath: string;
  base: string;
  close: () => Promise<void>;
}> {
  const dir = makeTempDir('server');
  const dbPath = join(dir, 'embsweep.db');
  fillExampleDatabase(dbPath, 'example', EXAMPLE_SPEC);
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>embsweep test page</title>');
  writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
  const reader = ResultsReader.open(dbPath);
  const server = await startServer({ reader, staticDir, logger, port: 0, liveIntervalMs: 50 });
  return {
    server,
    reader,
    dbPath,
    base: server.url.replace(/\/$/, ''),
    close: async () => {
      await server.close();
      reader.close();
    },
  };
}
