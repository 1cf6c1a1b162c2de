import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { defaultDataDir } from './data-dir';
import { seedDemo } from './demo/seed';
import { AppError } from './errors';
import { createCore, openDataDir, type Core, type CoreDeps } from './index';
import { parseStationLink } from '../shared/stations/link';

/**
 * How both hosts start: the Electron shell (main/index.ts) and browser mode (host/cli.ts) read
 * the same arguments with the same parser and build the core with the same function, so an
 * option means one thing wherever it is given (README, scripts/start.mjs).
 *
 *   --data-dir DIR      the folder of kiosk.sqlite (else KIOSK_DATA_DIR, else the host's default)
 *   --demo              fill a site that has no items yet with the demo hub
 *   --windowed          a normal window instead of kiosk lockdown (Electron; browser mode ignores it)
 *   --port N            browser mode's port on 127.0.0.1 (0: any free one)
 *   --renderer-dir DIR  browser mode's built screens (tests)
 *   --station LINK      start as a station of a hub: the link from the hub's "Add a station"
 *                       (kiosk-station:…); later starts find it in the data folder by themselves
 */
const OPTIONS = {
  'data-dir': { type: 'string' },
  demo: { type: 'boolean' },
  windowed: { type: 'boolean' },
  port: { type: 'string' },
  'renderer-dir': { type: 'string' },
  station: { type: 'string' },
} as const;

/** Exit status for a start-up a person must fix (EX_USAGE for arguments). */
export const EXIT_USAGE = 64;
export const EXIT_DATABASE = 2;

/** A start-up that cannot go on, with the one sentence to print and the exit status. */
export class BootError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'BootError';
  }
}

const folder = (flag: string) =>
  z
    .string({ error: `${flag} needs a folder, as in ${flag} /path/to/folder` })
    // `--data-dir --demo` would otherwise quietly use a folder called "--demo".
    .refine((v) => v.trim() !== '' && !v.startsWith('-'), `${flag} needs a folder, as in ${flag} /path/to/folder`)
    .transform((v) => resolve(v));

const flag = (name: string) => z.boolean({ error: `--${name} takes no value` }).default(false);

const STATION_USAGE =
  '--station needs the link of the hub\'s "Add a station" screen, as in --station kiosk-station:192.168.1.10:47443/CODE/FINGERPRINT';

export const KioskArgs = z.object({
  dataDir: folder('--data-dir').optional(),
  demo: flag('demo'),
  windowed: flag('windowed'),
  port: z
    .string({ error: '--port needs a number' })
    .regex(/^\d{1,5}$/, '--port must be a whole number from 0 to 65535')
    .transform(Number)
    .refine((n) => n <= 65_535, '--port must be a whole number from 0 to 65535')
    .default(0),
  rendererDir: folder('--renderer-dir').optional(),
  station: z
    .string({ error: STATION_USAGE })
    .transform((v, ctx) => parseStationLink(v) ?? (ctx.addIssue({ code: 'custom', message: STATION_USAGE }), z.NEVER))
    .optional(),
});
export type KioskArgs = z.infer<typeof KioskArgs>;

export interface ParseOptions {
  /**
   * Electron's command line also carries the app path and Chromium's own switches: the shell
   * leaves what it does not know to them. Browser mode refuses it, so a typo is not ignored.
   */
  others: 'ignore' | 'refuse';
}

/** Reads the command line (without node/electron itself) into KioskArgs, or throws a BootError. */
export function parseKioskArgs(argv: readonly string[], options: ParseOptions): KioskArgs {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true });
  const parsed = KioskArgs.safeParse({
    dataDir: values['data-dir'],
    demo: values.demo,
    windowed: values.windowed,
    port: values.port,
    rendererDir: values['renderer-dir'],
    station: values.station,
  });
  // What is wrong with a known option is the likelier mistake, so it is said first.
  if (!parsed.success) throw usage(parsed.error.issues[0]?.message ?? 'the arguments are not right');
  if (options.others === 'refuse') {
    const unknown = Object.keys(values).find((k) => !(k in OPTIONS));
    if (unknown !== undefined) throw usage(`unknown option ${unknown.length === 1 ? '-' : '--'}${unknown}`);
    if (positionals.length) throw usage(`unexpected argument ${positionals[0]}`);
  }
  return parsed.data;
}

function usage(problem: string): BootError {
  const known = Object.keys(OPTIONS)
    .map((k) => `--${k}`)
    .join(', ');
  return new BootError(`${problem}. Known options: ${known}.`, EXIT_USAGE);
}

/**
 * The folder of the site database: --data-dir, else KIOSK_DATA_DIR, else the host's default
 * (Electron's userData, or the same folder computed for browser mode).
 */
export function resolveDataDir(
  args: KioskArgs,
  env: NodeJS.ProcessEnv = process.env,
  fallback: () => string = () => defaultDataDir(env),
): string {
  if (args.dataDir) return args.dataDir;
  if (env.KIOSK_DATA_DIR) return resolve(env.KIOSK_DATA_DIR);
  return fallback();
}

export interface BootOptions {
  args: KioskArgs;
  env?: NodeJS.ProcessEnv;
  /** Where the data lives when neither --data-dir nor KIOSK_DATA_DIR says. */
  defaultDataDir?: () => string;
  logError: NonNullable<CoreDeps['logError']>;
  /** The shell's port (Electron's printing and quitting), made once the data folder is known. */
  shell?: (dataDir: string) => NonNullable<CoreDeps['shell']>;
}

export interface Booted {
  core: Core;
  args: KioskArgs;
  dataDir: string;
  /** True when --demo filled an empty site (it never touches one that has items). */
  demoLoaded: boolean;
}

/** Data folder → database (checked, migrated) → core → demo data if asked. */
export function bootCore(options: BootOptions): Booted {
  const dataDir = resolveDataDir(options.args, options.env, options.defaultDataDir);
  let db;
  try {
    db = openDataDir(dataDir);
  } catch (err) {
    // A damaged or too-new database is a message for a person, not a crash loop.
    // So is a folder that cannot be made or read (a system error carries a code: EACCES, ENOTDIR).
    const systemError = err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string';
    if (err instanceof AppError || systemError)
      throw new BootError(`Cannot open the site database in ${dataDir}: ${err.message}`, EXIT_DATABASE);
    throw err;
  }
  const core = createCore({
    db,
    logError: options.logError,
    // A host answers every screen and station on one thread: the log's checkpoints run beside it.
    walCheckpoints: 'background',
    ...(options.shell ? { shell: options.shell(dataDir) } : {}),
  });
  const demoLoaded = options.args.demo && seedDemo(core.ctx, core.services.intake);
  // Both hosts look at the network folder and export after closing time (network-schedule.ts).
  core.services.networkSchedule.start();
  return { core, args: options.args, dataDir, demoLoaded };
}
