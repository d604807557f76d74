// A new store's first save writes its collections into one file, each at its range (one create
// and one fsync instead of one per collection: a new cluster's first save writes a score).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store';

const CM = '/registry/configmaps';
const PODS = '/registry/pods';
const NS = '/registry/namespaces';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function storeFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-pack-'));
  dirs.push(dir);
  return path.join(dir, 'store.json');
}

const manifest = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const files = (file: string) => fs.readdirSync(path.join(path.dirname(file), 'store')).sort();

/** A saved new store of three collections. */
function packedStore(): string {
  const file = storeFile();
  const s = Store.open(file);
  s.put(CM, 'default/a', { v: 'a' });
  s.put(CM, 'default/b', { v: 'b' });
  s.put(PODS, 'default/p', { v: 'p' });
  s.put(NS, 'default', { v: 'ns' });
  s.nextRevision();
  s.save(1);
  return file;
}

describe('the first save of a new store', () => {
  it('writes them into one file, each at its range, and reads each back from it', () => {
    const file = packedStore();
    expect(files(file)).toEqual(['collections.1.jsonl', 'journal.1']);
    const m = manifest(file);
    expect(m.format).toBe('pocketkube.store/v4');
    expect(new Set(Object.values(m.collections))).toEqual(new Set(['collections.1.jsonl']));
    const size = fs.statSync(path.join(path.dirname(file), 'store', 'collections.1.jsonl')).size;
    const ranges = Object.values(m.ranges as Record<string, [number, number]>).sort((a, b) => a[0] - b[0]);
    // One after another, covering the file.
    expect(ranges[0][0]).toBe(0);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1]);
    expect(ranges[ranges.length - 1][1]).toBe(size);
    for (const [name, r] of Object.entries(m.ranges as Record<string, [number, number]>)) expect(m.sizes[name]).toBe(r[1] - r[0]);
    const s = Store.open(file);
    expect(s.keys(CM)).toEqual(['default/a', 'default/b']);
    expect(s.get(CM, 'default/b')).toEqual({ v: 'b' });
    expect(s.get(PODS, 'default/p')).toEqual({ v: 'p' });
    expect(s.get(NS, 'default')).toEqual({ v: 'ns' });
  });

  it('keeps the file while a collection still lies in it, and removes it once none does', () => {
    const file = packedStore();
    const s = Store.open(file);
    // Past the journal's share: the save folds, without compacting.
    s.put(CM, 'default/c', { v: 'c'.repeat(300 * 1024) });
    s.nextRevision();
    s.save(1);
    // Only the configmaps were rewritten: a file of their own; the others stay where they were.
    expect(files(file)).toEqual(['collections.1.jsonl', 'configmaps.2.jsonl', 'journal.2']);
    const m = manifest(file);
    expect(m.collections[CM]).toBe('configmaps.2.jsonl');
    expect(Object.keys(m.ranges).sort()).toEqual([NS, PODS].sort());
    const t = Store.open(file);
    expect(t.keys(CM)).toEqual(['default/a', 'default/b', 'default/c']);
    expect(t.get(PODS, 'default/p')).toEqual({ v: 'p' });
    expect(t.get(NS, 'default')).toEqual({ v: 'ns' });
    // Both remaining collections rewritten: each to a file of its own, and the shared one goes.
    t.put(PODS, 'default/q', { v: 'q' });
    t.delete(NS, 'default');
    t.put(NS, 'other', { v: 'other' });
    t.nextRevision();
    t.compactAtSave();
    t.save(1);
    expect(files(file)).toEqual(['configmaps.2.jsonl', 'journal.3', 'namespaces.3.jsonl', 'pods.3.jsonl']);
    expect(manifest(file).ranges).toBeUndefined();
    const u = Store.open(file);
    expect(u.keys(PODS)).toEqual(['default/p', 'default/q']);
    expect(u.keys(NS)).toEqual(['other']);
    expect(u.keys(CM)).toEqual(['default/a', 'default/b', 'default/c']);
  });

  it('a fold that compacts rewrites every collection sharing a file with one it rewrites, so no file keeps a value written over', () => {
    const file = packedStore();
    const s = Store.open(file);
    s.put(CM, 'default/a', { v: 'secret written over' });
    s.nextRevision();
    s.compactAtSave();
    s.save(1);
    expect(files(file)).toEqual(['configmaps.2.jsonl', 'journal.2', 'namespaces.2.jsonl', 'pods.2.jsonl']);
    const dir = path.join(path.dirname(file), 'store');
    for (const f of files(file)) expect(fs.readFileSync(path.join(dir, f), 'utf8')).not.toContain('"v":"a"');
    const t = Store.open(file);
    expect(t.get(CM, 'default/a')).toEqual({ v: 'secret written over' });
    expect(t.get(PODS, 'default/p')).toEqual({ v: 'p' });
  });

  it('writes no ranges when it rewrites one collection', () => {
    const file = storeFile();
    const s = Store.open(file);
    s.put(CM, 'default/a', { v: 'a' });
    s.nextRevision();
    s.save(1);
    expect(files(file)).toEqual(['configmaps.1.jsonl', 'journal.1']);
    expect(manifest(file).ranges).toBeUndefined();
  });

  it('reads a collection whose range lies whole in a file cut short after it, and refuses one past the cut', () => {
    const file = packedStore();
    const m = manifest(file);
    const ordered = Object.entries(m.ranges as Record<string, [number, number]>).sort((a, b) => a[1][0] - b[1][0]);
    const pack = path.join(path.dirname(file), 'store', 'collections.1.jsonl');
    fs.truncateSync(pack, ordered[1][1][0] + 3);
    const s = Store.open(file);
    expect(s.keys(ordered[0][0]).length).toBeGreaterThan(0);
    expect(() => s.keys(ordered[2][0])).toThrow(`the store ${pack} is unreadable (it was cut short or changed: its index does not fit its lines); it was left untouched`);
  });

  it.each([
    ['an empty range', [5, 5], /its range of collection \/registry\/pods is \[5,5\], not a range of its file/],
    ['a range that is not two counts', [1], /its range of collection \/registry\/pods is \[1\], not a range of its file/],
    ['a collection the manifest does not name', undefined, /its range of collection \/registry\/secrets is \[0,10\], not a range of its file/],
  ])('refuses a manifest with %s, naming it', (_, range, message) => {
    const file = packedStore();
    const m = manifest(file);
    if (range) m.ranges[PODS] = range;
    else m.ranges['/registry/secrets'] = [0, 10];
    fs.writeFileSync(file, JSON.stringify(m));
    expect(() => Store.open(file)).toThrow(message);
  });
});
