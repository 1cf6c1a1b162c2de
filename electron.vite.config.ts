import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// index.html carries the CSP as a meta tag too (the hosts also send it as a header). Only the
// dev server drops it: its hot-reload preamble is an inline script that the policy forbids.
const devWithoutMetaCsp: Plugin = {
  name: 'dev-without-meta-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // host.js is the browser-mode server: plain Node, no Electron, built beside the shell
        // so both run the same bundled core.
        input: { index: resolve('src/main/index.ts'), host: resolve('src/host/cli.ts') },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    // Copied as is into the build: only the font licence. (Vite's default, <root>/public, is
    // where the board keeps its public-screen component, which must never ship as source.)
    publicDir: resolve('src/renderer/static'),
    plugins: [react(), devWithoutMetaCsp],
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
