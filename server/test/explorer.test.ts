import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { type TestApp, startTestApp } from './helpers/test-app.js';

const html = { accept: 'text/html,application/xhtml+xml' };

describe('API explorer', () => {
  let dev: TestApp;
  let prod: TestApp;
  beforeAll(async () => {
    dev = await startTestApp();
    prod = await startTestApp({ databaseUrl: dev.databaseUrl, fixture: false, config: readConfig({ NODE_ENV: 'production' }) });
  });
  afterAll(async () => {
    await prod?.stop();
    await dev?.stop();
  });
  const base = (t: TestApp) => t.url.replace('/graphql', '');

  it('is served from this server: the page references only local scripts and styles, which are served', async () => {
    const res = await fetch(`${base(dev)}/explorer`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const page = await res.text();
    expect(page).not.toMatch(/(src|href)="https?:/);
    expect(page).not.toMatch(/unpkg|jsdelivr|cdn\./i);
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect((await fetch(`${base(dev)}${asset}`)).status, asset).toBe(200);
    expect((await fetch(`${base(dev)}/explorer/static/ruru.js`)).status).toBe(200);
  });

  it('a browser opening /graphql is sent to it; API clients are not', async () => {
    const res = await fetch(dev.url, { headers: html, redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/explorer');
    const get = await fetch(`${dev.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('is off in production, and Apollo’s CDN landing page is never served', async () => {
    expect((await fetch(`${base(prod)}/explorer`)).status).toBe(404);
    expect((await fetch(`${base(prod)}/explorer/static/ruru.js`)).status).toBe(404);
    for (const t of [prod, dev]) {
      const res = await fetch(t.url, { headers: html });
      expect(await res.text()).not.toMatch(/apollographql|embeddable-sandbox|cdn\./i);
    }
  });
});
