import { defineConfig } from '@playwright/test';

// The Electron suite: runs only where an Electron binary exists (scripts/test-electron.mjs).
export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron',
  workers: 1,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/electron.json' }]],
});
