// A collection file read lazily: one line per key found through its index line, values parsed
// only when read, lines not written since copied back as they were.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Collection } from '../../src/store/collection';
import { StoreError } from '../../src/store/files';

const lines = (...l: string[]) => Buffer.from(l.map((x) => `${x}\n`).join(''), 'utf8');

describe('a collection file', () => {
  it('reads keys at once and values when asked, escaped keys and non-ASCII text included', () => {
    const c = Collection.fromLines('f', lines('"default/a"\t{"v":1}', '"we\\"ird\\tkey"\t"ünïcode"', '"default/b"\t[1,2]'));
    expect([...c.keys()]).toEqual(['default/a', 'we"ird\tkey', 'default/b']);
    expect(c.size).toBe(3);
    expect(c.get('we"ird\tkey')).toBe('ünïcode');
    expect(c.get('default/b')).toEqual([1, 2]);
    expect(c.get('missing')).toBeUndefined();
  });

  it('writes back unread and unchanged lines byte for byte, and what was written as JSON', () => {
    const source = lines('"a"\t{"x": 1}', '"b"\t{"v":"é"}', '"c"\t3');
    const c = Collection.fromLines('f', source);
    expect(c.get('b')).toEqual({ v: 'é' });
    c.set('c', { now: true });
    c.delete('a');
    c.set('d', 'new');
    const [body, index] = c.serialize().toString('utf8').split(/(?<=\n)(?=#)/);
    expect(body).toBe('"b"\t{"v":"é"}\n"c"\t{"now":true}\n"d"\t"new"\n');
    // Each line's key, where its tab is and its length in bytes (é is two).
    // Last, where the index line starts (15 + 17 + 10 bytes in).
    expect(index).toBe('#{"keys":["b","c","d"],"tabs":[3,3,3],"lengths":[15,17,10],"at":42}\n');
    // The text of an unchanged value is its file's, spacing and all.
    expect(Collection.fromLines('f', source).textOf('a')).toBe('{"x": 1}');
    const back = Collection.fromFile('f', c.serialize());
    expect([...back.keys()]).toEqual(['b', 'c', 'd']);
    expect(back.get('c')).toEqual({ now: true });
    expect(back.get('b')).toEqual({ v: 'é' });
    // Written again unchanged, byte for byte.
    expect(back.serialize().equals(c.serialize())).toBe(true);
  });

  it('refuses a file whose index does not fit its lines: cut short, even at a line, or edited', () => {
    const c = new Collection('f');
    for (let i = 0; i < 5; i++) c.set(`k${i}`, { i });
    const whole = c.serialize();
    expect(Collection.fromFile('f', whole).size).toBe(5);
    const text = whole.toString('utf8');
    const cutAtLine = text.slice(0, text.indexOf('\n') + 1);
    for (const bad of [cutAtLine, text.slice(0, -1), text.replace('{"i":2}', '{"i":22}'), text.replace('"k3"', '"k3x"'), `${text}"k9"\t1\n`, ''])
      expect(() => Collection.fromFile('store/pods.jsonl', Buffer.from(bad))).toThrow(/the store store\/pods.jsonl is unreadable \(it was cut short or changed: its index does not fit its lines\)/);
  });

  it('refuses a value whose line is not where the index says, when it is read', () => {
    const c = new Collection('f');
    c.set('a', 1);
    c.set('b', 22);
    const text = c.serialize().toString('utf8');
    // The two lengths shifted by one byte: the total still fits, the lines do not.
    const moved = text.replace(/"lengths":\[(\d+),(\d+)\]/, (_m, x, y) => `"lengths":[${Number(x) + 1},${Number(y) - 1}]`);
    const read = Collection.fromFile('f', Buffer.from(moved));
    expect(() => read.get('a')).toThrow(/the store f is unreadable at a \(its index does not fit its lines\)/);
  });

  it('refuses lines given without an index when one is cut short or not a key and a value', () => {
    expect(() => Collection.fromLines('store/pods.jsonl', Buffer.from('"a"\t{}\n"b"\t{"v"'))).toThrow(/the store store\/pods.jsonl is unreadable \(line 2 is cut short\)/);
    expect(() => Collection.fromLines('f', lines('{"a":1}'))).toThrow(/line 1 is not a key and a value/);
    expect(() => Collection.fromLines('f', lines('"a"\t'))).toThrow(StoreError);
  });

  it('says which value is unreadable when it is read', () => {
    const c = Collection.fromLines('f', lines('"ok"\t1', '"bad"\t{nope'));
    expect(c.get('ok')).toBe(1);
    expect(() => c.get('bad')).toThrow(/the store f is unreadable at bad/);
  });

  it('reads the older format, one JSON object, and refuses what is not one', () => {
    expect(Collection.fromObject('f', '{"a":{"v":1}}').get('a')).toEqual({ v: 1 });
    for (const text of ['[]', '42', 'null', '"abc"']) expect(() => Collection.fromObject('f', text)).toThrow(StoreError);
  });
});

describe('a collection written out', () => {
  it('holds text of any width, growing past what its characters promised', () => {
    const c = new Collection('f');
    const wide = '日本語'.repeat(5000);
    c.set('a', { v: wide });
    c.set('é', 'ü');
    for (let i = 0; i < 100; i++) c.set(`k${i}`, { n: i, s: 'x'.repeat(i) });
    const back = Collection.fromFile('f', c.serialize());
    expect(back.get('a')).toEqual({ v: wide });
    expect(back.get('é')).toBe('ü');
    expect(back.get('k99')).toEqual({ n: 99, s: 'x'.repeat(99) });
    expect(back.size).toBe(102);
  });
});

describe('a collection read from an open file', () => {
  it('reads only its index at first, then one value at a time, and the whole file for a large list', () => {
    const c = new Collection('f');
    // An index longer than the first bytes read from the end, so the reader looks further back.
    for (let i = 0; i < 4000; i++) c.set(`default/pod-with-a-rather-long-name-${i}`, { i, pad: 'p'.repeat(50) });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-collection-'));
    try {
      const file = path.join(dir, 'pods.jsonl');
      fs.writeFileSync(file, c.serialize());
      const open = () => {
        const fd = fs.openSync(file, 'r');
        return { fd, size: fs.fstatSync(fd).size };
      };
      const read = Collection.fromFile(file, open());
      expect(read.size).toBe(4000);
      // The file may go (a newer save removes it): the open descriptor still reads it.
      fs.renameSync(file, `${file}.old`);
      expect(read.get('default/pod-with-a-rather-long-name-1234')).toEqual({ i: 1234, pad: 'p'.repeat(50) });
      read.prefetch(4000);
      expect(read.get('default/pod-with-a-rather-long-name-3999')).toEqual({ i: 3999, pad: 'p'.repeat(50) });
      expect(read.serialize().equals(fs.readFileSync(`${file}.old`))).toBe(true);
      read.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the index line', () => {
  const big = () => {
    const c = new Collection('f');
    for (let i = 0; i < 4000; i++) c.set(`default/pod-with-a-rather-long-name-${i}`, { i });
    return c.serialize();
  };
  const readFrom = (bytes: Buffer) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-collection-'));
    try {
      const file = path.join(dir, 'pods.jsonl');
      fs.writeFileSync(file, bytes);
      const fd = fs.openSync(file, 'r');
      const c = Collection.fromFile(file, { fd, size: bytes.length });
      const got = [c.size, c.get('default/pod-with-a-rather-long-name-3999')];
      c.close();
      return got;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  it('ends by saying where it starts, so a reader reads it at once', () => {
    const bytes = big();
    const m = /,"at":(\d+)\}\n$/.exec(bytes.toString('latin1', bytes.length - 40));
    expect(m).not.toBeNull();
    const at = Number(m![1]);
    expect([bytes[at - 1], bytes[at]]).toEqual([0x0a, 0x23]);
    expect(bytes.length - at).toBeGreaterThan(64 * 1024);
    expect(readFrom(bytes)).toEqual([4000, { i: 3999 }]);
  });

  it('is found by searching when it does not say (an older file) or says wrongly', () => {
    const bytes = big();
    const text = bytes.toString('utf8');
    expect(readFrom(Buffer.from(text.replace(/,"at":\d+\}\n$/, '}\n')))).toEqual([4000, { i: 3999 }]);
    const at = Number(/,"at":(\d+)\}\n$/.exec(text)![1]);
    // A wrong start only changes the index line's own length: the lines before it stay put.
    for (const wrong of [at + 1000, 1, 0, text.length + 5])
      expect(readFrom(Buffer.from(text.replace(/,"at":\d+\}\n$/, `,"at":${wrong}}\n`)))).toEqual([4000, { i: 3999 }]);
  });
});

describe('a one-pass read', () => {
  it('hands out values it does not keep, unless they were kept already', () => {
    const c = Collection.fromFile('f', (() => {
      const w = new Collection('f');
      w.set('a', { v: 1 });
      w.set('b', { v: 2 });
      return w.serialize();
    })());
    const first = c.peek('a');
    expect(first).toEqual({ v: 1 });
    // Not kept: the next look parses again.
    expect(c.peek('a')).not.toBe(first);
    const kept = c.get('b');
    expect(c.peek('b')).toBe(kept);
    expect(c.peek('missing')).toBeUndefined();
  });
});

describe('a collection whose file is in key order', () => {
  const written = () => {
    const c = new Collection('f');
    for (const k of ['d', 'b', 'a', 'c']) c.set(k, { k });
    return c.serialize();
  };

  it('is written in key order, and found by key: deleted, written again and added keys kept apart', () => {
    const bytes = written();
    expect(bytes.toString('utf8').split('\n').slice(0, 4).map((l) => l.split('\t')[0])).toEqual(['"a"', '"b"', '"c"', '"d"']);
    const c = Collection.fromFile('f', bytes);
    expect(c.size).toBe(4);
    expect([...c.keys()]).toEqual(['a', 'b', 'c', 'd']);
    expect(c.get('c')).toEqual({ k: 'c' });
    expect(c.has('zz')).toBe(false);
    expect(c.delete('b')).toBe(true);
    expect(c.delete('b')).toBe(false);
    expect(c.has('b')).toBe(false);
    expect(c.get('b')).toBeUndefined();
    expect(c.peek('b')).toBeUndefined();
    c.set('e', 5);
    c.set('a', 'new');
    expect(c.size).toBe(4);
    expect([...c.keys()]).toEqual(['a', 'c', 'd', 'e']);
    c.set('b', 'again');
    expect(c.size).toBe(5);
    expect(c.get('b')).toBe('again');
    expect(c.delete('e')).toBe(true);
    expect(c.delete('e')).toBe(false);
    expect([...c.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    const back = Collection.fromFile('f', c.serialize());
    expect([...back.keys()]).toEqual(['a', 'b', 'c', 'd']);
    expect([back.get('a'), back.get('b'), back.get('c')]).toEqual(['new', 'again', { k: 'c' }]);
  });

  it('still reads a file written before files were in key order', () => {
    const c = new Collection('f');
    for (const k of ['d', 'b', 'a']) c.set(k, k.toUpperCase());
    const sorted = c.serialize().toString('utf8');
    // The same lines in another order, with the index to match.
    const lines = sorted.split('\n');
    const index = JSON.parse(lines[3].slice(1));
    const order = [2, 0, 1];
    const unsorted = `${order.map((i) => lines[i]).join('\n')}\n#${JSON.stringify({ keys: order.map((i) => index.keys[i]), tabs: order.map((i) => index.tabs[i]), lengths: order.map((i) => index.lengths[i]) })}\n`;
    const back = Collection.fromFile('f', Buffer.from(unsorted));
    expect([...back.keys()]).toEqual(['d', 'a', 'b']);
    expect([back.get('a'), back.get('b'), back.get('d')]).toEqual(['A', 'B', 'D']);
    expect(back.delete('a')).toBe(true);
    expect(back.size).toBe(2);
  });
});
