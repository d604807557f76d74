// The store lock: one holder at a time, a file that is whole or absent and private to its owner,
// and recovery from every lock a holder can leave behind — cut short by a full disk, garbage,
// another boot, another host, a process id now used by another process — while a live holder is
// waited for and, at the end of the wait, named with the way out.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FOREIGN_STALE_MS, FileLock, type LockOptions, LockTimeoutError, holderText, parseHolder } from '../../src/store/lock';
import { bootId, processIdentity, startTicks } from '../../src/store/processidentity';

const dirs: string[] = [];
const children: { kill(): void }[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  for (const c of children.splice(0)) c.kill();
});

function lockFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-lock-'));
  dirs.push(dir);
  return path.join(dir, 'store.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function opts(extra: Partial<LockOptions> = {}): LockOptions {
  return { timeoutMs: 150, pid: process.pid, isAlive, now: () => Date.now(), ...extra };
}

/** A lock file as a holder left it, written `ageMs` ago. */
function leave(file: string, text: string, ageMs = 0): void {
  fs.writeFileSync(file, text);
  const t = (Date.now() - ageMs) / 1000;
  fs.utimesSync(file, t, t);
}

/** Takes the lock at `file` with `o`, checks it now names that holder, and lets it go. */
function takeOver(file: string, o: LockOptions = opts()): void {
  const lock = new FileLock(file, o);
  lock.acquire();
  expect(parseHolder(fs.readFileSync(file, 'utf8'))?.pid).toBe(o.pid);
  lock.release();
}

/** A process id that no process has now. */
function deadPid(): number {
  let pid = 999_999;
  while (isAlive(pid)) pid--;
  return pid;
}

const linux = fs.existsSync('/proc/self/stat');

describe('the store lock', () => {
  it('is a private file naming its holder by host, boot, process and start, removed on release', () => {
    const file = lockFile();
    const lock = new FileLock(file, opts());
    lock.acquire();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const holder = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(holder).toEqual({ ...processIdentity(process.pid), pid: process.pid });
    expect(holder.host).toBe(os.hostname());
    if (linux) expect(holder.start).toBe(startTicks(process.pid));
    expect(fs.readdirSync(path.dirname(file))).toEqual(['store.lock']);
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('waits for a live holder, then names the file, the holder and how to remove it', () => {
    const file = lockFile();
    const holder = new FileLock(file, opts());
    holder.acquire();
    const since = new Date(fs.statSync(file).mtimeMs).toISOString();
    let error: unknown;
    try {
      new FileLock(file, opts({ pid: process.pid + 1 })).acquire();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect((error as Error).message).toBe(
      `timed out after 0s waiting for the store lock ${file}, held by process ${process.pid} on host ${os.hostname()} since ${since}; ` +
        `if no pocketkube command is using this home any more, remove ${file} and run the command again`,
    );
    expect(fs.readdirSync(path.dirname(file))).toEqual(['store.lock']);
    holder.release();
  });

  it.each([
    ['an empty lock (the disk filled while it was written)', ''],
    ['a lock cut short', '{"pid":12'],
    ['garbage', 'process NaN\n'],
    ['a lock naming process 0', '0\nsomewhere\n'],
  ])('takes over %s once it is not being written any more', (_, text) => {
    const file = lockFile();
    leave(file, text, 5_000);
    takeOver(file);
  });

  it('does not take an unreadable lock written a moment ago (an older holder may be writing it)', () => {
    const file = lockFile();
    leave(file, '');
    expect(() => new FileLock(file, opts()).acquire()).toThrow(`, which does not name its holder (0 bytes); if no pocketkube`);
    expect(fs.readFileSync(file, 'utf8')).toBe('');
  });

  it('takes over the lock of a holder that died', () => {
    const file = lockFile();
    leave(file, holderText({ ...processIdentity(process.pid), pid: deadPid() }));
    takeOver(file);
  });

  it('takes over the lock of an older version naming a dead process', () => {
    const file = lockFile();
    leave(file, `${deadPid()}\n${os.hostname()}\n`);
    takeOver(file);
  });

  it.runIf(!!bootId())('takes over a lock written before the host last booted', () => {
    const file = lockFile();
    leave(file, holderText({ ...processIdentity(process.pid), boot: 'an-earlier-boot', pid: process.pid }));
    takeOver(file, opts({ pid: process.pid + 1 }));
  });

  it.runIf(linux)('takes over a lock whose process id now belongs to another process', () => {
    const file = lockFile();
    // This process is alive, but it started at another time than the holder said.
    const me = processIdentity(process.pid);
    leave(file, holderText({ ...me, start: (me.start ?? 0) + 1, pid: process.pid }));
    takeOver(file, opts({ pid: process.pid + 1 }));
  });

  it.runIf(linux)("takes over an older version's lock naming a process that started after it was written", () => {
    const file = lockFile();
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(child);
    leave(file, `${child.pid}\n${os.hostname()}\n`, 60_000);
    takeOver(file);
  });

  it('waits for a holder on another host while it refreshes its lock, and takes over once it stops', () => {
    const file = lockFile();
    const foreign = holderText({ pid: 4242, host: 'another-host' });
    leave(file, foreign, FOREIGN_STALE_MS / 2);
    expect(() => new FileLock(file, opts()).acquire()).toThrow(`held by process 4242 on host another-host since`);
    leave(file, foreign, FOREIGN_STALE_MS + 1_000);
    takeOver(file);
  });

  it('is refreshed by its holder while it works, at most every ten seconds', () => {
    const file = lockFile();
    let now = Date.now();
    const lock = new FileLock(file, opts({ now: () => now }));
    lock.acquire();
    const first = fs.statSync(file).mtimeMs;
    now += 5_000;
    lock.refresh();
    expect(fs.statSync(file).mtimeMs).toBe(first);
    now += 6_000;
    lock.refresh();
    expect(Math.round(fs.statSync(file).mtimeMs)).toBe(Math.round(now));
    lock.release();
  });

  it('names the lock when it cannot be taken for another reason', () => {
    const file = path.join(lockFile(), 'no-such-dir', 'store.lock');
    expect(() => new FileLock(file, opts()).acquire()).toThrow(`cannot take the store lock ${file}: ENOENT`);
  });
});
