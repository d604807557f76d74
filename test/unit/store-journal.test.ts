// The store's journal: what a command commits before it answers survives a kill and is replayed
// in order onto the manifest; a save is one more record while the journal is small, and folds it
// into the collection files once it is not.
import * as fs from 'node:fs';
import nodeFs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store, StoreError } from '../../src/store/store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A home holding a saved store with one collection. */
function savedStore(): { file: string; dir: string; journal: () => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-journal-'));
  dirs.push(dir);
  const file = path.join(dir, 'store.json');
  const s = Store.open(file);
  s.put('/registry/configmaps', 'default/base', { v: 0 });
  s.nextRevision();
  s.setSystem({ converged: true, clockOffsetMs: 5 });
  s.save(1);
  return { file, dir, journal: () => journalOf(file) };
}

/** The journal the manifest names. */
function journalOf(file: string): string {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  return path.join(path.dirname(file), 'store', manifest.journal);
}

/** The commit lines of a journal, parsed. */
function commits(journal: string): { seq: number; system: Record<string, unknown>; changes: number }[] {
  return fs
    .readFileSync(journal, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

const CM = '/registry/configmaps';
/** A value large enough that a save holding it folds the journal into the collection files. */
const BIG = 'x'.repeat(300 * 1024);

/**
 * A store with one commit (default/x), then `tail` appended to its journal as something else
 * left it; reopened, it commits default/<next>. Returns the journal as the commit left it, what
 * the reopened store listed before writing, and the journal after.
 */
function commitPast(tail: (whole: string) => string, next: string) {
  const { file, journal } = savedStore();
  const a = Store.open(file);
  a.put(CM, 'default/x', { v: 1 });
  a.commit(1);
  const whole = fs.readFileSync(journal(), 'utf8');
  fs.appendFileSync(journal(), tail(whole));
  const b = Store.open(file);
  const listed = b.keys(CM);
  b.put(CM, `default/${next}`, { v: 2 });
  b.commit(1);
  return { file, whole, listed, after: fs.readFileSync(journal(), 'utf8') };
}

describe('the store journal', () => {
  it('replays commits in order onto the manifest, and the store is then not converged', () => {
    const { file, journal } = savedStore();
    const a = Store.open(file);
    a.put(CM, 'default/x', { v: 1 });
    a.nextRevision();
    a.setSystem({ clockOffsetMs: 100, rand: [1, 2, 3, 4] });
    expect(a.commit(1)).toBe(true);
    a.delete(CM, 'default/x');
    a.put(CM, 'default/y', { v: 2 });
    a.nextRevision();
    a.commit(1);
    a.put(CM, 'default/x', { v: 3 });
    a.delete(CM, 'default/base');
    a.nextRevision();
    a.setSystem({ clockOffsetMs: 300 });
    a.commit(1);
    // The process dies here: no save.
    expect(commits(journal())).toHaveLength(3);

    const b = Store.open(file);
    expect(b.keys(CM)).toEqual(['default/x', 'default/y']);
    expect(b.get(CM, 'default/x')).toEqual({ v: 3 });
    expect(b.revision).toBe(4);
    expect(b.system).toMatchObject({ clockOffsetMs: 300, rand: [1, 2, 3, 4], converged: false });
    expect(b.journalPending).toBe(true);
  });

  it('ignores a torn last record, and the next commit cuts it off before appending', () => {
    // A kill after a change line, and one in the middle of the commit line.
    const { file, whole, listed, after } = commitPast(() => '"/registry/configmaps"\t"default/torn"\t{"v":9}\n{"seq":2,"revision":9,"sys', 'z');
    expect(listed).toEqual(['default/base', 'default/x']);
    expect(after.startsWith(whole)).toBe(true);
    expect(after).not.toContain('torn');

    expect(Store.open(file).keys(CM)).toEqual(['default/base', 'default/x', 'default/z']);
  });

  it('takes a save as one more record, converged, while it is small beside the collections', () => {
    const { file, dir, journal } = savedStore();
    const files = fs.readdirSync(path.join(dir, 'store')).sort();
    const a = Store.open(file);
    a.put(CM, 'default/x', { v: 1 });
    a.commit(1);
    a.put(CM, 'default/y', { v: 2 });
    a.setSystem({ converged: true });
    a.save(1);
    // Nothing rewritten: the collection files and the manifest are as they were.
    expect(fs.readdirSync(path.join(dir, 'store')).sort()).toEqual(files);
    expect(commits(journal()).map((c) => [c.changes, c.system.converged])).toEqual([
      [1, undefined],
      [1, true],
    ]);

    const b = Store.open(file);
    expect(b.keys(CM)).toEqual(['default/base', 'default/x', 'default/y']);
    expect(b.system.converged).toBe(true);
    expect(b.journalPending).toBe(false);
  });

  it('is folded into the collection files once it outgrows its share, and a new journal follows', () => {
    const { file, dir, journal } = savedStore();
    const first = journal();
    const a = Store.open(file);
    a.put(CM, 'default/x', { v: 1 });
    a.commit(1);
    a.put(CM, 'default/big', { v: BIG });
    a.setSystem({ converged: true });
    a.save(1);
    expect(journal()).not.toBe(first);
    expect(fs.existsSync(first)).toBe(false);
    expect(fs.readFileSync(journal(), 'utf8')).toBe('');
    expect(fs.readdirSync(path.join(dir, 'store')).filter((f) => f.startsWith('configmaps'))).toHaveLength(1);

    const b = Store.open(file);
    expect(b.keys(CM)).toEqual(['default/base', 'default/big', 'default/x']);
    expect(b.system.converged).toBe(true);
    // A later commit goes to the new journal and is replayed after the fold.
    b.put(CM, 'default/y', { v: 3 });
    b.commit(1);
    const c = Store.open(file);
    expect(c.get(CM, 'default/y')).toEqual({ v: 3 });
    expect(c.get(CM, 'default/big')).toEqual({ v: BIG });
  });

  it('folds at a save asked to compact, however small the journal: no file keeps a value written over', () => {
    const { file, dir, journal } = savedStore();
    const first = journal();
    const a = Store.open(file);
    a.put(CM, 'default/base', { v: 'overwritten-value' });
    a.commit(1);
    a.put(CM, 'default/base', { v: 'sealed' });
    a.compactAtSave();
    a.save(1);
    expect(journal()).not.toBe(first);
    expect(fs.existsSync(first)).toBe(false);
    const bytes = fs.readdirSync(path.join(dir, 'store')).map((f) => fs.readFileSync(path.join(dir, 'store', f), 'utf8')).join('\n');
    expect(bytes).toContain('sealed');
    expect(bytes).not.toContain('overwritten-value');
    // Once: the next save appends again.
    const b = Store.open(file);
    b.put(CM, 'default/x', { v: 1 });
    b.save(1);
    expect(commits(journal())).toHaveLength(1);
  });

  it('neither replays nor keeps a journal that outlived its fold (a kill between the two)', () => {
    const { file, journal } = savedStore();
    const a = Store.open(file);
    a.put(CM, 'default/x', { v: 1 });
    a.commit(1);
    const old = journal();
    const left = fs.readFileSync(old);
    a.put(CM, 'default/x', { v: BIG });
    a.setSystem({ converged: true });
    a.save(1);
    fs.writeFileSync(old, left);

    const b = Store.open(file);
    expect(b.get(CM, 'default/x')).toEqual({ v: BIG });
    expect(b.system.converged).toBe(true);
    b.put(CM, 'default/x', { v: 2 });
    b.put(CM, 'default/big', { v: BIG });
    b.save(1);
    expect(fs.existsSync(old)).toBe(false);
  });

  it('moves a reader that opened before a fold to the newer state when a file it needs is gone', () => {
    const { file } = savedStore();
    const w = Store.open(file);
    w.put('/registry/pods', 'default/p', { v: 1 });
    w.setSystem({ converged: true });
    w.save(1);
    // A reader opens (manifest and journal read; collections not yet).
    const reader = Store.open(file);
    const writer = Store.open(file);
    writer.put('/registry/pods', 'default/p', { v: 2 });
    writer.put(CM, 'default/big', { v: BIG });
    writer.setSystem({ converged: true });
    writer.save(1);
    // The file the reader was told about is gone: it moves to the newer manifest, all of it.
    expect(reader.get(CM, 'default/big')).toEqual({ v: BIG });
    expect(reader.get('/registry/pods', 'default/p')).toEqual({ v: 2 });
  });

  it('refuses to open when the journal the manifest names is gone, until an empty one stands in', () => {
    const { file, journal } = savedStore();
    const named = journal();
    fs.rmSync(named);
    expect(() => Store.open(file)).toThrow(/the store journal .* is missing; the store was left untouched/);
    fs.writeFileSync(named, '');
    expect(Store.open(file).get(CM, 'default/base')).toEqual({ v: 0 });
  });

  it('reads a store saved before the log: one JSON object per collection, one line per record', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-journal-'));
    dirs.push(dir);
    const file = path.join(dir, 'store.json');
    fs.mkdirSync(path.join(dir, 'store'));
    fs.writeFileSync(path.join(dir, 'store', 'configmaps.3.json'), JSON.stringify({ 'default/a': { v: 1 }, 'default/b': { v: 2 } }));
    const system = { clockOffsetMs: 0, rand: [], timers: [], converged: true, tokens: {} };
    fs.writeFileSync(file, JSON.stringify({ format: 'pocketkube.store/v2', revision: 3, sequence: 0, system, collections: { [CM]: 'configmaps.3.json' } }));
    fs.writeFileSync(path.join(dir, 'store', 'journal'), `${JSON.stringify({ seq: 1, revision: 4, system: {}, changes: [[CM, 'default/c', { v: 3 }], [CM, 'default/a']] })}\n`);

    const a = Store.open(file);
    expect(a.keys(CM)).toEqual(['default/b', 'default/c']);
    expect(a.system.converged).toBe(false);
    a.put(CM, 'default/d', { v: BIG });
    a.setSystem({ converged: true });
    a.save(1);
    expect(fs.readdirSync(path.join(dir, 'store')).sort()).toEqual(['configmaps.2.jsonl', 'journal.2'].sort());
    expect(Store.open(file).keys(CM)).toEqual(['default/b', 'default/c', 'default/d']);
  });

  it('commits nothing, and writes no record, when nothing was written', () => {
    const { file, journal } = savedStore();
    const a = Store.open(file);
    expect(a.get(CM, 'default/base')).toEqual({ v: 0 });
    expect(a.commit(1)).toBe(false);
    expect(fs.readFileSync(journal(), 'utf8')).toBe('');
  });

  it('writes what changed, not the collections it changed', () => {
    const { file, journal } = savedStore();
    const a = Store.open(file);
    for (let i = 0; i < 10_000; i++) a.put('/registry/pods', `default/p${i}`, { metadata: { name: `p${i}` } });
    a.save(1);
    const b = Store.open(file);
    b.put('/registry/pods', 'default/new', { metadata: { name: 'new' } });
    b.delete('/registry/pods', 'default/p7');
    b.commit(1);
    expect(fs.readFileSync(journal(), 'utf8').split('\n').slice(0, 2)).toEqual([
      '"/registry/pods"\t"default/new"\t{"metadata":{"name":"new"}}',
      '"/registry/pods"\t"default/p7"',
    ]);
    expect(Store.open(file).count('/registry/pods')).toBe(10_000);
  });

  it('is private (0600) in a private store directory (0700), whatever the umask', () => {
    const old = process.umask(0);
    try {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-journal-'));
      dirs.push(dir);
      const file = path.join(dir, 'store.json');
      const s = Store.open(file);
      s.put(CM, 'default/x', {});
      s.save(1);
      expect(fs.statSync(path.join(dir, 'store')).mode & 0o777).toBe(0o700);
      const t = Store.open(file);
      t.put(CM, 'default/y', {});
      t.commit(1);
      expect(fs.statSync(journalOf(file)).mode & 0o777).toBe(0o600);
      for (const f of fs.readdirSync(path.join(dir, 'store'))) expect(fs.statSync(path.join(dir, 'store', f)).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });

  it('refuses a journal with a whole record it cannot read, and leaves it alone', () => {
    const { file, journal } = savedStore();
    fs.writeFileSync(journal(), '{"seq":1,"revision":2,"syst\n');
    expect(() => Store.open(file)).toThrow(StoreError);
    expect(() => Store.open(file)).toThrow(/the store journal .* is unreadable at line 1/);
    expect(fs.readFileSync(journal(), 'utf8')).toBe('{"seq":1,"revision":2,"syst\n');
    fs.writeFileSync(journal(), '{"seq":1}\n');
    expect(() => Store.open(file)).toThrow(/the store journal .* is unreadable at line 1 \(not a journal record\)/);
    fs.writeFileSync(journal(), '"/registry/configmaps"\t"default/x"\t{}\n{"seq":1,"revision":2,"system":{},"changes":2}\n');
    expect(() => Store.open(file)).toThrow(/unreadable at line 2 \(the record counts 2 changes, 1 precede it\)/);
  });

  it('cuts off a record out of order (a writer that failed and went on), so what follows is read', () => {
    // A record that skips a sequence number, after the last good one.
    const skipping = (journal: string) => `{"seq":${JSON.parse(journal.trim().split('\n').pop()!).seq + 2},"revision":99,"system":{},"changes":0}\n`;
    const { file, whole, after } = commitPast(skipping, 'after');
    expect(after.startsWith(whole)).toBe(true);
    expect(after).not.toContain('"revision":99');
    expect(Store.open(file).keys(CM)).toEqual(['default/after', 'default/base', 'default/x']);
  });

  it('after a commit it could not write, writes nothing more and leaves the journal as it was', () => {
    const { file, journal } = savedStore();
    const s = Store.open(file);
    s.put(CM, 'default/x', { v: 1 });
    s.commit(1);
    const before = fs.readFileSync(journal(), 'utf8');
    // node:fs as the store sees it: its named exports follow the module object once synced.
    const real = nodeFs.writeSync;
    let calls = 0;
    nodeFs.writeSync = ((fd: number, data: Buffer, off?: number) => {
      // Half of the record reaches the disk, then the disk is full.
      if (calls++ === 0) return real(fd, data, off ?? 0, Math.floor((data.length - (off ?? 0)) / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as typeof nodeFs.writeSync;
    syncBuiltinESMExports();
    try {
      s.put(CM, 'default/y', { v: 2 });
      expect(() => s.commit(1)).toThrow(`cannot write the store file ${journal()} (ENOSPC: no space left on device, write); the store holds what it held before this write`);
    } finally {
      nodeFs.writeSync = real;
      syncBuiltinESMExports();
    }
    expect(calls).toBe(2);
    expect(fs.readFileSync(journal(), 'utf8')).toBe(before);
    expect(s.writeFailed).toBe(true);
    s.put(CM, 'default/z', { v: 3 });
    expect(() => s.commit(1)).toThrow(StoreError);
    expect(() => s.save(1)).toThrow(StoreError);
    expect(fs.readFileSync(journal(), 'utf8')).toBe(before);
    expect(Store.open(file).keys(CM)).toEqual(['default/base', 'default/x']);
  });
});
