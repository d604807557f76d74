// The two places a collection file's bytes go: one growing buffer, or a file through a staging
// buffer. Both must hold exactly the bytes given, whatever their sizes and characters.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ByteSink, FileSink, GrowingBuffer } from '../../src/store/bytesink';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-bytesink-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The same writes, to any sink: small and huge texts (ASCII, two- and three-byte, surrogate pairs), bytes, copies. */
function feed(sink: ByteSink): { expected: Buffer; lengths: [number, number][] } {
  const parts: Buffer[] = [];
  const lengths: [number, number][] = [];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const alphabet = ['a', 'é', '漢', '😀', '\t', '"'];
  const source = Buffer.from('x'.repeat(3 << 20) + 'ü'.repeat(1000), 'utf8');
  for (let step = 0; step < 400; step++) {
    const kind = next() % 10;
    if (kind < 6) {
      const size = next() % 7 === 0 ? (next() % 3) << 20 : next() % 5000;
      const s = alphabet[next() % alphabet.length].repeat(Math.ceil(size / 2));
      lengths.push([sink.text(s), Buffer.byteLength(s, 'utf8')]);
      parts.push(Buffer.from(s, 'utf8'));
    } else if (kind < 8) {
      sink.byte(0x0a);
      parts.push(Buffer.from([0x0a]));
    } else {
      const start = next() % source.length;
      const end = Math.min(source.length, start + (next() % 4 === 0 ? next() % (2 << 20) : next() % 4000));
      sink.copy(source, start, end);
      parts.push(source.subarray(start, end));
    }
    expect(sink.length).toBe(parts.reduce((n, p) => n + p.length, 0));
  }
  return { expected: Buffer.concat(parts), lengths };
}

describe('byte sinks', () => {
  it('a growing buffer holds exactly what it was given, however it had to grow', () => {
    const sink = new GrowingBuffer(16);
    const { expected, lengths } = feed(sink);
    expect(sink.bytes().equals(expected)).toBe(true);
    for (const [returned, bytes] of lengths) expect(returned).toBe(bytes);
  });

  it('a file sink writes the same bytes through its staging buffer, texts and copies larger than it included', () => {
    const file = path.join(dir, 'out');
    const fd = fs.openSync(file, 'w');
    const sink = new FileSink(fd);
    const { expected, lengths } = feed(sink);
    sink.end();
    for (const [returned, bytes] of lengths) expect(returned).toBe(bytes);
    fs.closeSync(fd);
    const written = fs.readFileSync(file);
    expect(written.length).toBe(expected.length);
    expect(written.equals(expected)).toBe(true);
  });

  it('two file sinks one after the other share the staging buffer without mixing their bytes', () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    for (const [file, text] of [
      [a, 'first file '.repeat(50_000)],
      [b, 'second '.repeat(70_000)],
    ] as const) {
      const fd = fs.openSync(file, 'w');
      const sink = new FileSink(fd);
      sink.text(text);
      sink.byte(0x0a);
      sink.end();
      fs.closeSync(fd);
    }
    expect(fs.readFileSync(a, 'utf8')).toBe(`${'first file '.repeat(50_000)}\n`);
    expect(fs.readFileSync(b, 'utf8')).toBe(`${'second '.repeat(70_000)}\n`);
  });
});
