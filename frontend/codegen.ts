import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for every `graphql(...)` call in src/. The schema is the
// hand-written API (schema.graphql, dashboard.graphql, portal.graphql) plus the types Ent generates (ent.graphql).
// Output is committed; it has no timestamps, so re-running gives no diff.
const config: CodegenConfig = {
  schema: ['../schema.graphql', '../dashboard.graphql', '../portal.graphql', '../ent/ent.graphql'],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        skipTypename: false,
        scalars: {
          Time: 'string',
          Cursor: 'string',
          Decimal: 'string',
          /** A calendar day, "2026-06-30". */
          Date: 'string',
          Upload: 'File',
          Map: 'Record<string, unknown>',
        },
        strictScalars: false,
      },
    },
  },
};

export default config;
