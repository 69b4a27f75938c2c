import type { Express } from 'express';

/** Until the board app lands (next issue), `/` explains where things are. */
export function mountPages(app: Express) {
  app.get('/', (_req, res) => {
    res.type('html').send(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>Workbay</title>
<body style="font-family:system-ui;margin:3rem"><h1>Workbay 车间服务</h1>
<p>GraphQL API: <a href="/graphql">/graphql</a> (HTTP &amp; WebSocket)</p></body></html>`);
  });
}
