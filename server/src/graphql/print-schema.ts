import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildWorkbaySchema } from './schema.js';

/** The SDL written to the top-level schema.graphql: sorted, so that diffs show real changes only. */
export async function printWorkbaySchema(): Promise<string> {
  return `# Generated from the code by \`pnpm schema\` — do not edit. A test fails when this file and the code disagree.\n\n${printSchema(lexicographicSortSchema(await buildWorkbaySchema()))}\n`;
}
