#!/usr/bin/env node
// Builds the bare Vue app beside this file with the board's `define` flags, plugins and build options
// (read from board/vite.config.ts, so the baseline follows the real pages) into a temp dir, and reports
// its JavaScript with the same measure as scripts/size-report.mjs.
//   node scripts/bare-vue/build.mjs [--json] [--keep] [outDir]
// Without outDir it builds into a fresh temp dir and removes it afterwards (unless --keep).
// With --json the last line of stdout is pageJsSize's answer plus outDir.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, loadConfigFromFile } from 'vite';
import { pageJsSize } from '../size-report.mjs';

const here = import.meta.dirname;
const boardDir = path.resolve(here, '..', '..');

/** Builds the baseline; returns pageJsSize's answer plus the output dir (removed unless `keep`). */
export async function buildBareVue({ outDir, keep = false } = {}) {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(boardDir, 'vite.config.ts'), boardDir, 'silent');
  if (!loaded) throw new Error('board/vite.config.ts not found');
  const { config } = loaded;
  // Same options as the pages, except where the input is and where the output goes.
  const { outDir: _outDir, emptyOutDir: _empty, rollupOptions, rolldownOptions, ...buildOptions } = config.build ?? {};
  const { input: _input, ...bundlerOptions } = rolldownOptions ?? rollupOptions ?? {};
  const out = outDir ?? mkdtempSync(path.join(os.tmpdir(), 'workbay-bare-vue-'));
  // A production bundle even when called from a test runner (Vitest sets NODE_ENV=test).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root: here,
      mode: 'production',
      logLevel: 'warn',
      plugins: config.plugins,
      define: config.define,
      resolve: config.resolve,
      build: { ...buildOptions, outDir: out, emptyOutDir: true, rollupOptions: { ...bundlerOptions, input: path.join(here, 'index.html') } },
    });
    return { ...pageJsSize(out, 'index.html'), outDir: out };
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    if (!keep && !outDir) rmSync(out, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const outDir = args.find((a) => !a.startsWith('--'));
  const result = await buildBareVue({ outDir: outDir && path.resolve(outDir), keep: args.includes('--keep') });
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  for (const f of result.files) console.log(`  ${f.file}  ${(f.raw / 1024).toFixed(1)} KB raw  ${(f.gzip / 1024).toFixed(1)} KB gzip`);
  console.log(`bare Vue baseline: ${(result.gzip / 1024).toFixed(1)} KB gzip (${result.gzip} bytes; ${result.raw} bytes raw)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
