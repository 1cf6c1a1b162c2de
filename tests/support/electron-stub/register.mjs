// Test hook: `node --import ./tests/support/electron-stub/register.mjs out/main/index.js` runs
// the built Electron main process under plain Node, with 'electron' replaced by a recording
// stub (electron.mjs). Used where no Electron binary exists, to exercise the shell's wiring.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
