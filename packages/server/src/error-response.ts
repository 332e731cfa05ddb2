import { EmbsweepError } from '@embsweep/core';
import type { ErrorResponse } from './api-types.js';

/**
 * Turns any error into an HTTP status and a JSON body that says what is wrong, never a stack
 * trace: bad requests are 400, unknown sweeps and trials 404, everything else 500 with the
 * message only (the details go to the server's log).
 */
export function errorResponse(error: unknown): { status: number; body: ErrorResponse } {
  if (error instanceof EmbsweepError) {
    const status = error.code === 'config_invalid' ? 400 : error.code === 'not_found' ? 404 : 500;
    return { status, body: { error: { code: error.code, message: error.message } } };
  }
  const status = httpStatus(error);
  if (status !== undefined && status >= 400 && status < 500) {
    return { status, body: { error: { code: 'bad_request', message: (error as Error).message } } };
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'the server could not answer; see its log for details' } },
  };
}

/** The status of errors that express's own middleware throws (e.g. a malformed URL). */
function httpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status =
    (error as { status?: unknown; statusCode?: unknown }).status ??
    (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}
