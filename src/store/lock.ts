// One writer at a time: an exclusive lock file that waits for its holder and recovers from a
// holder that cannot be running any more. The file appears whole or not at all (written aside,
// then linked into place), so a lock that cannot be read was left by a crash or a full disk, not
// by a holder still writing it. It names its holder by host, boot, process id and the process's
// start time, so neither a reboot, a restarted container nor a reused process id is taken for the
// holder. A second, short-lived "breaker" lock makes stale-lock removal race-free.
import * as fs from 'node:fs';
import { StoreError } from './files';
import { type ProcessIdentity, processIdentity, sameProcessRunning } from './processidentity';

export interface LockOptions {
  timeoutMs: number;
  /** This process's id, written into the lock so others can tell a dead holder. */
  pid: number;
  /** Whether a process id belongs to a running process. */
  isAlive(pid: number): boolean;
  /** The machine's time now (ms since the epoch): a lock's age is judged by it against its file's time. */
  now(): number;
}

/** What the lock file says about its holder (a lock of older versions names only pid and host). */
export interface Holder extends Partial<ProcessIdentity> {
  pid: number;
  host: string;
}

/**
 * A lock that cannot be read is not trusted for this long after it was last written: older
 * versions created the file and then wrote it, and a holder of those may be between the two.
 */
const UNREADABLE_GRACE_MS = 2_000;
/**
 * A holder on another host cannot be asked whether it runs; its lock counts as left behind once
 * it has not been refreshed for this long (a holder refreshes it while it works: refresh()).
 */
export const FOREIGN_STALE_MS = 120_000;
const REFRESH_EVERY_MS = 10_000;

const SLEEP = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(SLEEP, 0, 0, ms);
}

interface LockFile {
  /** The holder, or undefined when the file does not say (empty, cut short, not a lock). */
  holder?: Holder;
  text: string;
  mtimeMs: number;
}

/** The lock file as it is now, or null when there is none. */
function readLock(path: string): LockFile | null {
  let text: string;
  let mtimeMs: number;
  try {
    const fd = fs.openSync(path, 'r');
    try {
      mtimeMs = fs.fstatSync(fd).mtimeMs;
      text = fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return { holder: parseHolder(text), text, mtimeMs };
}

export function parseHolder(text: string): Holder | undefined {
  if (text.startsWith('{')) {
    try {
      const h = JSON.parse(text) as Holder;
      return Number.isSafeInteger(h.pid) && h.pid > 0 && typeof h.host === 'string' ? h : undefined;
    } catch {
      return undefined;
    }
  }
  // "pid\nhost\n", as older versions wrote it.
  const [pid, host] = text.split('\n');
  return /^[1-9][0-9]*$/.test(pid ?? '') && host ? { pid: Number(pid), host } : undefined;
}

export function holderText(h: Holder): string {
  return `${JSON.stringify(h)}\n`;
}

/**
 * Links the written-aside `tmp` into place as `path`, unless `path` exists: no one ever sees the
 * lock half written. A file system without hard links gets an exclusive create, then the write.
 */
function tryLink(tmp: string, path: string, text: string): boolean {
  try {
    fs.linkSync(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') return createExclusive(path, text);
    throw e;
  }
}

/** Creates `path` holding `text` (private to its owner: 0600), unless it exists. */
function tryCreate(path: string, text: string, pid: number): boolean {
  return withAside(path, text, pid, (tmp) => tryLink(tmp, path, text));
}

/** Runs `use` with `text` written to a file beside `path`, removed afterwards. */
function withAside<T>(path: string, text: string, pid: number, use: (tmp: string) => T): T {
  const tmp = `${path}.${pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  try {
    return use(tmp);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function createExclusive(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(path, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    fs.writeSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

export class LockTimeoutError extends Error {}

export class FileLock {
  private held = false;
  private refreshedAt = 0;
  private readonly me: Holder;

  constructor(
    private readonly path: string,
    private readonly opts: LockOptions,
  ) {
    this.me = { ...processIdentity(opts.pid), pid: opts.pid };
  }

  private now(): number {
    return this.opts.now();
  }

  acquire(): void {
    try {
      this.take();
    } catch (e) {
      if (e instanceof LockTimeoutError || !(e as NodeJS.ErrnoException).code) throw e;
      throw new StoreError(`cannot take the store lock ${this.path}: ${(e as Error).message}`);
    }
    this.held = true;
    this.refreshedAt = this.now();
  }

  private take(): void {
    const text = holderText(this.me);
    withAside(this.path, text, this.opts.pid, (tmp) => {
      const start = performance.now();
      let wait = 2;
      while (!tryLink(tmp, this.path, text)) {
        const lock = readLock(this.path);
        if (lock && this.isStale(lock)) {
          this.breakStale(lock);
          continue;
        }
        if (performance.now() - start > this.opts.timeoutMs) throw new LockTimeoutError(this.timeoutMessage(lock));
        sleep(wait);
        wait = Math.min(wait * 2, 25);
      }
    });
  }

  /**
   * Tells waiters on other hosts that the holder still works (they cannot ask its host): touches
   * the lock now and then. Cheap enough to call on every step of a long command.
   */
  refresh(): void {
    if (!this.held) return;
    const now = this.now();
    if (now - this.refreshedAt < REFRESH_EVERY_MS) return;
    this.refreshedAt = now;
    try {
      fs.utimesSync(this.path, now / 1000, now / 1000);
    } catch {
      /* a lock taken from us is found out by the next writer, not here */
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      fs.unlinkSync(this.path);
    } catch {
      /* already gone */
    }
  }

  /** Whether the lock's holder cannot be running any more. */
  private isStale(lock: LockFile): boolean {
    const age = this.now() - lock.mtimeMs;
    const h = lock.holder;
    if (!h) return age > UNREADABLE_GRACE_MS;
    if (h.host !== this.me.host) return age > FOREIGN_STALE_MS;
    // The same host, booted again since: every process of the old boot is gone.
    if (h.boot && this.me.boot && h.boot !== this.me.boot) return true;
    if (!this.opts.isAlive(h.pid)) return true;
    // Alive, but is it the holder? A process started after the lock was written is not.
    return !sameProcessRunning(h, lock.mtimeMs);
  }

  private timeoutMessage(lock: LockFile | null): string {
    const seconds = Math.round(this.opts.timeoutMs / 1000);
    const who = !lock
      ? ''
      : lock.holder
        ? `, held by process ${lock.holder.pid} on host ${lock.holder.host} since ${new Date(lock.mtimeMs).toISOString()}`
        : `, which does not name its holder (${lock.text.length} bytes)`;
    return (
      `timed out after ${seconds}s waiting for the store lock ${this.path}${who}; ` +
      `if no pocketkube command is using this home any more, remove ${this.path} and run the command again`
    );
  }

  /** Removes a stale lock, unless someone replaced it meanwhile. */
  private breakStale(stale: LockFile): void {
    const breaker = `${this.path}.break`;
    if (!tryCreate(breaker, holderText(this.me), this.opts.pid)) {
      const b = readLock(breaker);
      if (b && this.isStale(b)) fs.rmSync(breaker, { force: true });
      else sleep(2);
      return;
    }
    try {
      const now = readLock(this.path);
      if (now && now.text === stale.text && now.mtimeMs === stale.mtimeMs) fs.rmSync(this.path, { force: true });
    } finally {
      fs.rmSync(breaker, { force: true });
    }
  }
}
