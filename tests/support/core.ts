import type { VolunteerRole } from '../../src/shared/domain/volunteer';
import { join } from 'node:path';
import { createCore, type Core, type CoreDeps } from '../../src/core/index';
import { openDatabase } from '../../src/core/db/open';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../src/shared/api/contract';
import type { ApiResult } from '../../src/shared/api/errors';
import type { LocaleCode } from '../../src/shared/locales';
import { FixedClock, seededKeys, sequentialIds, tempDir } from './fixed';

/** A channel called as the contract types it: the input it accepts, the output it promises. */
export type TypedCall = <C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
  session?: string | null,
) => Promise<ApiResult<ChannelOutput<C>>>;

/** The value of a result the test expects to succeed; a failure stops the test with its error. */
export function okValue<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A call the test expects to succeed: its value, typed from the contract. A failure stops the test, naming the channel and its error. */
export type OkCall = <C extends ChannelName>(channel: C, input: ChannelInput<C>, session?: string | null) => Promise<ChannelOutput<C>>;

/** The one home of `OkCall`, over any core (a test's own, or each hub of a two-hub journey). */
export function okCaller(core: Pick<Core, 'dispatch'>): OkCall {
  // The dispatcher checks every output against the contract, so the typed view is what it returns.
  const call = ((channel: string, input: unknown, session: string | null = null) =>
    core.dispatch(channel, { input, session })) as TypedCall;
  return async (channel, input, session = null) => {
    const result = await call(channel, input, session);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
}

export interface TestCore {
  core: Core;
  clock: FixedClock;
  dir: string;
  file: string;
  /** Calls a channel as a transport would, typed from the contract. */
  call: TypedCall;
  /** Calls a channel that must succeed and gives its value: `await t.ok('inventory.item', { itemId, language: 'en' }, token)`. */
  ok: OkCall;
  /** Calls any name with any input, for tests of what the contract refuses (unknown channels, bad input). */
  callRaw(channel: string, input: unknown, session?: string | null): ReturnType<Core['dispatch']>;
  /** Sets the site up and logs in as the coordinator; returns the session token. */
  setUp(languages?: LocaleCode[]): Promise<string>;
  /** The coordinator adds a volunteer, who signs in with their PIN; returns the volunteer's session token. */
  volunteer(coordinator: string, who: { name: string; role: VolunteerRole; pin: string }): Promise<string>;
  dispose(): void;
}

/** `extra` adds or replaces dependencies (a counting PIN hasher, another kiosk name). */
export function makeCore(extra: Partial<CoreDeps> = {}): TestCore {
  const dir = tempDir();
  const file = join(dir.path, 'kiosk.sqlite');
  const clock = new FixedClock();
  const core = createCore({ db: openDatabase(file), clock, ids: sequentialIds(clock), keys: seededKeys(), ...extra });
  const callRaw = (channel: string, input: unknown, session: string | null = null) => core.dispatch(channel, { input, session });
  // The dispatcher checks every output against the contract, so the typed view is what it returns.
  const call = callRaw as TypedCall;
  return {
    core,
    clock,
    dir: dir.path,
    file,
    call,
    ok: okCaller(core),
    callRaw,
    async setUp(languages: LocaleCode[] = ['en', 'ar']) {
      const setup = await call('site.setup', { name: 'Eastside Hub', languages, siteLanguage: 'en', pin: '1234' });
      if (!setup.ok) throw new Error(JSON.stringify(setup));
      const login = await call('auth.login', { pin: '1234' });
      if (!login.ok) throw new Error(JSON.stringify(login));
      return login.value.token;
    },
    async volunteer(coordinator, who) {
      await okCaller(core)('volunteers.add', who, coordinator);
      const login = await call('auth.login', { pin: who.pin });
      if (!login.ok) throw new Error(JSON.stringify(login));
      return login.value.token;
    },
    dispose() {
      core.close();
      dir.remove();
    },
  };
}
