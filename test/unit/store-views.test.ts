// Views kept beside a collection's values (a kind's cache view): written into the collection
// file's views line and beside each journal change, read back without reading the values, and
// made again from the values when they are of another version.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GrowingBuffer } from '../../src/store/bytesink';
import { Collection, type ValueView, writeGivenLines } from '../../src/store/collection';
import { Store, StoreError } from '../../src/store/store';
import { decodeViews, encodeViews } from '../../src/store/viewdelta';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A view keeping one field, counting how often it was made from a value. */
function countingView(version = 1): ValueView & { made: number } {
  const view = {
    version,
    made: 0,
    of(value: unknown) {
      view.made++;
      return { n: (value as { n: number }).n };
    },
  };
  return view;
}

function viewsOf(c: { eachView(visit: (key: string, view: unknown) => void): void }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  c.eachView((key, view) => (out[key] = view));
  return out;
}

const PODS = '/registry/pods';

function storeFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-views-'));
  dirs.push(dir);
  return path.join(dir, 'store.json');
}

describe('whether a collection’s views are there to read (a table printed from views asks)', () => {
  it('says so for views of the version kept now, or no file, and not for another version’s or none', () => {
    const c = new Collection('f');
    expect(c.viewsCurrent()).toBe(false);
    c.useView(countingView());
    expect(c.viewsCurrent()).toBe(true);
    c.set('a', { n: 1 });
    const bytes = c.serialize();
    const same = Collection.fromFile('f', bytes);
    same.useView(countingView());
    expect(same.viewsCurrent()).toBe(true);
    const newer = Collection.fromFile('f', bytes);
    newer.useView(countingView(2));
    expect(newer.viewsCurrent()).toBe(false);
    const plain = new Collection('g');
    plain.set('a', { n: 1 });
    const withoutViews = Collection.fromFile('g', plain.serialize());
    withoutViews.useView(countingView());
    expect(withoutViews.viewsCurrent()).toBe(false);
  });
});

