import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { ApiResult } from '../../../src/shared/api/errors';
import type { WrittenFile } from '../../../src/shared/api/channels/exchange';
import type { WriteHooks } from '../../../src/core/exchange/atomic-write';
import { makeSite, openBundle, stick, type Site } from './support';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

type Outcome = ApiResult<unknown>;

async function site(writeHooks?: WriteHooks): Promise<Site> {
  const s = await makeSite('Eastside Hub', { demo: true, ...(writeHooks ? { writeHooks } : {}) });
  cleanup.push(() => s.dispose());
  return s;
}
function folder(): string {
  const f = stick();
  cleanup.push(() => f.remove());
  return f.path;
}
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const finished = (dir: string) => readdirSync(dir).filter((n) => !n.startsWith('.'));

/** A promise the test settles itself: how a write is held "slow" without sleeping. */
function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Every outcome is an answer the screen can show: a file, or an error with its own code. */
function expectClean(outcomes: Outcome[]): void {
  for (const o of outcomes) if (!o.ok) expect(o.error.code).not.toBe('api.internal');
}

/** A share export's answer is the file now on the stick, and its name carries its own sequence. */
function expectShareFiles(files: WrittenFile[]): number[] {
  const sequences: number[] = [];
  for (const f of files) {
    expect(f.verified).toBe(true);
    expect(existsSync(f.path)).toBe(true);
    expect(sha256(f.path)).toBe(f.sha256);
    const { manifest } = openBundle(readFileSync(f.path));
    expect(f.fileName).toContain(`-${String(manifest.sequence).padStart(4, '0')}.makshare`);
    sequences.push(manifest.sequence);
  }
  return sequences;
}

const SECOND_KIOSK = fileURLToPath(new URL('../../support/export-process.ts', import.meta.url));

/** A second kiosk: another process on the same database file, released by `go`. */
async function secondKiosk(a: Site, dir: string, channel: 'exchange.export_share' | 'exchange.export_csv', count: number) {
  const job = { file: a.core.ctx.db.name, folder: dir, clockMs: a.clock.now().getTime(), channel, count };
  const child = spawn(process.execPath, ['--import', 'tsx', SECOND_KIOSK, JSON.stringify(job)], { stdio: ['pipe', 'pipe', 'inherit'] });
  cleanup.push(() => child.kill());
  const lines = createInterface({ input: child.stdout });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`second kiosk exited with ${code}`)));
    });
  expect(await next()).toBe('ready');
  return {
    go(): Promise<Outcome[]> {
      const answer = next();
      child.stdin.write('go\n');
      return answer.then((line) => JSON.parse(line) as Outcome[]);
    },
  };
}

