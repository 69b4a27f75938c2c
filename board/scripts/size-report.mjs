#!/usr/bin/env node
// The JavaScript each built page loads, raw and gzip (level 9): entry scripts, modulepreloads and
// every chunk they import statically. Run after `vite build`:
//   node scripts/size-report.mjs [distDir]
// Prints a table, writes <distDir>/size-report.json, exits 1 when the customer page (track.html)
// is over its budget.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The customer page's JavaScript budget, gzip. */
export const TRACK_BUDGET_BYTES = 45 * 1024;

const SCRIPT_SRC = /<script\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi;
const LINK_TAG = /<link\b[^>]*>/gi;
// Static `import … from "x"`, `import "x"`, `export … from "x"` (not dynamic `import("x")`).
const STATIC_IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$\s,{}*]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g;

const isLocal = (url) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url);
const isJs = (file) => /\.m?js$/.test(file);

/** A URL in the HTML or a chunk → a file under distDir (the pages are served from the site root). */
function resolveUrl(distDir, fromFile, url) {
  const clean = url.split(/[?#]/)[0];
  return clean.startsWith('/') ? path.join(distDir, clean) : path.resolve(path.dirname(fromFile), clean);
}

/**
 * Every JS file `htmlFile` (relative to `distDir`) loads: `<script src>`, `<link rel="modulepreload">`
 * and, transitively, the static imports inside those chunks. Sizes in bytes; gzip at level 9.
 * @returns {{ files: { file: string, raw: number, gzip: number }[], raw: number, gzip: number }}
 */
export function pageJsSize(distDir, htmlFile) {
  const dist = path.resolve(distDir);
  const htmlPath = path.resolve(dist, htmlFile);
  const html = readFileSync(htmlPath, 'utf8');

  const entries = [];
  for (const m of html.matchAll(SCRIPT_SRC)) entries.push(m[1]);
  for (const [tag] of html.matchAll(LINK_TAG)) {
    if (!/\brel\s*=\s*["']?modulepreload\b/i.test(tag)) continue;
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag);
    if (href) entries.push(href[1]);
  }

  const seen = new Set();
  const queue = entries.filter(isLocal).map((url) => resolveUrl(dist, htmlPath, url));
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${htmlFile} loads ${path.relative(dist, file)}, which is not in ${dist}`);
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      const spec = m[2];
      if (!isLocal(spec) || !/^\.{0,2}\//.test(spec) || !isJs(spec)) continue;
      queue.push(resolveUrl(dist, file, spec));
    }
  }

  const files = [...seen]
    .map((file) => {
      const buf = readFileSync(file);
      return { file: path.relative(dist, file).split(path.sep).join('/'), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  return { files, raw: sum(files, 'raw'), gzip: sum(files, 'gzip') };
}

const sum = (files, key) => files.reduce((n, f) => n + f[key], 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function printTable(name, report) {
  const rows = report.files.map((f) => [f.file, kb(f.raw), kb(f.gzip)]);
  rows.push(['total', kb(report.raw), kb(report.gzip)]);
  const w0 = Math.max(4, ...rows.map((r) => r[0].length));
  const w1 = Math.max(3, ...rows.map((r) => r[1].length));
  const w2 = Math.max(4, ...rows.map((r) => r[2].length));
  console.log(`\n${name}`);
  console.log(`  ${'file'.padEnd(w0)}  ${'raw'.padStart(w1)}  ${'gzip'.padStart(w2)}`);
  rows.forEach((r, i) => {
    if (i === rows.length - 1) console.log(`  ${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ${'-'.repeat(w2)}`);
    console.log(`  ${r[0].padEnd(w0)}  ${r[1].padStart(w1)}  ${r[2].padStart(w2)}`);
  });
}

function main() {
  const distDir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'dist'));
  const report = { track: null, wall: null, budgetBytes: TRACK_BUDGET_BYTES };
  for (const page of ['track', 'wall']) {
    const html = `${page}.html`;
    if (!existsSync(path.join(distDir, html))) {
      console.warn(`${html}: not in ${distDir} (run vite build first)`);
      continue;
    }
    report[page] = pageJsSize(distDir, html);
    printTable(html, report[page]);
  }
  if (report.track && report.wall) {
    const wallFiles = new Set(report.wall.files.map((f) => f.file));
    const shared = report.track.files.filter((f) => wallFiles.has(f.file)).map((f) => f.file);
    console.log(`\nshared by track and wall: ${shared.length ? shared.join(', ') : 'nothing'}`);
  }
  writeFileSync(path.join(distDir, 'size-report.json'), `${JSON.stringify(report, null, 2)}\n`);

  if (!report.track) {
    console.error('\ntrack.html is missing: cannot check the budget');
    process.exit(1);
  }
  const ok = report.track.gzip <= TRACK_BUDGET_BYTES;
  console.log(`\ntrack.html JS: ${kb(report.track.gzip)} gzip of ${kb(TRACK_BUDGET_BYTES)} budget — ${ok ? 'OK' : 'OVER BUDGET'}`);
  if (!ok) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
