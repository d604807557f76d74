// The system's random source, for what must never repeat between homes: keys, serials, tokens.
// Read from /dev/urandom (the kernel's CSPRNG, what node:crypto draws from too): loading
// node:crypto costs a new cluster's first command ~4 ms. Where there is no /dev/urandom, node:crypto.
import * as fs from 'node:fs';

/** `n` random bytes. */
export function systemRandomBytes(n: number): Buffer {
  const out = Buffer.alloc(n);
  let fd: number;
  try {
    fd = fs.openSync('/dev/urandom', 'r');
  } catch {
    return (require('node:crypto') as typeof import('node:crypto')).randomFillSync(out);
  }
  try {
    for (let at = 0; at < n; ) at += fs.readSync(fd, out, at, n - at, null);
  } finally {
    fs.closeSync(fd);
  }
  return out;
}

/** `n` characters drawn uniformly from `alphabet` (at most 256 long): bytes that would favour some are drawn again. */
export function randomChars(n: number, alphabet: string): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < n) {
    for (const byte of systemRandomBytes(2 * (n - out.length))) {
      if (byte >= limit) continue;
      out += alphabet[byte % alphabet.length];
      if (out.length === n) break;
    }
  }
  return out;
}
