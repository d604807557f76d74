// The store's file primitives: reads that tell a missing file from a broken one, and writes that
// reach the disk before anyone is told they happened.
import * as fs from 'node:fs';

export class StoreError extends Error {}

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

/** Replaces `file` atomically: a temporary file, fsynced, renamed over it. */
export function writeDurably(file: string, text: string, pid: number): void {
  const tmp = `${file}.tmp-${pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
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
