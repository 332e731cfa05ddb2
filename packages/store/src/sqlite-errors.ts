import { StoreError } from '@embsweep/core/errors';

/**
 * Turns SQLite's errors into StoreErrors that say what happened and what to do. Called around
 * every write, so a full disk is a clear message and never a half-written file (SQLite rolls
 * the transaction back).
 */
export function translateSqliteError(
  error: unknown,
  path: string,
  doing: 'read' | 'write' = 'write',
): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code === 'SQLITE_FULL') {
    return new StoreError(
      'store_full',
      `the results database ${path} is full (the disk or its size limit); nothing of the failed write was kept. Free disk space and run the command again`,
      { cause: error },
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new StoreError(
      'store_failed',
      `${path} is not an intact embsweep database (${code}); point --db at another file, or restore a backup`,
      { cause: error },
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(
      'store_failed',
      `the results database ${path} stayed locked by another process for too long; try again when it is done`,
      { cause: error },
    );
  }
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_IOERR')
  ) {
    return new StoreError(
      'store_failed',
      `cannot ${doing} the results database ${path} (${code}: ${(error as Error).message}): check the path and its permissions`,
      {
        cause: error,
      },
    );
  }
  return error;
}
