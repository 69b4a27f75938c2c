import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { repoRoot } from './config.js';

export const BOARD_DIST = path.join(repoRoot(), 'board', 'dist');

/**
 * Serves the built board (`pnpm --filter @workbay/board build`): the wall at /wall, the customer
 * page at /t/<token>, and / linking both. The tracking token is in the path: never logged, and
 * the page is sent with no-referrer and no-store so it does not leak through Referer or caches.
 */
export function mountPages(app: Express, distDir = BOARD_DIST) {
  if (!fs.existsSync(path.join(distDir, 'wall.html'))) {
    app.get('/', (_req, res) => {
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
  app.get('/', page('index.html'));
  app.get('/wall', page('wall.html'));
  app.get('/t/:token', page('track.html'));
}
