// Where a collection file's bytes go as they are made: into one buffer (a backup needs the bytes)
// or straight into a file through one small buffer reused for every file. Writing ten thousand
// pods through a 34 MB buffer made for the purpose costs more in fresh pages (the kernel hands out
// and zeroes each one) than encoding them; a reused buffer's pages are already there.
import * as fs from 'node:fs';

export interface ByteSink {
  /** Bytes written so far. */
  readonly length: number;
  /** Writes `s` as UTF-8; returns how many bytes that took. */
  text(s: string): number;
  byte(b: number): void;
  /** Writes bytes `start`..`end` of `from`. */
  copy(from: Buffer, start: number, end: number): void;
}

/**
 * A buffer written from the start, sized by characters (the bytes of ASCII text): text that is
 * not ASCII may need more, and then it grows. Measuring every string's UTF-8 length first would
 * scan all of it once more.
 */
export class GrowingBuffer implements ByteSink {
  private buf: Buffer;
  private at = 0;

  constructor(chars: number) {
    this.buf = Buffer.allocUnsafe(chars + 16);
  }

  get length(): number {
    return this.at;
  }

  text(s: string): number {
    for (;;) {
      // A bound near the string's own size: with the whole rest of the buffer as the bound the
      // encoder is about twice as slow.
      const n = this.buf.write(s, this.at, Math.min(this.buf.length - this.at, s.length * 3), 'utf8');
      // A write stops early only when the buffer is full (a character that does not fit is left
      // out whole, so up to three bytes may stay free); far from the end, it wrote everything.
      if (this.buf.length - this.at - n >= 4 || Buffer.byteLength(s, 'utf8') === n) {
        this.at += n;
        return n;
      }
      this.grow(Buffer.byteLength(s, 'utf8'));
    }
  }

  byte(b: number): void {
    if (this.at === this.buf.length) this.grow(1);
    this.buf[this.at++] = b;
  }

  copy(from: Buffer, start: number, end: number): void {
    if (this.buf.length - this.at < end - start) this.grow(end - start);
    this.at += from.copy(this.buf, this.at, start, end);
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.at);
  }

  private grow(atLeast: number): void {
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + atLeast + 16));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }
}

/** Writes bytes `start`..`end` of `from` at the descriptor's position (a write may take less than it is given). */
export function writeFully(fd: number, from: Buffer, start = 0, end = from.length): void {
  for (let at = start; at < end; ) at += fs.writeSync(fd, from, at, end - at);
}

const CHUNK = 1 << 20;
/** The one staging buffer of every FileSink: writes are synchronous, so no two use it at once. */
let staging: Buffer | undefined;

/**
 * Bytes written into an open file as they come, staged in a buffer of 1 MiB shared by every
 * file; `end` writes what is staged. Text too long to stage is encoded on its own.
 */
export class FileSink implements ByteSink {
  private readonly buf = (staging ??= Buffer.allocUnsafe(CHUNK));
  private staged = 0;
  private flushed = 0;

  constructor(private readonly fd: number) {}

  get length(): number {
    return this.flushed + this.staged;
  }

  text(s: string): number {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (s.length * 3 > CHUNK - this.staged) {
      this.flush();
      if (s.length * 3 > CHUNK) {
        const bytes = Buffer.from(s, 'utf8');
        this.direct(bytes, 0, bytes.length);
        return bytes.length;
      }
    }
    const n = this.buf.write(s, this.staged, s.length * 3, 'utf8');
    this.staged += n;
    return n;
  }

  byte(b: number): void {
    if (this.staged === CHUNK) this.flush();
    this.buf[this.staged++] = b;
  }

  copy(from: Buffer, start: number, end: number): void {
    if (end - start > CHUNK - this.staged) {
      this.flush();
      if (end - start > CHUNK) return this.direct(from, start, end);
    }
    this.staged += from.copy(this.buf, this.staged, start, end);
  }

  /** Writes what is staged; the file then holds every byte given. */
  end(): void {
    this.flush();
  }

  private flush(): void {
    if (!this.staged) return;
    const n = this.staged;
    this.staged = 0;
    this.direct(this.buf, 0, n);
  }

  private direct(from: Buffer, start: number, end: number): void {
    writeFully(this.fd, from, start, end);
    this.flushed += end - start;
  }
}
