// @vitest-environment node
// The customer page's JavaScript budget, measured on a real production build of all pages (so that
// chunks shared with the wall count), built into a temp dir so that it never races other builds of dist/.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Rolldown } from 'vite';
// @ts-expect-error -- plain ESM script without type declarations
import { pageJsSize, TRACK_BUDGET_BYTES } from '../../scripts/size-report.mjs';

type PageSize = { files: { file: string; raw: number; gzip: number }[]; raw: number; gzip: number };

const boardDir = path.resolve(import.meta.dirname, '..', '..');
let outDir = '';
let chunks: Rolldown.OutputChunk[] = [];
let track: PageSize;
let wall: PageSize;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'workbay-track-size-'));
  // Vitest runs with NODE_ENV=test, which would make Vite bundle Vue's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let result;
  try {
    result = await build({ configFile: path.join(boardDir, 'vite.config.ts'), root: boardDir, mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  chunks = outputs.flatMap((o) => o.output.filter((x): x is Rolldown.OutputChunk => x.type === 'chunk'));
  track = pageJsSize(outDir, 'track.html');
  wall = pageJsSize(outDir, 'wall.html');
}, 180_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('customer page JavaScript', () => {
  it(`stays within ${TRACK_BUDGET_BYTES / 1024} KB gzip`, () => {
    expect(track.files.length).toBeGreaterThan(0);
    console.info(`track.html JS: ${track.files.length} files, ${(track.raw / 1024).toFixed(1)} KB raw, ${(track.gzip / 1024).toFixed(1)} KB gzip`);
    expect(track.gzip).toBeLessThanOrEqual(TRACK_BUDGET_BYTES);
  });

  it('loads none of the files only the wall loads', () => {
    const trackFiles = new Set(track.files.map((f) => f.file));
    const wallOnly = wall.files.map((f) => f.file).filter((f) => !trackFiles.has(f));
    expect(wallOnly.length).toBeGreaterThan(0); // the wall has its own entry chunk
    expect(track.files.map((f) => f.file).filter((f) => wallOnly.includes(f))).toEqual([]);
  });

  it('loads no module of the wall, nor the libraries only the wall uses', () => {
    const trackFiles = new Set(track.files.map((f) => f.file));
    const loaded = chunks.filter((c) => trackFiles.has(c.fileName));
    expect(loaded.map((c) => c.fileName).sort()).toEqual([...trackFiles].sort());
    const modules = loaded.flatMap((c) => c.moduleIds).map((id) => id.split(path.sep).join('/'));
    expect(modules.some((id) => id.includes('/src/track/'))).toBe(true);
    expect(modules.filter((id) => /\/src\/wall\/|\/node_modules\/(?:\.pnpm\/)?(?:pinia|vue-i18n|@intlify)/.test(id))).toEqual([]);
  });
});
