import fs from 'node:fs';
import path from 'node:path';
import { parse, print } from 'graphql';
import { repoRoot } from '../../src/config.js';

/**
 * The named operations and fragments of a contract file kept in tests/contract (the copy of
 * ../shared/contract/operations that schema.test.ts checks), as GraphQL source.
 */
export function contractOperations(file: string, names: readonly string[]): string {
  const doc = parse(fs.readFileSync(path.join(repoRoot(), 'tests', 'contract', file), 'utf8'));
  return doc.definitions
    .filter((d) => 'name' in d && d.name && names.includes(d.name.value))
    .map((d) => print(d))
    .join('\n\n');
}
