import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { pinEntryScript } from './src/shared/security/csp';

// index.html carries the CSP as a meta tag too (the hosts also send it as a header). Only the
// dev server drops it: its hot-reload preamble is an inline script that the policy forbids.
const devWithoutMetaCsp: Plugin = {
  name: 'dev-without-meta-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

// The built page runs only its own entry script, pinned by hash in the meta policy (a strict
// CSP: 'self' alone would trust anything ever served from our origin). Done once the files are
// written, so the hash is of the exact bytes the page will load.
const pinEntryScriptByHash: Plugin = {
  name: 'pin-entry-script-by-hash',
  apply: 'build',
  enforce: 'post',
  writeBundle(options) {
    const dir = options.dir ?? resolve('out/renderer');
    const page = join(dir, 'index.html');
    const integrityOf = (src: string) =>
      `sha384-${createHash('sha384')
        .update(readFileSync(join(dir, src)))
        .digest('base64')}`;
    writeFileSync(page, pinEntryScript(readFileSync(page, 'utf8'), integrityOf));
  },
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
    plugins: [react(), devWithoutMetaCsp, pinEntryScriptByHash],
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
