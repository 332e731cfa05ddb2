import { EmbsweepError } from '@embsweep/core';
import type { ErrorResponse } from './api-types.js';

/**
 * Turns any error into an HTTP status and a JSON body that says what is wrong, never a stack
 * trace: bad requests are 400, unknown sweeps and trials 404, everything else 500 with the
 * message only (the details go to the server's log).
 */
export function errorResponse(error: unknown): { status: number; body: ErrorResponse } {
  if (error instanceof EmbsweepError && (error.code === 'config_invalid' || error.code === 'not_found')) {
    const status = error.code === 'config_invalid' ? 400 : 404;
    return { status, body: { error: { code: error.code, message: withoutPaths(error.message) } } };
  }
  if (error instanceof EmbsweepError && error.code === 'store_gone') {
    return {
      status: 503,
      body: {
        error: {
          code: 'store_gone',
          message:
            'the results database was deleted or replaced while the dashboard served it; restart embsweep dashboard',
        },
      },
    };
  }
  const status = httpStatus(error);
  if (status !== undefined && status >= 400 && status < 500) {
    return {
      status,
      body: { error: { code: 'bad_request', message: withoutPaths((error as Error).message) } },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'the server could not answer; see its log for details' } },
  };
}

/**
 * A message with every absolute file path cut to its file name: an answer tells what is wrong,
 * not where the results live on this machine (the server's log has the paths).
 */
export function withoutPaths(message: string): string {
  return message.replace(/(?:\/[^\s/"'`;,()]+)+\/([^\s/"'`;,()]+)/g, '$1');
}

/** The status of errors that express's own middleware throws (e.g. a malformed URL). */
function httpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status =
    (error as { status?: unknown; statusCode?: unknown }).status ??
    (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}
