// One writer at a time: an exclusive lock file that waits for its holder and recovers from a
// holder that died. A second, short-lived "breaker" lock makes stale-lock removal race-free.
import * as fs from 'node:fs';
import * as os from 'node:os';

export interface LockOptions {
  timeoutMs: number;
  /** This process's id, written into the lock so others can tell a dead holder. */
  pid: number;
  /** Whether a process id belongs to a running process. */
  isAlive(pid: number): boolean;
}

interface Holder {
  pid: number;
  host: string;
}

const SLEEP = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(SLEEP, 0, 0, ms);
}

function readHolder(path: string): Holder | null {
  try {
    const [pid, host] = fs.readFileSync(path, 'utf8').split('\n');
    return { pid: Number(pid), host: host ?? '' };
  } catch {
    return null;
  }
}

function tryCreate(path: string, pid: number): boolean {
  try {
    const fd = fs.openSync(path, 'wx');
    fs.writeSync(fd, `${pid}\n${os.hostname()}\n`);
    fs.closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

export class LockTimeoutError extends Error {}

export class FileLock {
  private held = false;
  constructor(
    private readonly path: string,
    private readonly opts: LockOptions,
  ) {}

  acquire(): void {
    const start = performance.now();
    let wait = 2;
    while (!tryCreate(this.path, this.opts.pid)) {
      const holder = readHolder(this.path);
      if (holder && this.isDead(holder)) {
        this.breakStale(holder);
        continue;
      }
      if (performance.now() - start > this.opts.timeoutMs) {
        throw new LockTimeoutError(
          `timed out after ${Math.round(this.opts.timeoutMs / 1000)}s waiting for the store lock ${this.path}` +
            (holder ? ` held by process ${holder.pid}` : ''),
        );
      }
      sleep(wait);
      wait = Math.min(wait * 2, 25);
    }
    this.held = true;
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

  private isDead(h: Holder): boolean {
    return h.host === os.hostname() && Number.isInteger(h.pid) && h.pid > 0 && !this.opts.isAlive(h.pid);
  }

  /** Removes a dead holder's lock, unless someone replaced it meanwhile. */
  private breakStale(stale: Holder): void {
    const breaker = `${this.path}.break`;
    if (!tryCreate(breaker, this.opts.pid)) {
      const b = readHolder(breaker);
      if (b && this.isDead(b)) fs.rmSync(breaker, { force: true });
      else sleep(2);
      return;
    }
    try {
      const now = readHolder(this.path);
      if (now && now.pid === stale.pid && now.host === stale.host) fs.rmSync(this.path, { force: true });
    } finally {
      fs.rmSync(breaker, { force: true });
    }
  }
}
