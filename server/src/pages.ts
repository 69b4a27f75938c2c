import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { repoRoot } from './config.js';

export const BOARD_DIST = path.join(repoRoot(), 'board', 'dist');

/**
 * Serves the built board (`pnpm --filter @workbay/board build`): the wall at /wall, the customer
 * page at /t/<token>, and / linking both. The tracking token is in the path: never logged, and
 * the page is sent with no-referrer and no-store so it does not leak through Referer or caches.
 */
export function mountPages(app: Express, distDir = BOARD_DIST) {
  if (!fs.existsSync(path.join(distDir, 'wall.html'))) {
    app.get('/', pageHeaders, (_req, res) => {
      res.type('html').send(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>Workbay</title>
<body style="font-family:system-ui;margin:3rem"><h1>Workbay</h1><p>GraphQL API: <a href="/graphql">/graphql</a>.
The board is not built: run <code>pnpm --filter @workbay/board build</code> (pnpm start does).</p></body></html>`);
    });
    return;
  }
  const page = (file: string) => (_req: express.Request, res: express.Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(path.join(distDir, file));
  };
  app.use('/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  app.get('/', pageHeaders, page('index.html'));
  app.get('/wall', pageHeaders, page('wall.html'));
  app.get('/t/:token', pageHeaders, page('track.html'));
}

/**
 * Issue 9 §6: the pages run only the built scripts they were shipped with (no inline script, no
 * eval) and cannot be framed. helmet writes the headers; transport upgrades (HSTS,
 * upgrade-insecure-requests) are left to the TLS-terminating proxy, since the server itself may
 * speak plain HTTP on a LAN. Inline styles stay allowed (the start page has one; Vue sets styles).
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};
const pageHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  frameguard: { action: 'deny' },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
});
