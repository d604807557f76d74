// The store's file primitives: reads that tell a missing file from a broken one, and writes that
// reach the disk before anyone is told they happened.
import * as fs from 'node:fs';
import { type ByteSink, FileSink, writeFully } from './bytesink';

export class StoreError extends Error {}

/**
 * A write of the store that failed (a full disk, a read-only file system …), naming the file:
 * the files it replaces and the journal's whole records are as they were.
 */
export function writeFailed(file: string, e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  return new StoreError(`cannot write the store file ${file} (${(e as Error).message}); the store holds what it held before this write`);
}

export function readFileOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError(`cannot read the store ${file}: ${(e as Error).message}`);
  }
}

export function parse<T>(file: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new StoreError(`the store ${file} is unreadable (${(e as Error).message}); it was left untouched`);
  }
}

/** An open descriptor and the size of a file, or undefined when there is none. */
export function openForReading(file: string): { fd: number; size: number } | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError(`cannot read the store ${file}: ${(e as Error).message}`);
  }
  return { fd, size: fs.fstatSync(fd).size };
}

/** What a file is written from: its text, its bytes, or a writer that streams them into a sink. */
export type FileContent = string | Buffer | ((sink: ByteSink) => void);

/** Writes all of `data` at the descriptor's position. */
function writeAll(fd: number, data: FileContent): void {
  if (typeof data === 'function') {
    const sink = new FileSink(fd);
    data(sink);
    sink.end();
    return;
  }
  writeFully(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
}

/** Replaces `file` atomically: a temporary file, fsynced, renamed over it. */
export function writeDurably(file: string, text: FileContent, pid: number): void {
  const tmp = `${file}.tmp-${pid}`;
  try {
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      writeAll(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw writeFailed(file, e);
  }
}

/**
 * Files written now and flushed to disk concurrently on the thread pool; `wait` for all of them
 * on the event loop, or `flushNow` to finish synchronously (a flush already under way is waited
 * for by the second fsync). A file is renamed into place once it is durable. The descriptors are
 * closed by their fsync's callback only, so none is reused while a flush may still use it.
 */
export class PendingWrites {
  private readonly files: { fd: number; tmp: string; file: string; done: boolean }[] = [];
  private left = 0;
  private error?: StoreError;
  private wake?: () => void;

  constructor(writes: [string, FileContent][], pid: number) {
    for (const [file, text] of writes) {
      const tmp = `${file}.tmp-${pid}`;
      let fd: number;
      try {
        fd = fs.openSync(tmp, 'w', 0o600);
      } catch (e) {
        this.fail(file, e);
        break;
      }
      const entry = { fd, tmp, file, done: false };
      this.files.push(entry);
      this.left++;
      try {
        writeAll(fd, text);
      } catch (e) {
        this.fail(file, e);
      }
      fs.fsync(fd, (err) => {
        fs.closeSync(fd);
        if (err && !entry.done) this.fail(file, err);
        else this.durable(entry);
        if (--this.left === 0) this.wake?.();
      });
    }
  }

  private fail(file: string, e: unknown): void {
    this.error ??= writeFailed(file, e);
  }

  private durable(entry: { tmp: string; file: string; done: boolean }): void {
    if (entry.done || this.error) return;
    entry.done = true;
    try {
      fs.renameSync(entry.tmp, entry.file);
    } catch (e) {
      this.fail(entry.file, e);
    }
  }

  /** A failed write leaves none of its files behind (those renamed already are named by no manifest). */
  private settleError(): void {
    if (!this.error) return;
    for (const f of this.files) fs.rmSync(f.done ? f.file : f.tmp, { force: true });
    throw this.error;
  }

  wait(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const settle = () => {
        try {
          this.settleError();
          resolve();
        } catch (e) {
          reject(e);
        }
      };
      if (this.left === 0) settle();
      else this.wake = settle;
    });
  }

  flushNow(): void {
    for (const f of this.files)
      if (!f.done && !this.error) {
        try {
          fs.fsyncSync(f.fd);
        } catch (e) {
          this.fail(f.file, e);
        }
        this.durable(f);
      }
    this.settleError();
  }
}

export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch {
    /* directories cannot be fsynced on every platform */
  }
}

/** Creates a directory only its owner may enter, whatever the umask; an existing one is left as it is. */
export function makePrivateDir(dir: string): void {
  if (fs.mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined) fs.chmodSync(dir, 0o700);
}
