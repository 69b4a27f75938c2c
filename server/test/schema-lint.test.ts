import path from 'node:path';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';

const root = repoRoot();
const schemaFile = path.join(root, 'schema.graphql');

/**
 * @graphql-eslint's schema and Relay rule sets on schema.graphql, plus descriptions everywhere.
 * Left out (README, "Schema lint"): strict-id-in-types, no-typename-prefix, and relay-edge-types'
 * listTypeCanWrapOnlyEdgeType.
 */
const SCHEMA_RULES: Linter.RulesRecord = {
  ...graphqlPlugin.configs['flat/schema-recommended'].rules,
  ...graphqlPlugin.configs['flat/schema-relay'].rules,
  '@graphql-eslint/require-description': [
    'error',
    { types: true, rootField: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true, DirectiveDefinition: true },
  ],
  '@graphql-eslint/strict-id-in-types': 'off',
  '@graphql-eslint/no-typename-prefix': 'off',
  '@graphql-eslint/relay-edge-types': ['error', { withEdgeSuffix: true, shouldImplementNode: true, listTypeCanWrapOnlyEdgeType: false }],
};

async function lint(rules: Linter.RulesRecord) {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.graphql'],
        languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: schemaFile } } },
        plugins: { '@graphql-eslint': graphqlPlugin as unknown as ESLint.Plugin },
        rules,
      },
    ],
  });
  const [result] = await eslint.lintFiles([schemaFile]);
  return result.messages.map((m) => `schema.graphql:${m.line} ${m.ruleId}: ${m.message}`);
}

/** A connection without last/before, and a field without a description. */
const PROBE = `"""Q""" type Query { """x""" things("""f""" first: Int, """a""" after: String): ThingConnection! }
"""T""" type Thing implements Node { """i""" id: ID! name: String! }
"""N""" interface Node { """i""" id: ID! }
"""C""" type ThingConnection { """e""" edges: [ThingEdge!]! """p""" pageInfo: PageInfo! }
"""E""" type ThingEdge { """c""" cursor: String! """n""" node: Thing! }
"""P""" type PageInfo { """h""" hasNextPage: Boolean! """h""" hasPreviousPage: Boolean! """s""" startCursor: String """e""" endCursor: String }`;

describe('schema lint (@graphql-eslint schema + Relay rules)', () => {
  it('schema.graphql has no findings', async () => {
    expect(await lint(SCHEMA_RULES)).toEqual([]);
  }, 60_000);

  it('the rules do find things: an undescribed field and a connection without backward paging are reported', async () => {
    // The same config on a schema with a missing description and a half Relay connection.
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.graphql'],
          languageOptions: {
            parser: graphqlPlugin.parser,
            parserOptions: {
              graphQLConfig: {
                schema: PROBE,
              },
            },
          },
          plugins: { '@graphql-eslint': graphqlPlugin as unknown as ESLint.Plugin },
          rules: SCHEMA_RULES,
        },
      ],
    });
    const [result] = await eslint.lintText(
      PROBE,
      { filePath: path.join(root, 'probe.graphql') },
    );
    const rules = result.messages.map((m) => m.ruleId);
    expect(rules).toContain('@graphql-eslint/require-description');
    expect(rules).toContain('@graphql-eslint/relay-arguments');
  }, 60_000);
});
