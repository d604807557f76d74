// `pocketkube store check`, the API's part: every stored object is the object its key names,
// no two objects share a UID, no object's resourceVersion is ahead of the store's revision, every
// namespaced object's namespace exists, and owner references point at objects that exist (one
// that does not is not damage: the garbage collector deletes such dependents, so it is a note).
import { allTypes } from '../api/registry';
import type { KubeObject } from '../api/types';
import type { CheckReport } from '../store/check';
import type { Store } from '../store/store';
import { type ObjectStorage, collectionOf } from './storage';

export function checkObjects(store: Store, storage: ObjectStorage, report: CheckReport): void {
  const byUid = new Map<string, string>();
  const namespaces = new Set<string>();
  const namespaced: { where: string; ns: string }[] = [];
  const owned: { where: string; uid: string; kind: string; name: string }[] = [];
  let count = 0;
  for (const t of allTypes()) {
    try {
      store.scan(collectionOf(t), '', false, (value, key) => {
        let obj: KubeObject;
        try {
          obj = storage.object(t, key, value);
        } catch (e) {
          // One damaged value is reported; the others are still checked.
          report.problems.push((e as Error).message);
          return;
        }
        count++;
        const m = obj.metadata;
        const where = `${t.resource}${t.group ? `.${t.group}` : ''} ${m.namespace ? `${m.namespace}/` : ''}${m.name}`;
        if (t.kind === 'Namespace') namespaces.add(m.name!);
        if (t.namespaced) namespaced.push({ where, ns: m.namespace ?? '' });
        if (!m.uid) report.problems.push(`${where} has no uid`);
        else if (byUid.has(m.uid)) report.problems.push(`${where} has the uid of ${byUid.get(m.uid)} (${m.uid})`);
        else byUid.set(m.uid, where);
        if (Number(m.resourceVersion) > store.revision) report.problems.push(`${where} has resourceVersion ${m.resourceVersion}, ahead of the store's revision ${store.revision}`);
        for (const ref of m.ownerReferences ?? []) owned.push({ where, uid: ref.uid, kind: ref.kind, name: ref.name });
      });
    } catch (e) {
      report.problems.push((e as Error).message);
    }
  }
  for (const { where, ns } of namespaced) if (!namespaces.has(ns)) report.problems.push(`${where} is in namespace "${ns}", which does not exist`);
  let dangling = 0;
  for (const o of owned)
    if (!byUid.has(o.uid)) {
      dangling++;
      if (dangling <= 10) report.notes.push(`${o.where} is owned by ${o.kind} ${o.name} (${o.uid}), which is gone: the garbage collector deletes it`);
    }
  if (dangling > 10) report.notes.push(`… and ${dangling - 10} more objects whose owner is gone`);
  report.facts.push(`objects: ${count.toLocaleString('en-US')} checked (keys, uids, resourceVersions, namespaces, owners)`);
}
