import { join } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from '@embsweep/core';
import type { ResultsReader } from '@embsweep/store';
import { ChangeFeed } from './change-feed.js';
import { DashboardApi } from './dashboard-api.js';
import { errorResponse } from './error-response.js';
import { hostCheck } from './host-check.js';
import {
  parseCurveQuery,
  parseEpochQuery,
  parseArtifactName,
  parseTrialId,
  parseTrialQuery,
  DEFAULT_POINTS,
} from './request-params.js';

export interface AppOptions {
  /** A read-only connection to the results database; the server never writes. */
  readonly reader: ResultsReader;
  /** The built dashboard (index.html and its bundle). */
  readonly staticDir: string;
  readonly logger: Logger;
  /** Host header values to answer (see hostCheck); 'any' when bound to every interface. */
  readonly allowedHosts: ReadonlySet<string> | 'any';
  /** Poll interval of the live change feed, in ms. */
  readonly liveIntervalMs?: number;
}

/**
 * The dashboard's express app: the JSON API under /api (see docs/dashboard-api.md), live change
 * events, and the static page. Called by startServer; tests call it to serve on a free port.
 * The caller stops `feed` when it closes the server.
 */
export function createApp(options: AppOptions): { app: Express; feed: ChangeFeed } {
  const api = new DashboardApi(options.reader);
  const feed = new ChangeFeed(() => options.reader.dataVersion(), options.liveIntervalMs);
  const app = express();
  let goneLogged = false;
  app.set('query parser', 'simple');
  app.set('etag', false);
  app.use(
    helmet({
      // Plain http on this machine: no HSTS, and no upgrading of the page's own requests to https.
      strictTransportSecurity: false,
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  app.use(hostCheck(options.allowedHosts));
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    // A database deleted or replaced under us would be served stale without a word.
    options.reader.assertSameFile();
    next();
  });

  app.get('/api/sweeps', (_req, res) => {
    res.json(api.sweeps());
  });
  app.get('/api/sweeps/:sweep', (req, res) => {
    res.json(api.sweep(req.params.sweep));
  });
  app.get('/api/sweeps/:sweep/trials', (req, res) => {
    res.json(api.trials(req.params.sweep, parseTrialQuery(req.query)));
  });
  app.get('/api/sweeps/:sweep/curves', (req, res) => {
    const query = parseCurveQuery(req.query);
    if (query.format === 'binary') {
      const bytes = api.curvesBinary(req.params.sweep, query);
      res
        .type('application/octet-stream')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } else res.type('application/json').send(api.curvesJson(req.params.sweep, query));
  });
  app.get('/api/sweeps/:sweep/configurations', (req, res) => {
    res.json(api.configurations(req.params.sweep));
  });
  app.get('/api/sweeps/:sweep/at-epoch', (req, res) => {
    res.json(api.atEpoch(req.params.sweep, parseEpochQuery(req.query)));
  });
  app.get('/api/sweeps/:sweep/importance', (req, res) => {
    res.json(api.importance(req.params.sweep));
  });
  app.get('/api/sweeps/:sweep/fit', (req, res) => {
    res.json(api.fit(req.params.sweep));
  });
  app.get('/api/sweeps/:sweep/trials/:trial/artifacts', (req, res) => {
    res.json(api.artifacts(req.params.sweep, parseTrialId(req.params.trial)));
  });
  app.get('/api/sweeps/:sweep/trials/:trial/artifacts/:name', (req, res) => {
    const { kind, content } = api.artifact(
      req.params.sweep,
      parseTrialId(req.params.trial),
      parseArtifactName(req.params.name),
    );
    res.type(kind === 'json' ? 'application/json' : 'application/octet-stream').send(content);
  });
  app.get('/api/sweeps/:sweep/trials/:trial', (req, res) => {
    const { points } = parseCurveQuery(req.query);
    res.json(api.trial(req.params.sweep, parseTrialId(req.params.trial), points ?? DEFAULT_POINTS));
  });
  app.get('/api/events', (req, res) => {
    // Server-sent events: "change" whenever the database changed; the page then reads again.
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(`retry: 1000\nevent: hello\ndata: {"version":${options.reader.dataVersion()}}\n\n`);
    const unsubscribe = feed.subscribe((version) =>
      res.write(`event: change\ndata: {"version":${version}}\n\n`),
    );
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      unsubscribe();
      clearInterval(keepAlive);
    });
  });
  app.use('/api', (req, res) => {
    res.status(404).json({
      error: {
        code: 'not_found',
        message: `no API endpoint ${req.method} ${req.baseUrl}${req.path}; see docs/dashboard-api.md`,
      },
    });
  });

  app.use(express.static(options.staticDir, { index: 'index.html', dotfiles: 'ignore', redirect: false }));
  // The page's own routes: deep links that survive a reload.
  app.get(['/sweeps/:sweep', '/sweeps/:sweep/trials/:trial', '/compare'], (_req, res) => {
    res.sendFile(join(options.staticDir, 'index.html'));
  });
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found. The dashboard starts at /.\n');
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, body } = errorResponse(error);
    if (status >= 500 && !(status === 503 && goneLogged)) {
      const cause = error instanceof Error ? error.message : String(error);
      options.logger.error(`dashboard: ${req.method} ${req.originalUrl} failed: ${cause}`);
      if (error instanceof Error && error.stack) options.logger.debug(error.stack);
      goneLogged ||= status === 503; // said once; every later request would say it again
    }
    if (res.headersSent) return res.end();
    res.status(status).json(body);
  });
  return { app, feed };
}
