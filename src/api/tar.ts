// The tar format as both ends of `kubectl cp` meet it: kubectl's Go archive/tar on the client,
// GNU or busybox tar in the container. Writes ustar headers in GNU's layout (a long name gets a
// GNU `L` record), reads ustar, GNU and PAX archives as Go's reader does (a zero block and a
// second one end the archive; a stream that stops inside a member is "unexpected EOF").

export type TarType = 'file' | 'dir' | 'symlink' | 'other';

export interface TarEntry {
  name: string;
  type: TarType;
  /** File contents (empty for everything else). */
  data: Uint8Array;
  mode: number;
  /** Modification time, ms since the epoch. */
  mtime: number;
  linkname?: string;
}

const BLOCK = 512;
const ZERO = new Uint8Array(BLOCK);
const utf8 = new TextEncoder();
const decoder = new TextDecoder();

const TYPEFLAG: Record<TarType, string> = { file: '0', dir: '5', symlink: '2', other: '0' };

function putString(block: Uint8Array, offset: number, size: number, bytes: Uint8Array): void {
  block.set(bytes.subarray(0, size), offset);
}

/** An octal field as GNU tar writes it: zero-padded digits and a NUL. */
function putOctal(block: Uint8Array, offset: number, size: number, value: number): void {
  putString(block, offset, size, utf8.encode(`${Math.max(0, Math.floor(value)).toString(8).padStart(size - 1, '0')}\0`));
}

function header(name: Uint8Array, e: TarEntry, typeflag: string, size: number): Uint8Array {
  const b = new Uint8Array(BLOCK);
  putString(b, 0, 100, name);
  putOctal(b, 100, 8, e.mode);
  putOctal(b, 108, 8, 0);
  putOctal(b, 116, 8, 0);
  putOctal(b, 124, 12, size);
  putOctal(b, 136, 12, Math.floor(e.mtime / 1000));
  b.fill(0x20, 148, 156);
  b[156] = typeflag.charCodeAt(0);
  if (e.linkname) putString(b, 157, 100, utf8.encode(e.linkname));
  putString(b, 257, 8, utf8.encode('ustar  \0'));
  putString(b, 265, 32, utf8.encode('root'));
  putString(b, 297, 32, utf8.encode('root'));
  let sum = 0;
  for (const byte of b) sum += byte;
  putString(b, 148, 8, utf8.encode(`${sum.toString(8).padStart(6, '0')}\0 `));
  return b;
}

const padding = (n: number) => (BLOCK - (n % BLOCK)) % BLOCK;

/** The archive of these entries, ended by two zero blocks and padded to `record` bytes. */
export function writeTar(entries: readonly TarEntry[], record = BLOCK * 2): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const name = utf8.encode(e.name);
    const size = e.type === 'file' ? e.data.length : 0;
    if (name.length > 100) {
      // GNU's long name: a `././@LongLink` member whose data is the name.
      const long = new Uint8Array(name.length + 1);
      long.set(name);
      parts.push(header(utf8.encode('././@LongLink'), { ...e, mode: 0, mtime: 0, linkname: undefined }, 'L', long.length), long, new Uint8Array(padding(long.length)));
    }
    parts.push(header(name.length > 100 ? name.subarray(0, 100) : name, e, TYPEFLAG[e.type], size));
    if (size) parts.push(e.data, new Uint8Array(padding(size)));
  }
  parts.push(ZERO, ZERO);
  let total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total + ((record - (total % record)) % record));
  total = 0;
  for (const p of parts) {
    out.set(p, total);
    total += p.length;
  }
  return out;
}

/** Why an archive could not be read, in Go's archive/tar words. */
export class TarError extends Error {}

function field(b: Uint8Array, offset: number, size: number): string {
  const s = b.subarray(offset, offset + size);
  const end = s.indexOf(0);
  return decoder.decode(end < 0 ? s : s.subarray(0, end));
}

function octal(b: Uint8Array, offset: number, size: number): number {
  const text = field(b, offset, size).replace(/^[ \0]+|[ \0]+$/g, '');
  if (!text) return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarError('archive/tar: invalid tar header');
  return parseInt(text, 8);
}

function checksumOk(b: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : b[i];
  return octal(b, 148, 8) === sum;
}

function paxRecords(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const text = decoder.decode(data);
  for (const rec of text.split('\n')) {
    const m = /^\d+ ([^=]+)=(.*)$/s.exec(rec);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

export interface TarReader {
  /** The next entry; undefined at the end of the archive. Throws TarError. */
  next(): TarEntry | undefined;
  /** Bytes read so far. */
  readonly offset: number;
}

/** Reads an archive entry by entry, as Go's tar.Reader does. */
export function readTar(bytes: Uint8Array): TarReader {
  let pos = 0;
  const take = (n: number): Uint8Array => {
    if (pos + n > bytes.length) {
      // Go's io.ReadFull: nothing at all is EOF (the end), part of a block is unexpected.
      const partial = pos < bytes.length;
      pos = bytes.length;
      throw new TarError(partial ? 'unexpected EOF' : 'EOF');
    }
    const s = bytes.subarray(pos, pos + n);
    pos += n;
    return s;
  };
  const next = (): TarEntry | undefined => {
    let longName: string | undefined;
    let longLink: string | undefined;
    let pax: Record<string, string> = {};
    for (;;) {
      let b: Uint8Array;
      try {
        b = take(BLOCK);
      } catch (e) {
        if (e instanceof TarError && e.message === 'EOF') return undefined;
        throw e;
      }
      if (b.every((x) => x === 0)) {
        let second: Uint8Array;
        try {
          second = take(BLOCK);
        } catch (e) {
          if (e instanceof TarError && e.message === 'EOF') return undefined;
          throw e;
        }
        if (second.every((x) => x === 0)) return undefined;
        throw new TarError('archive/tar: invalid tar header');
      }
      if (!checksumOk(b)) throw new TarError('archive/tar: invalid tar header');
      const size = octal(b, 124, 12);
      const flag = String.fromCharCode(b[156] || 0x30);
      const readData = () => {
        const d = take(size);
        take(padding(size));
        return d;
      };
      if (flag === 'L' || flag === 'K') {
        const d = decoder.decode(readData()).replace(/\0+$/, '');
        if (flag === 'L') longName = d;
        else longLink = d;
        continue;
      }
      if (flag === 'x' || flag === 'g') {
        const recs = paxRecords(readData());
        if (flag === 'x') pax = recs;
        continue;
      }
      const magic = field(b, 257, 6);
      const prefix = magic === 'ustar' ? field(b, 345, 155) : '';
      let name = longName ?? pax.path ?? (prefix ? `${prefix}/${field(b, 0, 100)}` : field(b, 0, 100));
      const type: TarType = flag === '5' ? 'dir' : flag === '2' ? 'symlink' : flag === '0' || flag === '7' || b[156] === 0 ? 'file' : 'other';
      // Old archives mark directories only by a trailing slash.
      const dir = type === 'dir' || (type === 'file' && name.endsWith('/'));
      const data = type === 'file' || type === 'other' ? readData() : new Uint8Array(0);
      if (dir && !name.endsWith('/') && type !== 'dir') name += '/';
      return {
        name,
        type: dir ? 'dir' : type,
        data: dir ? new Uint8Array(0) : data,
        mode: octal(b, 100, 8),
        mtime: octal(b, 136, 12) * 1000,
        linkname: longLink ?? pax.linkpath ?? (field(b, 157, 100) || undefined),
      };
    }
  };
  return {
    next,
    get offset() {
      return pos;
    },
  };
}
