// @vitest-environment node
// The board's GraphQL operations live in src/<page>/*.graphql, validate against the API's schema, and
// their TypeScript types are generated from them (codegen.ts); the checked-in output must be current.
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import config from '../codegen';

const boardDir = path.resolve(import.meta.dirname, '..');
const files = (dir: string, ext: RegExp): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), ext) : ext.test(e.name) ? [path.join(dir, e.name)] : []));

describe('the board’s GraphQL operations', () => {
  const documents = files(path.join(boardDir, 'src'), /\.graphql$/);

  it('are .graphql files that validate against schema.graphql', () => {
    expect(documents.map((f) => path.relative(boardDir, f)).sort()).toEqual(['src/track/track.graphql', 'src/wall/wall.graphql']);
    const schema = buildSchema(fs.readFileSync(path.join(boardDir, '..', 'schema.graphql'), 'utf8'));
    for (const file of documents) {
      const errors = validate(schema, parse(fs.readFileSync(file, 'utf8')));
      expect(errors.map((e) => `${path.basename(file)}: ${e.message}`)).toEqual([]);
    }
  });

  it('are not written inline in TypeScript or Vue', () => {
    const sources = files(path.join(boardDir, 'src'), /\.(ts|vue)$/).filter((f) => !f.endsWith('.generated.ts') && !f.endsWith('.test.ts'));
    const inline = sources.filter((f) => /\b(query|mutation|subscription)\s+[A-Za-z_]\w*\s*[({]/.test(fs.readFileSync(f, 'utf8')));
    expect(inline.map((f) => path.relative(boardDir, f))).toEqual([]);
  });

  it('have checked-in generated types that match what graphql-codegen produces now (run `pnpm --filter @workbay/board codegen`)', async () => {
    const cwd = process.cwd();
    process.chdir(boardDir);
    try {
      const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: boardDir }, false);
      expect(outputs.map((o) => path.relative(boardDir, path.resolve(boardDir, o.filename))).sort()).toEqual(['src/track/graphql.generated.ts', 'src/wall/graphql.generated.ts']);
      for (const output of outputs) {
        expect(fs.readFileSync(path.resolve(boardDir, output.filename), 'utf8'), output.filename).toBe(output.content);
      }
    } finally {
      process.chdir(cwd);
    }
  }, 60_000);
});
