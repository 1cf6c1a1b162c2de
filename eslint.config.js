import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import noLiteralJsxText from './eslint-rules/no-literal-jsx-text.js';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream'];

/**
 * Layer rules (DESIGN.md), enforced here as well as by each layer's tsconfig:
 * shared imports nothing platform-specific; core and host never import electron or react;
 * the renderer reaches core only through the API client.
 */
const layer = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
/** A relative import into one of our own layers (not a package path that happens to say "core"). */
const intoLayers = (...names) => `^\\.{1,2}/(.*/)?(${names.join('|')})(/|$)`;

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', minimumDescriptionLength: 10 }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: layer([
      { group: NODE_BUILTINS, message: 'shared runs anywhere: no Node modules.' },
      { group: ['electron', 'react', 'react-dom', 'better-sqlite3'], message: 'shared runs anywhere: no platform libraries.' },
      { regex: intoLayers('core', 'host', 'main', 'preload', 'renderer'), message: 'shared imports no other layer.' },
    ]),
  },
  {
    files: ['src/core/**/*.ts', 'src/host/**/*.ts'],
    rules: layer([
      { group: ['electron', 'react', 'react-dom', 'react-i18next'], message: 'core and host never import electron or react.' },
      { regex: intoLayers('renderer', 'main', 'preload'), message: 'core and host do not reach into the shell or the UI.' },
    ]),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, kiosk: { rules: { 'no-literal-jsx-text': noLiteralJsxText } } },
    rules: {
      ...layer([
        { group: NODE_BUILTINS, message: 'the renderer runs in a sandboxed page: no Node modules.' },
        { group: ['electron', 'better-sqlite3'], message: 'the renderer talks to core only through the API client.' },
        { regex: intoLayers('core', 'host', 'main', 'preload'), message: 'the renderer talks to core only through the API client.' },
      ]),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'kiosk/no-literal-jsx-text': 'error',
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: layer([
      { regex: intoLayers('core', 'host'), message: 'preload exposes invoke/on and nothing else.' },
      { group: ['better-sqlite3'], message: 'preload exposes invoke/on and nothing else.' },
    ]),
  },
);
