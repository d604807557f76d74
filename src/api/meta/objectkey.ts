// Object keys as strings ("<namespace>/<name>"), the way queues, timers and the store name objects.
import type { ObjectKey } from '../types';

/** A key's identity in queues and timers: "<namespace>/<name>", a cluster-scoped name, and "#<uid>" when the key names one incarnation. */
export function keyString(key: ObjectKey): string {
  const base = key.namespace ? `${key.namespace}/${key.name}` : key.name;
  return key.uid ? `${base}#${key.uid}` : base;
}

export function parseKeyString(s: string): ObjectKey {
  const hash = s.indexOf('#');
  const uid = hash >= 0 ? s.slice(hash + 1) : undefined;
  const base = hash >= 0 ? s.slice(0, hash) : s;
  const slash = base.indexOf('/');
  const key: ObjectKey = slash >= 0 ? { namespace: base.slice(0, slash), name: base.slice(slash + 1) } : { name: base };
  if (uid) key.uid = uid;
  return key;
}

/** JavaScript's order of strings (UTF-16 units): the order the store keeps keys in. */
export function compareUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Namespace, then name (the order a list returns), incarnations after the live key. */
export function sortKeys(keys: readonly ObjectKey[]): ObjectKey[] {
  return keys
    .map((key) => ({ key, id: keyString(key) }))
    .sort((a, b) => compareUnits(a.id, b.id))
    .map((k) => k.key);
}
