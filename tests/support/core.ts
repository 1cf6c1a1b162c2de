import { join } from 'node:path';
import { createCore, type Core, type CoreDeps } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import { FixedClock, seededKeys, sequentialIds, tempDir } from './fixed';

export interface TestCore {
  core: Core;
  clock: FixedClock;
  dir: string;
  file: string;
  /** Calls a channel as a transport would. */
  call(channel: string, input: unknown, session?: string | null): ReturnType<Core['dispatch']>;
  /** Sets the site up and logs in as the coordinator; returns the session token. */
  setUp(languages?: string[]): Promise<string>;
  dispose(): void;
}

/** `extra` adds or replaces dependencies (a counting PIN hasher, another kiosk name). */
export function makeCore(extra: Partial<CoreDeps> = {}): TestCore {
  const dir = tempDir();
  const file = join(dir.path, 'kiosk.sqlite');
  const clock = new FixedClock();
  const core = createCore({ db: openDatabase(file), clock, ids: sequentialIds(clock), keys: seededKeys(), ...extra });
  const call = (channel: string, input: unknown, session: string | null = null) => core.dispatch(channel, { input, session });
  return {
    core,
    clock,
    dir: dir.path,
    file,
    call,
    async setUp(languages = ['en', 'ar']) {
      const setup = await call('site.setup', { name: 'Eastside Hub', languages, siteLanguage: 'en', pin: '1234' });
      if (!setup.ok) throw new Error(JSON.stringify(setup));
      const login = await call('auth.login', { pin: '1234' });
      if (!login.ok) throw new Error(JSON.stringify(login));
      return (login.value as { token: string }).token;
    },
    dispose() {
      core.close();
      dir.remove();
    },
  };
}
