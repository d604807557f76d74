// The store's journal: what a command commits before it answers survives a kill, is replayed in
// order onto the manifest, and is gone once a save holds it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store, StoreError } from '../../src/store/store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A home holding a saved store with one collection. */
function savedStore(): { file: string; journal: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-journal-'));
  dirs.push(dir);
  const file = path.join(dir, 'store.json');
  const s = Store.open(file);
  s.put('/registry/configmaps', 'default/base', { v: 0 });
  s.nextRevision();
  s.setSystem({ converged: true, clockOffsetMs: 5 });
  s.save(1);
  return { file, journal: path.join(dir, 'store', 'journal') };
}

const CM = '/registry/configmaps';

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
    expect(fs.readFileSync(journal, 'utf8').split('\n')).toHaveLength(4);

    const b = Store.open(file);
    expect(b.keys(CM)).toEqual(['default/x', 'default/y']);
    expect(b.get(CM, 'default/x')).toEqual({ v: 3 });
    expect(b.revision).toBe(4);
    expect(b.system).toMatchObject({ clockOffsetMs: 300, rand: [1, 2, 3, 4], converged: false });
    expect(b.journalPending).toBe(true);
  });

  it('ignores a torn last record, and the next commit cuts it off before appending', () => {
    const { file, journal } = savedStore();
    const a = Store.open(file);
    a.put(CM, 'default/x', { v: 1 });
    a.commit(1);
    const whole = fs.readFileSync(journal, 'utf8');
    fs.appendFileSync(journal, '{"seq":2,"revision":9,"system":{},"changes":[["/registry/configmaps","default/torn",{"v"');

    const b = Store.open(file);
    expect(b.keys(CM)).toEqual(['default/base', 'default/x']);
    b.put(CM, 'default/z', { v: 2 });
    b.commit(1);
    expect(fs.readFileSync(journal, 'utf8').startsWith(whole)).toBe(true);
    expect(fs.readFileSync(journal, 'utf8')).not.toContain('torn');

    expect(Store.open(file).keys(CM)).toEqual(['default/base', 'default/x', 'default/z']);
  });

  it('is removed by a save, which holds what it held', () => {
    const { file, journal } = savedStore();
    const a = Store.open(file);
    a.put(CM, 'default/x', { v: 1 });
    a.commit(1);
    a.put(CM, 'default/y', { v: 2 });
    a.setSystem({ converged: true });
    a.save(1);
    expect(fs.existsSync(journal)).toBe(false);

    const b = Store.open(file);
    expect(b.keys(CM)).toEqual(['default/base', 'default/x', 'default/y']);
    expect(b.system.converged).toBe(true);
    expect(b.journalPending).toBe(false);
  });

  it('skips records a save already holds when the journal outlived it (a kill between the two)', () => {
    const { file, journal } = savedStore();
    const a = Store.open(file);
    a.put(CM, 'default/x', { v: 1 });
    a.commit(1);
    const left = fs.readFileSync(journal);
    a.put(CM, 'default/x', { v: 2 });
    a.setSystem({ converged: true });
    a.save(1);
    fs.writeFileSync(journal, left);

    const b = Store.open(file);
    expect(b.get(CM, 'default/x')).toEqual({ v: 2 });
    expect(b.system.converged).toBe(true);
    // A later commit follows the manifest's, after the stale record, and is replayed.
    b.put(CM, 'default/y', { v: 3 });
    b.commit(1);
    const c = Store.open(file);
    expect(c.get(CM, 'default/x')).toEqual({ v: 2 });
    expect(c.get(CM, 'default/y')).toEqual({ v: 3 });
  });

  it('commits nothing, and creates no journal, when nothing was written', () => {
    const { file, journal } = savedStore();
    const a = Store.open(file);
    expect(a.get(CM, 'default/base')).toEqual({ v: 0 });
    expect(a.commit(1)).toBe(false);
    expect(fs.existsSync(journal)).toBe(false);
  });

  it('writes what changed, not the collections it changed', () => {
    const { file, journal } = savedStore();
    const a = Store.open(file);
    for (let i = 0; i < 10_000; i++) a.put('/registry/pods', `default/p${i}`, { metadata: { name: `p${i}` } });
    a.save(1);
    const b = Store.open(file);
    b.put('/registry/pods', 'default/new', { metadata: { name: 'new' } });
    b.commit(1);
    const [record] = fs.readFileSync(journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(record.changes).toEqual([['/registry/pods', 'default/new', { metadata: { name: 'new' } }]]);
    expect(Store.open(file).count('/registry/pods')).toBe(10_001);
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
      expect(fs.statSync(path.join(dir, 'store', 'journal')).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });

  it('refuses a journal with a whole record it cannot read, and leaves it alone', () => {
    const { file, journal } = savedStore();
    fs.writeFileSync(journal, '{"seq":1,"revision":2,"syst\n');
    expect(() => Store.open(file)).toThrow(StoreError);
    expect(() => Store.open(file)).toThrow(/the store journal .* is unreadable at line 1/);
    expect(fs.readFileSync(journal, 'utf8')).toBe('{"seq":1,"revision":2,"syst\n');
    fs.writeFileSync(journal, '{"seq":1}\n');
    expect(() => Store.open(file)).toThrow(/the store journal .* is unreadable at line 1 \(not a journal record\)/);
  });
});
