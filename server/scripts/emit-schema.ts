import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../src/config.js';
import { printWorkbaySchema } from '../src/graphql/print-schema.js';

const file = path.join(repoRoot(), 'schema.graphql');
fs.writeFileSync(file, await printWorkbaySchema());
console.log(`wrote ${file}`);
