import type { ErrorResponse } from '@embsweep/server';

/** An answer of the API that was not a success, with the server's own explanation. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** GETs a JSON endpoint of the dashboard API; throws ApiError with the server's message. */
export async function getJson<T>(path: string): Promise<T> {
  const res = await request(path, 'application/json');
  const body = (await res.json().catch(() => undefined)) as T | ErrorResponse | undefined;
  if (!res.ok) throw apiError(res, body as ErrorResponse | undefined);
  return body as T;
}

/** GETs a binary answer (curves); errors come as JSON, like every other answer's. */
export async function getBinary(path: string): Promise<ArrayBuffer> {
  const res = await request(path, 'application/octet-stream');
  if (res.ok) return res.arrayBuffer();
  throw apiError(res, (await res.json().catch(() => undefined)) as ErrorResponse | undefined);
}

async function request(path: string, accept: string): Promise<Response> {
  try {
    return await fetch(path, { headers: { Accept: accept } });
  } catch {
    throw new ApiError(
      0,
      'offline',
      'The dashboard server does not answer. Is "embsweep dashboard" still running?',
    );
  }
}

function apiError(res: Response, body: ErrorResponse | undefined): ApiError {
  const error = body?.error;
  return new ApiError(
    res.status,
    error?.code ?? 'http_error',
    error?.message ?? `The server answered ${res.status}.`,
  );
}

export const enc = encodeURIComponent;
