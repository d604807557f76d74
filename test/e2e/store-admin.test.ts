// pocketkube store: check says what it verified and exits 1 on a problem; backup writes the
// store whole to one private file; restore puts it back atomically, over a damaged store too,
// and refuses a backup that is not whole without touching the store.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Home, throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();

const state = (h: Home) => h.ok('get', 'deployments,replicasets,pods,configmaps', '-A', '-o', 'yaml');

describe('pocketkube store', () => {
  it('check says there is no store yet in an empty home, and that is no problem', () => {
    const h = home();
    expect(h.run(['store', 'check'])).toEqual({
      code: 0,
      stdout: `no store yet at ${path.join(h.dir, 'store.json')} (the first command makes one)\nno problems found\n`,
      stderr: '',
    });
  });

  it('check verifies every file, value and object of a sound store', () => {
    const h = home();
    h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3');
    const r = h.run(['store', 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^store ${path.join(h.dir, 'store.json').replace(/[/.]/g, '\\$&')}: revision \\d+, \\d+ collections in \\d+ files? in store/\n` +
          'journal journal\\.\\d+: \\d+ records? after the last fold, replayed\n' +
          'collections: \\d+ collections read whole, [\\d,]+ values parsed\n' +
          'objects: [\\d,]+ checked \\(keys, uids, resourceVersions, namespaces, owners\\)\n' +
          'secrets: 1 stored \\(1 in the clear\\)\n' +
          'no problems found\n$',
      ),
    );
  });

  it('check names each problem once and exits 1', () => {
    const h = home();
    h.ok('get', 'nodes');
    const file = h.ownCollectionFile('/registry/configmaps');
    fs.writeFileSync(file, '42\n');
    const r = h.run(['store', 'check']);
    expect(r.code).toBe(1);
    const problems = r.stdout.split('\n').filter((l) => l.startsWith('problem: '));
    expect(problems).toEqual([`problem: the store ${file} is unreadable (it was cut short or changed: its index does not fit its lines); it was left untouched`]);
    expect(r.stdout.endsWith('1 problem found\n')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('42\n');
  });

  it('check reports a store it cannot open at all', () => {
    const h = home();
    h.ok('get', 'nodes');
    fs.writeFileSync(path.join(h.dir, 'store.json'), '{"format":"pocketkube.store/v3","revision":"x"}');
    expect(h.run(['store', 'check'])).toEqual({
      code: 1,
      stdout: `problem: the store ${path.join(h.dir, 'store.json')} is damaged (its revision is not a count); it was left untouched\n1 problem found\n`,
      stderr: '',
    });
  });

  it('backup and restore bring back the store as it was, over later changes', () => {
    const h = home();
    h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2');
    const before = state(h);
    const backup = path.join(h.dir, 'files', 'cluster.backup');
    fs.mkdirSync(path.dirname(backup), { recursive: true });
    const revision = JSON.parse(fs.readFileSync(path.join(h.dir, 'store.json'), 'utf8')).revision;
    expect(h.ok('store', 'backup', backup)).toMatch(new RegExp(`^Backed up the store at revision \\d+ to ${backup.replace(/[/.]/g, '\\$&')}\n$`));
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    h.ok('create', 'configmap', 'later', '--from-literal=a=b');
    h.ok('delete', 'deployment', 'web');
    expect(state(h)).not.toBe(before);
    const r = h.ok('store', 'restore', backup);
    expect(r).toMatch(new RegExp(`^Restored the store to revision \\d+ from ${backup.replace(/[/.]/g, '\\$&')} \\(backed up 2026-11-26T12:00:00Z\\)\nKept the kubeconfig at ${path.join(h.dir, 'config').replace(/[/.]/g, '\\$&')}; the backup's is in .*\n$`));
    expect(Number(/revision (\d+)/.exec(r)![1])).toBeGreaterThanOrEqual(revision);
    expect(state(h)).toBe(before);
    expect(h.run(['store', 'check']).code).toBe(0);
  });

  it('restore mends a damaged store, and into an empty home brings the kubeconfig too', () => {
    const h = home();
    h.ok('create', 'configmap', 'mine', '--from-literal=a=b');
    const before = state(h);
    const backup = path.join(h.dir, '..', `${path.basename(h.dir)}.backup`);
    h.ok('store', 'backup', backup);
    try {
      fs.writeFileSync(path.join(h.dir, 'store.json'), 'not json');
      expect(h.run(['get', 'configmaps']).code).toBe(1);
      h.ok('store', 'restore', backup);
      expect(state(h)).toBe(before);

      const other = home();
      expect(other.ok('store', 'restore', backup)).toContain(`Restored the kubeconfig from the backup to ${path.join(other.dir, 'config')}\n`);
      expect(state(other)).toBe(before);
      expect(fs.readFileSync(path.join(other.dir, 'config'), 'utf8')).toBe(fs.readFileSync(path.join(h.dir, 'config'), 'utf8'));
    } finally {
      fs.rmSync(backup, { force: true });
    }
  });

  it.each([
    ['not a backup', () => 'garbage\n', 'its first line is not a backup header'],
    ['cut short', (b: Buffer) => b.subarray(0, b.length - 10), 'it was cut short'],
    ['changed', (b: Buffer) => Buffer.from(b.toString('latin1').replace('nginx', 'NGINX'), 'latin1'), 'do not match their digest'],
  ])('restore refuses a backup that is %s and leaves the store as it was', (_, spoil, why) => {
    const h = home();
    h.ok('create', 'deployment', 'web', '--image=nginx:1.25');
    const backup = h.file('x.backup', '');
    h.ok('store', 'backup', backup);
    fs.writeFileSync(backup, spoil(fs.readFileSync(backup)) as Buffer | string);
    h.ok('delete', 'deployment', 'web');
    const before = h.storeBytes();
    const r = h.run(['store', 'restore', backup]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error: ${backup.replace(/[/.]/g, '\\$&')} is not a whole pocketkube backup \\(.*${why}.*\\); nothing was restored\n$`));
    expect(h.storeBytes().equals(before)).toBe(true);
  });

  it('check says how Secrets are stored, and names one that no configured key opens', () => {
    const h = home();
    h.ok('get', 'nodes');
    h.ok('store', 'encrypt', '--provider', 'aesgcm');
    const ok = h.run(['store', 'check']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('\nsecrets: 1 stored (1 aesgcm key1)\nno problems found\n');
    // Another key under the same name: what key1 wrote no longer opens.
    const config = path.join(h.dir, 'encryption-config.yaml');
    const text = fs.readFileSync(config, 'utf8');
    const secret = /"secret": "([^"]+)"/.exec(text)![1];
    fs.writeFileSync(config, text.replace(secret, Buffer.alloc(32, 7).toString('base64')));
    const bad = h.run(['store', 'check']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/\nproblem: secret kube-system\/bootstrap-token-[a-z0-9]{6} does not read back \(cipher: message authentication failed\)\n/);
  });
});