describe('a collection that keeps views', () => {
  it('writes them as one line before its index, and reads them back without reading a value', () => {
    const c = new Collection('f');
    c.useView(countingView());
    c.set('a', { n: 1, big: 'x'.repeat(100) });
    c.set('b', { n: 2, big: 'y' });
    const bytes = c.serialize();
    const tail = bytes.toString('utf8').split('\n').slice(-3);
    expect(tail[0]).toBe('#[{"n":1},{"n":2}]');
    expect(JSON.parse(tail[1].slice(1)).views).toEqual({ version: 1, length: tail[0].length + 1 });

    const view = countingView();
    const back = Collection.fromFile('f', bytes);
    back.useView(view);
    // A value line spoilt after the index was read: the views never touch it.
    bytes.write('!', 4);
    expect(viewsOf(back)).toEqual({ a: { n: 1 }, b: { n: 2 } });
    expect(view.made).toBe(0);
    expect(() => back.get('a')).toThrow(StoreError);
  });

  it('makes views of a written value from the value, and of another version from the values', () => {
    const c = new Collection('f');
    c.useView(countingView());
    c.set('a', { n: 1 });
    c.set('b', { n: 2 });
    const bytes = c.serialize();

    const same = countingView();
    const written = Collection.fromFile('f', bytes);
    written.useView(same);
    written.set('b', { n: 20 });
    expect(viewsOf(written)).toEqual({ a: { n: 1 }, b: { n: 20 } });
    expect(same.made).toBe(1);

    const newer = countingView(2);
    const other = Collection.fromFile('f', bytes);
    other.useView(newer);
    expect(viewsOf(other)).toEqual({ a: { n: 1 }, b: { n: 2 } });
    expect(newer.made).toBe(2);
    // The next fold writes them as the newer version.
    expect(JSON.parse(other.serialize().toString('utf8').split('\n').at(-2)!.slice(1)).views.version).toBe(2);
  });

  it('refuses a views line that does not fit: cut, edited, or not one view per line', () => {
    const c = new Collection('f');
    c.useView(countingView());
    c.set('a', { n: 1 });
    c.set('b', { n: 2 });
    const text = c.serialize().toString('utf8');
    const read = (t: string) => {
      const back = Collection.fromFile('store/pods.jsonl', Buffer.from(t));
      back.useView(countingView());
      return viewsOf(back);
    };
    expect(read(text)).toEqual({ a: { n: 1 }, b: { n: 2 } });
    // Of the same length, so the index still fits: a view that is not one, and a view missing.
    expect(() => read(text.replace('#[{"n":1},{"n":2}]', '#[{"n":1},9999999]'))).toThrow(/the store store\/pods.jsonl is unreadable \(its views: a view is not an object\)/);
    expect(() => read(text.replace('#[{"n":1},{"n":2}]', '#[{"n":1}]        '))).toThrow(/the store store\/pods.jsonl is unreadable \(its views do not fit its lines\)/);
    expect(() => read(text.replace('#[{"n":1},{"n":2}]', '#[{"n":1},{"n":2}}'))).toThrow(/the store store\/pods.jsonl is unreadable \(its views: /);
    // A views length that does not add up with the lines is refused when the file is opened.
    expect(() => read(text.replace(/"length":(\d+)/, (_m, n) => `"length":${Number(n) + 1}`))).toThrow(/its index does not fit its lines/);
  });
});

describe('a collection given as lines with their views line (a template)', () => {
  const given = () => {
    const made = new Collection('store/pods.jsonl');
    made.useView(countingView());
    made.set('a', { n: 1, x: 'a' });
    made.set('b', { n: 2, x: 'b' });
    const text = made.serialize().toString('utf8');
    // The value lines and the views line: what a template keeps of a file.
    return text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1);
  };

  it('is saved by a store that adopted it with its views line as given, making no view', () => {
    const text = given();
    const file = storeFile();
    const store = Store.open(file);
    const view = countingView();
    store.defineView(PODS, view);
    store.adopt(1, { clockOffsetMs: 0, rand: [], timers: [], converged: true, tokens: {} }, { [PODS]: text });
    // Read, not written: still written as given.
    expect(store.get(PODS, 'a')).toEqual({ n: 1, x: 'a' });
    store.save(1);
    expect(view.made).toBe(0);
    const back = Store.open(file);
    const again = countingView();
    back.defineView(PODS, again);
    expect(back.viewsCurrent(PODS)).toBe(true);
    expect(viewsOf({ eachView: (visit) => back.eachView(PODS, visit) })).toEqual({ a: { n: 1 }, b: { n: 2 } });
    expect(again.made).toBe(0);
  });

  it('makes the views again once a value is written or deleted', () => {
    for (const change of [(c: Collection) => c.set('a', { n: 5 }), (c: Collection) => c.delete('b')]) {
      const view = countingView();
      const c = Collection.fromLines('store/pods.jsonl', Buffer.from(given()));
      c.useView(view);
      change(c);
      const back = Collection.fromFile('store/pods.jsonl', c.serialize());
      back.useView(countingView());
      expect(view.made).toBeGreaterThan(0);
      expect(viewsOf(back)).toEqual(Object.fromEntries([...c.keys()].sort().map((k) => [k, { n: (c.get(k) as { n: number }).n }])));
    }
  });

  it('is written as given, without splitting it, as writeTo writes it once split', () => {
    const text = Buffer.from(given());
    const viaLines = (version: number | undefined) => {
      const c = Collection.fromLines('store/pods.jsonl', text);
      if (version !== undefined) c.useView(countingView(version));
      return c.serialize().toString('utf8');
    };
    const direct = (version: number | undefined) => {
      const out = new GrowingBuffer(1024);
      out.text('-- what the sink held before --');
      writeGivenLines(out, text, version);
      return out.bytes().toString('utf8').slice('-- what the sink held before --'.length);
    };
    expect(direct(1)).toBe(viaLines(1));
    // No views kept of the collection now (an encrypted kind's): the views line is left out.
    expect(direct(undefined)).toBe(viaLines(undefined));
    expect(direct(undefined)).not.toContain('#[');
    const back = Collection.fromFile('store/pods.jsonl', Buffer.from(direct(1)));
    back.useView(countingView());
    expect(viewsOf(back)).toEqual({ a: { n: 1 }, b: { n: 2 } });
  });

  it('refuses a views line that is not the last line', () => {
    const text = given();
    const at = text.indexOf('\n#') + 1;
    expect(() => Collection.fromLines('store/pods.jsonl', Buffer.from(`${text.slice(0, at)}${text.slice(at)}"c"\t{"n":3}\n`))).toThrow(
      /the store store\/pods.jsonl is unreadable \(line 3 is not a key and a value\)/,
    );
  });
});

