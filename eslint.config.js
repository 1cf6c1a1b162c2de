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
    // Type-aware promise rules: a promise nobody awaits or handles loses its error (a failed
    // save that looks like a success), and an async handler where a void one is expected runs
    // unguarded. They need the types, so each file is checked against its own layer's tsconfig.
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parserOptions: {
        // The scripts' hand-written declarations belong to no layer's tsconfig.
        projectService: { allowDefaultProject: ['scripts/*.d.mts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
    },
  },
  {
    // Test fakes stand in for async interfaces (a transport, a dispatch) and answer at once;
    // writing them \`async\` without an await is the plain way to say so.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/require-await': 'off' },
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
    // The Electron shell: thin, and never the one place a lockdown is quietly undone.
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Property[key.name=/^(nodeIntegration|nodeIntegrationInWorker|nodeIntegrationInSubFrames|allowRunningInsecureContent|experimentalFeatures|webviewTag|enableBlinkFeatures)$/]:not([value.value=false])',
          message: 'The kiosk window keeps Node, insecure content, experimental features and webviews off: write the literal false.',
        },
        {
          selector: 'Property[key.name=/^(contextIsolation|sandbox|webSecurity)$/]:not([value.value=true])',
          message: 'The kiosk window keeps context isolation, the sandbox and web security on: write the literal true.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(executeJavaScript|executeJavaScriptInIsolatedWorld|openExternal|insertCSS)$/]',
          message: 'The shell never runs code in the page or opens the outside world; add a channel to the contract instead.',
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: layer([
      { group: ['react', 'react-dom', 'react-i18next'], message: 'the shell has no UI of its own: the renderer draws everything.' },
      { group: ['better-sqlite3'], message: 'the shell reaches the database only through core.' },
      { regex: intoLayers('renderer'), message: 'the shell loads the renderer as a page, never as a module.' },
    ]),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: layer([
      { regex: intoLayers('core', 'host'), message: 'preload exposes invoke/on and nothing else.' },
      { group: ['better-sqlite3'], message: 'preload exposes invoke/on and nothing else.' },
    ]),
  },
);
