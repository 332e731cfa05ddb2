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
  let res: Response;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(
      0,
      'offline',
      'The dashboard server does not answer. Is "embsweep dashboard" still running?',
    );
  }
  const body = (await res.json().catch(() => undefined)) as T | ErrorResponse | undefined;
  if (!res.ok) {
    const error = (body as ErrorResponse | undefined)?.error;
    throw new ApiError(
      res.status,
      error?.code ?? 'http_error',
      error?.message ?? `The server answered ${res.status}.`,
    );
  }
  return body as T;
}

export const enc = encodeURIComponent;
