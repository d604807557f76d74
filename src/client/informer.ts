// client-go's shared informers, in process: a cache of one resource type, filled by one list when
// first read and kept current by the watch from then on, with indexes (client-go's
// tools/cache/index.go) so a controller asks "pods owned by this ReplicaSet" or "pods on this
// node" without scanning. The watch is opened when the informer is made, so no write is missed
// between it and the first read; writes seen before the first read are simply not needed (the
// list reads the store as it is then).
import { compareUnits, keyString } from '../api/meta/objectkey';
import { controllerRef } from '../api/meta/ownerrefs';
import type { ResourceType } from '../api/registry';
import type { KubeObject, ObjectKey } from '../api/types';
import type { Client, WatchEvent } from './client';

/** The values an object is filed under in one index. */
export type IndexFunc = (obj: KubeObject) => readonly string[];

/** The indexes every informer keeps (more are added with `addIndex`). */
export const INDEX = {
  /** metadata.namespace */
  namespace: 'namespace',
  /** The uid of the controller owner reference. */
  controller: 'controller',
  /** The uid of every owner reference. */
  owner: 'owner',
  /** Namespaced objects without a controller: candidates for adoption. */
  orphan: 'orphan',
} as const;

const STANDARD: Record<string, IndexFunc> = {
  [INDEX.namespace]: (o) => (o.metadata.namespace ? [o.metadata.namespace] : []),
  [INDEX.controller]: (o) => {
    const ref = controllerRef(o);
    return ref ? [ref.uid] : [];
  },
  [INDEX.owner]: (o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid),
  [INDEX.orphan]: (o) => (o.metadata.namespace && !controllerRef(o) ? [o.metadata.namespace] : []),
};

/** "<namespace>/<name>", or the name of a cluster-scoped object: the store's own key order. */
export function cacheKey(namespace: string | undefined, name: string): string {
  return keyString({ namespace, name });
}

export function keyOfObject(obj: KubeObject): ObjectKey {
  return obj.metadata.namespace ? { namespace: obj.metadata.namespace, name: obj.metadata.name! } : { name: obj.metadata.name! };
}


interface Index {
  fn: IndexFunc;
  values: Map<string, Set<string>>;
}

export class Informer<T extends KubeObject = KubeObject> {
  private objects?: Map<string, T>;
  private readonly indexes = new Map<string, Index>();

  constructor(
    private readonly client: Client,
    readonly type: ResourceType,
  ) {
    for (const [name, fn] of Object.entries(STANDARD)) this.indexes.set(name, { fn, values: new Map() });
    client.watch(type, undefined, {}, (e) => this.observe(e));
  }

  /** Files objects under another index; idempotent for the same name. */
  addIndex(name: string, fn: IndexFunc): void {
    if (this.indexes.has(name)) return;
    const index: Index = { fn, values: new Map() };
    this.indexes.set(name, index);
    if (this.objects) for (const [key, obj] of this.objects) this.file(index, key, obj);
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.synced().get(cacheKey(this.type.namespaced ? namespace : undefined, name));
  }

  /** Every object, in key order. */
  list(): T[] {
    const objects = this.synced();
    return [...objects.keys()].sort(compareUnits).map((k) => objects.get(k)!);
  }

  /** The objects filed under `value` in `index`, in key order. */
  byIndex(index: string, value: string): T[] {
    const objects = this.synced();
    const keys = this.indexes.get(index)?.values.get(value);
    if (!keys?.size) return [];
    return [...keys].sort(compareUnits).map((k) => objects.get(k)!);
  }

  /** The objects filed under `value` in `index`, in no particular order (to enqueue them, say). */
  unordered(index: string, value: string): T[] {
    const objects = this.synced();
    const keys = this.indexes.get(index)?.values.get(value);
    return keys ? [...keys].map((k) => objects.get(k)!) : [];
  }

  /** How many objects are filed under `value` in `index`. */
  count(index: string, value: string): number {
    this.synced();
    return this.indexes.get(index)?.values.get(value)?.size ?? 0;
  }

  private synced(): Map<string, T> {
    if (this.objects) return this.objects;
    this.objects = new Map();
    for (const obj of this.client.list<T>(this.type)) this.add(obj);
    return this.objects;
  }

  private observe(e: WatchEvent): void {
    if (!this.objects) return;
    const obj = e.object as T;
    const key = cacheKey(obj.metadata.namespace, obj.metadata.name!);
    const old = this.objects.get(key);
    if (old) this.unfile(key, old);
    if (e.type === 'DELETED') this.objects.delete(key);
    else this.add(obj);
  }

  private add(obj: T): void {
    const key = cacheKey(obj.metadata.namespace, obj.metadata.name!);
    this.objects!.set(key, obj);
    for (const index of this.indexes.values()) this.file(index, key, obj);
  }

  private file(index: Index, key: string, obj: T): void {
    for (const v of index.fn(obj)) {
      let keys = index.values.get(v);
      if (!keys) index.values.set(v, (keys = new Set()));
      keys.add(key);
    }
  }

  private unfile(key: string, obj: T): void {
    for (const index of this.indexes.values()) {
      for (const v of index.fn(obj)) {
        const keys = index.values.get(v);
        if (!keys) continue;
        keys.delete(key);
        if (!keys.size) index.values.delete(v);
      }
    }
  }
}

/** One informer per resource type, shared by every controller of the engine. */
export class Informers {
  private readonly byType = new Map<ResourceType, Informer>();

  constructor(private readonly client: Client) {}

  for<T extends KubeObject>(type: ResourceType): Informer<T> {
    let inf = this.byType.get(type);
    if (!inf) this.byType.set(type, (inf = new Informer(this.client, type)));
    return inf as unknown as Informer<T>;
  }
}
