// store check's object part: keys, UIDs, resourceVersions, namespaces and owners cross-checked.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkObjects } from '../../src/apiserver/integrity';
import { ObjectStorage } from '../../src/apiserver/storage';
import type { CheckReport } from '../../src/store/check';
import { Store } from '../../src/store/store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function store(): Store {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketkube-check-'));
  dirs.push(dir);
  return Store.open(path.join(dir, 'store.json'));
}

const obj = (kind: string, name: string, ns: string | undefined, uid: string, rv: number, extra: Record<string, unknown> = {}) => ({
  kind,
  metadata: { name, ...(ns ? { namespace: ns } : {}), uid, resourceVersion: String(rv), ...extra },
});

describe('store check, objects', () => {
  it('passes a consistent store and finds each kind of inconsistency', () => {
    const s = store();
    for (let i = 0; i < 20; i++) s.nextRevision();
    s.put('/registry/namespaces', 'default', obj('Namespace', 'default', undefined, 'ns-1', 1));
    s.put('/registry/configmaps', 'default/a', obj('ConfigMap', 'a', 'default', 'cm-a', 2));
    const report = (): CheckReport => {
      const r: CheckReport = { facts: [], problems: [], notes: [] };
      checkObjects(s, new ObjectStorage(s), r);
      return r;
    };
    expect(report()).toEqual({ facts: ['objects: 2 checked (keys, uids, resourceVersions, namespaces, owners)'], problems: [], notes: [] });

    s.put('/registry/configmaps', 'default/b', obj('ConfigMap', 'b', 'default', 'cm-a', 3));
    s.put('/registry/configmaps', 'gone/c', obj('ConfigMap', 'c', 'gone', 'cm-c', 99));
    s.put('/registry/apps/replicasets', 'default/rs', obj('ReplicaSet', 'rs', 'default', 'rs-1', 4, { ownerReferences: [{ kind: 'Deployment', name: 'web', uid: 'dep-gone' }] }));
    s.put('/registry/configmaps', 'default/d', obj('ConfigMap', 'other-name', 'default', 'cm-d', 5));
    const r = report();
    expect(r.problems).toEqual([
      'configmaps default/b has the uid of configmaps default/a (cm-a)',
      `the store ${path.join(path.dirname(s.file), 'store', 'journal')} is damaged (its value for /registry/configmaps key "default/d" is not a ConfigMap named so); it was left untouched`,
      "configmaps gone/c has resourceVersion 99, ahead of the store's revision 20",
      'configmaps gone/c is in namespace "gone", which does not exist',
    ]);
    expect(r.notes).toEqual(['replicasets.apps default/rs is owned by Deployment web (dep-gone), which is gone: the garbage collector deletes it']);
  });
});
