// ESLint for the server: typescript-eslint's recommended rules, with `any` and import cycles as errors.
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**'] },
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    files: ['**/*.ts'],
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Services, the event log and pure helpers know nothing of GraphQL: they take an actor and return
    // data or refusal codes; only resolvers, payload/DTO types and entities exposed as types import graphql/.
    files: ['src/modules/**/*.service.ts', 'src/modules/**/*.process.ts', 'src/modules/**/*.rules.ts', 'src/events/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/graphql/*', 'type-graphql', 'graphql'], message: 'Services, events and shared helpers stay free of GraphQL (ARCHITECTURE.md).' }] }],
    },
  },
  {
    // Tests and benchmarks read GraphQL responses as untyped JSON; `any` stays an error in the product code.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
