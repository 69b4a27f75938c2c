import path from 'node:path';
import { build } from 'vite';
import { buildServer } from '../../server/test/helpers/build-server';
import { chromiumPath } from './chromium';

/** Builds the board into board/dist (what the server serves), or says loudly that the browser tests are skipped. */
export default async function setup() {
  if (!chromiumPath()) {
    console.warn('\n*** SKIPPING BROWSER TESTS: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH). ***\n');
    return;
  }
  buildServer(); // the browser tests run the compiled server (server/dist/main.js), as pnpm start does
  await build({ configFile: path.resolve(import.meta.dirname, '../vite.config.ts'), logLevel: 'warn' });
}
