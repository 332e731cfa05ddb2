import type { RequestHandler } from 'express';

/**
 * Refuses requests whose Host header names another host than the one the server is bound to.
 * A web page on another site can make a browser send requests to 127.0.0.1 by pointing its own
 * DNS name there (DNS rebinding); such requests carry that site's name in Host, so checking
 * Host keeps the results database readable only by pages the user opened on this server.
 */
export function hostCheck(allowed: ReadonlySet<string> | 'any'): RequestHandler {
  return (req, res, next) => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (allowed === 'any' || allowed.has(host)) return next();
    res.status(403).json({
      error: {
        code: 'host_rejected',
        message: `this dashboard answers only requests for ${[...allowed].join(' or ')}, not for "${host}"; open it by that address`,
      },
    });
  };
}

/** The Host header values that name a server bound to `host` on `port`. */
export function allowedHosts(host: string, port: number): ReadonlySet<string> | 'any' {
  if (host === '0.0.0.0' || host === '::') return 'any';
  const names = isLoopback(host)
    ? ['127.0.0.1', 'localhost', '[::1]']
    : [host.includes(':') ? `[${host}]` : host];
  return new Set(names.map((name) => `${name}:${port}`.toLowerCase()));
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
