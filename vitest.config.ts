import { defineConfig } from 'vitest/config';
import { localeFiles } from './electron.vite.config';

export default defineConfig({
  // The renderer's locales as the app reads them (src/renderer/i18n.ts).
  plugins: [localeFiles()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Two cores on the sites' machines and in CI: keep the pool small and predictable.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