describe('exports started together', () => {
  it('three share exports at once take three sequences and each answer is the file on the stick', async () => {
    const a = await site();
    const dir = folder();
    const outcomes = (await Promise.all([1, 2, 3].map(() => a.raw('exchange.export_share', { folder: dir })))) as Outcome[];
    expectClean(outcomes);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    const files = outcomes.map((o) => (o as { value: WrittenFile }).value);
    const sequences = expectShareFiles(files);
    expect(new Set(sequences).size).toBe(3);
    expect(finished(dir).sort()).toEqual(files.map((f) => f.fileName).sort());
    const logged = a.core.ctx.db.prepare("SELECT sequence, sha256 FROM exchange_exports WHERE kind = 'share' ORDER BY sequence").all();
    expect(logged).toEqual(files.map((f, n) => ({ sequence: sequences[n], sha256: f.sha256 })).sort((x, y) => x.sequence! - y.sequence!));
  });

  it('three CSV exports at once: none fails, and what is on the stick is what the last one read back', async () => {
    const a = await site();
    const dir = folder();
    const started: Promise<Outcome>[] = [];
    for (let n = 0; n < 3; n += 1) {
      // Each export sees different stock, so a read-back that found another export's file would notice.
      a.core.ctx.db.prepare('UPDATE items SET low_stock = low_stock + 1').run();
      started.push(a.raw('exchange.export_csv', { folder: dir }) as Promise<Outcome>);
    }
    const outcomes = await Promise.all(started);
    expectClean(outcomes);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    const answers = outcomes.map((o) => (o as { value: WrittenFile[] }).value);
    for (const files of answers) for (const f of files) expect(existsSync(f.path)).toBe(true);
    // The same three names each time: the last export's files are the ones left, exactly as it verified them.
    for (const f of answers[2]!) expect(sha256(f.path)).toBe(f.sha256);
    expect(answers[0]![0]!.sha256).not.toBe(answers[2]![0]!.sha256);
    expect(finished(dir)).toHaveLength(3);
  });

  it('a share export whose write is slow does not hold up a slip lookup', async () => {
    const held = gate();
    const writing = gate();
    const a = await site({
      afterChunk: () => {
        writing.open();
        return held.promise;
      },
    });
    const dir = folder();
    let exported = false;
    const exporting = a.raw('exchange.export_share', { folder: dir }).then((r) => {
      exported = true;
      return r;
    });
    await writing.promise;
    const { short_code: code } = a.core.ctx.db.prepare('SELECT short_code FROM slips LIMIT 1').get() as { short_code: string };
    const lookup = await a.raw('slip.lookup', { code });
    expect(lookup.ok).toBe(true);
    // The export is still in the middle of its write: nothing has its final name yet.
    expect(exported).toBe(false);
    expect(finished(dir)).toEqual([]);
    held.open();
    const r = (await exporting) as Outcome;
    expect(r.ok).toBe(true);
    expectShareFiles([(r as { value: WrittenFile }).value]);
  });

  it('another kiosk putting its own file under the same name: a clear code, and its file is left alone', async () => {
    const dir = folder();
    let theirs = '';
    const a = await site({
      afterRename: (path) => {
        // What a second kiosk's rename does between our rename and our read-back.
        const tmp = join(dir, '.other-kiosk.part');
        writeFileSync(tmp, 'another export, already verified');
        renameSync(tmp, path);
        theirs = sha256(path);
      },
    });
    const r = (await a.raw('exchange.export_share', { folder: dir })) as Outcome;
    expect(r).toMatchObject({ ok: false, error: { code: 'exchange.write_clash' } });
    const left = finished(dir);
    expect(left).toHaveLength(1);
    expect(sha256(join(dir, left[0]!))).toBe(theirs);
    expect(a.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM exchange_exports').get()).toEqual({ n: 0 });
  });

  it('a file that reads back wrong is ours, so it is removed', async () => {
    const dir = folder();
    const a = await site({
      // The stick garbles our own file in place (same file, different bytes).
      afterRename: (path) => writeFileSync(path, 'garbled', { flag: 'r+' }),
    });
    const r = (await a.raw('exchange.export_share', { folder: dir })) as Outcome;
    expect(r).toMatchObject({ ok: false, error: { code: 'exchange.verify_failed' } });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('two kiosks on one database exporting to one stick at the same time', () => {
  it('share: every export gets its own sequence and its own verified file', async () => {
    const a = await site();
    const dir = folder();
    const other = await secondKiosk(a, dir, 'exchange.export_share', 3);
    const theirs = other.go();
    const ours = (await Promise.all([1, 2, 3].map(() => a.raw('exchange.export_share', { folder: dir })))) as Outcome[];
    const outcomes = [...ours, ...(await theirs)];
    expectClean(outcomes);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true, true, true]);
    const sequences = expectShareFiles(outcomes.map((o) => (o as { value: WrittenFile }).value));
    expect(new Set(sequences).size).toBe(6);
    expect(a.core.ctx.db.prepare("SELECT COUNT(DISTINCT sequence) AS n FROM exchange_exports WHERE kind = 'share'").get()).toEqual({
      n: 6,
    });
  });

  it('CSV: each answer is clean, and each file left on the stick is one an export verified', async () => {
    const a = await site();
    const dir = folder();
    const other = await secondKiosk(a, dir, 'exchange.export_csv', 2);
    const theirs = other.go();
    const ours = (await Promise.all([1, 2].map(() => a.raw('exchange.export_csv', { folder: dir })))) as Outcome[];
    const outcomes = [...ours, ...(await theirs)];
    expectClean(outcomes);
    const verified = outcomes.flatMap((o) => (o.ok ? (o.value as WrittenFile[]) : []));
    expect(verified.length).toBeGreaterThan(0);
    for (const name of finished(dir)) {
      expect(verified.filter((f) => f.fileName === name).map((f) => f.sha256)).toContain(sha256(join(dir, name)));
    }
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
