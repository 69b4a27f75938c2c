import type { Express } from 'express';
import { ruruHTML } from 'ruru/server';
import { serveStatic } from 'ruru/static';

export const EXPLORER_PATH = '/explorer';
const STATIC_PATH = `${EXPLORER_PATH}/static/`;

/**
 * The API explorer (Ruru, Graphile's GraphiQL distribution) at /explorer, with every script, style
 * and worker served from this server out of the `ruru` package: nothing from a CDN, so it works
 * offline and behind store firewalls. A browser opening /graphql is sent here. Off in production
 * (`WORKBAY_EXPLORER`).
 */
export function mountExplorer(app: Express) {
  const html = ruruHTML({
    endpoint: '/graphql',
    subscriptionEndpoint: '/graphql',
    staticPath: STATIC_PATH,
  }).replace(/<title>[^<]*<\/title>/, '<title>Workbay API explorer</title>');
  app.use(serveStatic(STATIC_PATH)); // looks at the full path itself
  app.get(EXPLORER_PATH, (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    // Only this origin: a script or request to anywhere else is refused by the browser too.
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'",
    );
    res.type('html').send(html);
  });
  // A browser (not an API client: those POST, or GET with ?query=) opening the endpoint gets the explorer.
  app.get('/graphql', (req, res, next) => {
    if (req.query.query === undefined && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html') {
      return void res.redirect(302, EXPLORER_PATH);
    }
    next();
  });
}
