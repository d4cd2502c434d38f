// @ts-check
import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** The feature folders: each may import another only through that one's index.ts. */
const FEATURES = fs
  .readdirSync('src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const boundaries = [
  // The platform knows no feature, page or channel.
  {
    target: './src/platform',
    from: ['./src/features', './src/channels', './src/ui', './src/app.ts', './src/seed'],
    message: 'The platform imports no feature, UI or channel.',
  },
  // Shared UI is below the features.
  {
    target: './src/ui',
    from: ['./src/features', './src/channels'],
    message: 'UI imports no feature.',
  },
  // A feature (and a channel) reaches another feature only through its index.ts.
  ...FEATURES.map((feature) => ({
    target: ['./src/features/!(' + feature + ')/**/*', './src/channels/**/*'],
    from: `./src/features/${feature}`,
    // Tables are the one shared data model: a schema or query may name another feature's table.
    except: [
      './index.ts',
      ...fs
        .readdirSync(`src/features/${feature}`)
        .filter((name) => name.endsWith('.schema.ts'))
        .map((name) => `./${name}`),
    ],
    message: `Import the ${feature} feature through its index.ts.`,
  })),
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'coverage/',
      'test-results/',
      'src/ui/assets/',
      'scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // Past 400 lines a file holds two ideas: split it by idea (CONVENTIONS: small files).
      'max-lines': ['error', { max: 400 }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
    },
  },
  {
    files: ['bin/*.js', 'src/ui/assets/**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        performance: 'readonly',
      },
    },
  },
);
