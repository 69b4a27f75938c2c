import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * TypeScript types and typed document strings for the board's operations (`src/<page>/*.graphql`),
 * one generated file per page so a page bundles only its own documents. `documentMode: 'string'`
 * keeps the operations plain strings at run time (no graphql-js in the customer page's 45 KB).
 * `pnpm --filter @workbay/board codegen` rewrites them; src/graphql-codegen.test.ts fails when stale.
 */
const shared = {
  plugins: ['typescript-operations', 'typed-document-node'],
  config: {
    documentMode: 'string',
    enumsAsTypes: true,
    skipTypename: true,
    avoidOptionals: true,
    immutableTypes: false,
    useTypeImports: true,
    scalars: { DateTime: 'string', ID: 'string' },
  },
};

const config: CodegenConfig = {
  schema: '../schema.graphql',
  generates: {
    'src/wall/graphql.generated.ts': { documents: 'src/wall/**/*.graphql', ...shared },
    'src/track/graphql.generated.ts': { documents: 'src/track/**/*.graphql', ...shared },
  },
  hooks: {},
  silent: true,
};
export default config;