describe('a views line', () => {
  const replica = (name: string, extra: Record<string, unknown> = {}) => ({
    metadata: { name, uid: `uid-${name}`, labels: { app: 'web' }, ownerReferences: [{ uid: 'rs', controller: true }] },
    spec: { schedulerName: 'default-scheduler' },
    status: { phase: 'Pending', ...extra },
  });

  it('holds each view as its change from the one before, and reads back the same views', () => {
    const views = [replica('a'), replica('b'), replica('c', { nominatedNodeName: 'n1' }), replica('d'), { other: true }];
    const entries = encodeViews(views);
    expect(entries[1]).toEqual({ metadata: { name: 'b', uid: 'uid-b' } });
    expect(entries[2]).toEqual({ metadata: { name: 'c', uid: 'uid-c' }, status: { nominatedNodeName: 'n1' } });
    expect(entries[3]).toEqual({ metadata: { name: 'd', uid: 'uid-d' }, status: { $deleted: ['nominatedNodeName'] } });
    expect(entries[4]).toEqual({ other: true, $deleted: ['metadata', 'spec', 'status'] });
    const back = decodeViews(JSON.parse(JSON.stringify(entries)));
    expect(back).toEqual(views);
    // What did not change is shared with the neighbour.
    expect(back[1].spec).toBe(back[0].spec);
    expect((back[1].metadata as { labels: unknown }).labels).toBe((back[0].metadata as { labels: unknown }).labels);
  });

  it('writes a changed value below the second level whole, and a field set to undefined as gone', () => {
    const a = { metadata: { labels: { app: 'web', tier: 'x' } } };
    const b = { metadata: { labels: { app: 'web' } }, status: undefined };
    expect(encodeViews([a, b])[1]).toEqual({ metadata: { labels: { app: 'web' } } });
    expect(decodeViews(encodeViews([a, { metadata: { labels: a.metadata.labels, gone: undefined } }]))[1]).toEqual(a);
  });
});

describe('a store that keeps views', () => {
  it('logs each change with its view and reads the journal’s views back, not the values', () => {
    const file = storeFile();
    const a = Store.open(file);
    a.defineView(PODS, countingView());
    a.put(PODS, 'default/a', { n: 1 });
    a.save(1);
    a.put(PODS, 'default/b', { n: 2 });
    a.commit(1);
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    const journal = fs.readFileSync(path.join(path.dirname(file), 'store', manifest.journal), 'utf8').split('\n');
    expect(journal[0]).toBe('"/registry/pods"\t"default/b"\t{"n":2}\t{"n":2}');
    expect(JSON.parse(journal[1]).views).toEqual({ [PODS]: 1 });

    const view = countingView();
    const b = Store.open(file);
    b.defineView(PODS, view);
    expect(viewsOf({ eachView: (visit) => b.eachView(PODS, visit) })).toEqual({ 'default/a': { n: 1 }, 'default/b': { n: 2 } });
    expect(view.made).toBe(0);
    expect(b.get(PODS, 'default/b')).toEqual({ n: 2 });

    // A reader keeping another version makes the journal's views again from its values.
    const newer = countingView(2);
    const c = Store.open(file);
    c.defineView(PODS, newer);
    expect(viewsOf({ eachView: (visit) => c.eachView(PODS, visit) })).toEqual({ 'default/a': { n: 1 }, 'default/b': { n: 2 } });
    expect(newer.made).toBe(2);
  });

  it('folds a collection written before it kept views at the next save, so its views are made once', () => {
    const file = storeFile();
    const a = Store.open(file);
    for (let i = 0; i < 3; i++) a.put(PODS, `default/p${i}`, { n: i });
    a.save(1);
    const before = JSON.parse(fs.readFileSync(file, 'utf8')).collections[PODS];

    const b = Store.open(file);
    const view = countingView();
    b.defineView(PODS, view);
    b.put('/registry/configmaps', 'default/x', { v: 1 });
    expect(viewsOf({ eachView: (visit) => b.eachView(PODS, visit) })).toEqual({ 'default/p0': { n: 0 }, 'default/p1': { n: 1 }, 'default/p2': { n: 2 } });
    expect(view.made).toBe(3);
    b.save(1);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).collections[PODS]).not.toBe(before);

    const c = Store.open(file);
    const fresh = countingView();
    c.defineView(PODS, fresh);
    expect(Object.keys(viewsOf({ eachView: (visit) => c.eachView(PODS, visit) }))).toHaveLength(3);
    expect(fresh.made).toBe(0);
    // Saved again: nothing more to rewrite, the save is a journal record.
    const folded = fs.readFileSync(file, 'utf8');
    c.put('/registry/configmaps', 'default/y', { v: 2 });
    c.save(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(folded);
  });

  it('folds views into the collection file: the unchanged copied, the written made', () => {
    const file = storeFile();
    const a = Store.open(file);
    a.defineView(PODS, countingView());
    for (let i = 0; i < 3; i++) a.put(PODS, `default/p${i}`, { n: i });
    a.save(1);
    const b = Store.open(file);
    const view = countingView();
    b.defineView(PODS, view);
    b.put(PODS, 'default/p1', { n: 10, pad: 'x'.repeat(300 * 1024) });
    b.delete(PODS, 'default/p2');
    b.save(1);
    expect(view.made).toBe(1);
    const c = Store.open(file);
    const fresh = countingView();
    c.defineView(PODS, fresh);
    expect(viewsOf({ eachView: (visit) => c.eachView(PODS, visit) })).toEqual({ 'default/p0': { n: 0 }, 'default/p1': { n: 10 } });
    expect(fresh.made).toBe(0);
  });
});
