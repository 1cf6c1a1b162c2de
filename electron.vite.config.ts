import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * Every locale but English as one data file of the build (assets/locale-<code>-<hash>.json, all
 * its feature files in one), read by src/renderer/i18n.ts the first time a screen needs that
 * language: one request per language, and data, not code (the page's pinned script policy
 * admits no script it did not pin). `virtual:locale-files` gives `readLocale(code)`. Served
 * (the dev server, vitest), it holds the strings themselves: nothing to fetch there.
 */
export function localeFiles(): Plugin {
  const id = 'virtual:locale-files';
  let serve = false;
  return {
    name: 'locale-files',
    configResolved: (config) => {
      serve = config.command === 'serve';
    },
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(loading) {
      if (loading !== `\0${id}`) return undefined;
      const entries: string[] = [];
      for (const code of readdirSync('locales').sort()) {
        if (code === 'en') continue;
        const files: Record<string, unknown> = {};
        for (const file of readdirSync(join('locales', code)).sort()) {
          const path = resolve('locales', code, file);
          this.addWatchFile(path);
          files[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(path, 'utf8'));
        }
        const source = JSON.stringify(files);
        if (serve) entries.push(`${JSON.stringify(code)}: async () => (${source})`);
        else {
          const ref = this.emitFile({ type: 'asset', name: `locale-${code}.json`, source });
          entries.push(`${JSON.stringify(code)}: () => read(import.meta.ROLLUP_FILE_URL_${ref})`);
        }
      }
      return [
        'const read = async (url) => { const res = await fetch(url); if (!res.ok) throw new Error(url + ": " + res.status); return res.json(); };',
        `const files = { ${entries.join(', ')} };`,
        'export const shipped = Object.keys(files);',
        'export function readLocale(code) { const read = files[code]; return read ? read() : Promise.resolve({}); }',
      ].join('\n');
    },
  };
}

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
    plugins: [react(), devWithoutMetaCsp, pinEntryScriptByHash, localeFiles()],
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
