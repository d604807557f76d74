// client-go's shared informers, in process: a cache of one resource type, filled by one list when
// first read and kept current by the watch from then on, with indexes (client-go's
// tools/cache/index.go) so a controller asks "pods owned by this ReplicaSet" or "pods on this
// node" without scanning. The watch is opened when the informer is made, so no write is missed
// between it and the first read; writes seen before the first read are simply not needed (the
// list reads the store as it is then). A kind with a cache view (pods) is cached as views, the
// store's copy of which is kept by the write path, and whole objects are fetched as asked for.
import { keyString, parseKeyString } from '../api/meta/objectkey';
import { controllerRef } from '../api/meta/ownerrefs';
import { type ResourceType, kindDef } from '../api/registry';
import type { OwnerRefView } from '../api/pod/view';
import type { KubeObject, ObjectKey, ObjectMeta } from '../api/types';
import type { Client, WatchEvent } from './client';

/**
 * The values an object (or its view) is filed under in one index: most objects have one value
 * in most indexes (a namespace, a controller, a node), or none, so one may be returned as it is
 * (undefined: none) rather than in an array made for each of ten thousand pods.
 */
export type IndexFunc<V extends Cached = Cached> = (obj: V) => string | readonly string[] | undefined;

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

/**
 * The owners that do not control: with the controller index it makes the owner index, which is
 * kept as the two (most objects have one owner, their controller, and the controller index is
 * there already: the owner index would file ten thousand pods a second time).
 */
const OTHER_OWNERS = 'owner-not-controller';

const STANDARD: Record<string, IndexFunc> = {
  [INDEX.namespace]: (o) => o.metadata.namespace || undefined,
  [INDEX.controller]: (o) => controllerRef(o)?.uid,
  [OTHER_OWNERS]: (o) => {
    const refs = o.metadata.ownerReferences;
    return refs?.some((r) => !r.controller) ? refs.filter((r) => !r.controller).map((r) => r.uid) : undefined;
  },
  [INDEX.orphan]: (o) => (o.metadata.namespace && !controllerRef(o) ? o.metadata.namespace : undefined),
};

/** "<namespace>/<name>", or the name of a cluster-scoped object: the store's own key order. */
export function cacheKey(namespace: string | undefined, name: string): string {
  return keyString({ namespace, name });
}

export function keyOfObject(obj: Cached): ObjectKey {
  return obj.metadata.namespace ? { namespace: obj.metadata.namespace, name: obj.metadata.name! } : { name: obj.metadata.name! };
}

/**
 * What an informer files and hands to index functions: the object itself, or for a kind with a
 * cache view (KindDef.view) its view, which carries at least this much metadata.
 */
export interface Cached {
  metadata: Pick<ObjectMeta, 'name' | 'namespace' | 'uid' | 'labels' | 'finalizers' | 'creationTimestamp' | 'deletionTimestamp'> & {
    /** Whom it belongs to; a view keeps only who and how (the uid, controller, blockOwnerDeletion). */
    ownerReferences?: OwnerRefView[];
  };
}

/**
 * An index is built when first asked for, and kept by every change from then on. A value with
 * one key holds the key itself (a uid, a name): most values of most indexes have one, and a set
 * for each would be most of the index's cost.
 */
interface Index {
  fn: IndexFunc;
  values?: Map<string, string | Set<string>>;
}

const NO_KEYS: readonly string[] = [];

/**
 * One type's cache. A kind with a cache view is cached as views (read from the store's views, not
 * its objects, and kept current from the watch), and its whole objects are fetched one by one
 * when asked for: a controller that counts ten thousand pods reads ten thousand views and fetches
 * the ten it writes. A kind without one is cached whole.
 */
export class Informer<T extends KubeObject = KubeObject, V extends Cached = Cached> {
  /** Every object's view (the object itself for a kind without one), once first read. */
  private views?: Map<string, V>;
  /** Whole objects: every one for a kind without views; else those seen or fetched since. */
  private readonly objects = new Map<string, T>();
  private readonly indexes = new Map<string, Index>();
  private readonly viewOf?: (obj: T) => V;

  constructor(
    private readonly client: Client,
    readonly type: ResourceType,
  ) {
    const view = kindDef(type).view;
    if (view) this.viewOf = (obj) => view.of(obj) as V;
    for (const [name, fn] of Object.entries(STANDARD)) this.indexes.set(name, { fn });
    client.watch(type, undefined, {}, (e) => this.observe(e));
  }

  /** Files objects under another index (the function sees what is cached: views, for a kind with them); idempotent for the same name. */
  addIndex(name: string, fn: IndexFunc<V>): void {
    if (!this.indexes.has(name)) this.indexes.set(name, { fn: fn as IndexFunc });
  }

  /** The whole object. */
  get(namespace: string | undefined, name: string): T | undefined {
    const key = cacheKey(this.type.namespaced ? namespace : undefined, name);
    return this.synced().has(key) ? this.whole(key) : undefined;
  }

  /** The object as cached: its view, for a kind with one. */
  view(namespace: string | undefined, name: string): V | undefined {
    return this.synced().get(cacheKey(this.type.namespaced ? namespace : undefined, name));
  }

  /** The object as cached under its cache key (cacheKey: "<namespace>/<name>"), for a caller that holds the key already. */
  viewAt(key: string): V | undefined {
    return this.synced().get(key);
  }

  /** Every whole object, in key order. */
  list(): T[] {
    return this.sortedKeys(this.synced().keys()).map((k) => this.whole(k));
  }

  /** How many objects are cached. */
  get size(): number {
    return this.synced().size;
  }

  /** Every object as cached (its view, for a kind with one), in key order. */
  cached(): V[] {
    const views = this.synced();
    return this.sortedKeys(views.keys()).map((k) => views.get(k)!);
  }

  /** The whole objects filed under `value` in `index`, in key order. */
  byIndex(index: string, value: string): T[] {
    return this.sortedKeys(this.filed(index, value)).map((k) => this.whole(k));
  }

  /** The cached objects (views, for a kind with them) filed under `value` in `index`, in key order. */
  viewsByIndex(index: string, value: string): V[] {
    const views = this.synced();
    return this.sortedKeys(this.filed(index, value)).map((k) => views.get(k)!);
  }

  /** The cached objects filed under `value` in `index`, in no particular order (to enqueue them, say). */
  unordered(index: string, value: string): V[] {
    const views = this.synced();
    return [...this.filed(index, value)].map((k) => views.get(k)!);
  }

  /** How many objects are filed under `value` in `index`. */
  count(index: string, value: string): number {
    const keys = this.filed(index, value);
    return Array.isArray(keys) ? keys.length : (keys as ReadonlySet<string>).size;
  }

  private filed(index: string, value: string): ReadonlySet<string> | readonly string[] {
    if (index === INDEX.owner) {
      const others = this.filed(OTHER_OWNERS, value);
      const controlled = this.filed(INDEX.controller, value);
      return Array.isArray(others) && !others.length ? controlled : new Set([...controlled, ...others]);
    }
    const keys = this.built(index)?.get(value);
    return typeof keys === 'string' ? [keys] : (keys ?? NO_KEYS);
  }

  /** An index's values, built from the cache on first use. */
  private built(name: string): Map<string, string | Set<string>> | undefined {
    const views = this.synced();
    const index = this.indexes.get(name);
    if (!index) return undefined;
    if (!index.values) {
      index.values = new Map();
      views.forEach((v, key) => this.file(index, key, v));
    }
    return index.values;
  }

  /** Keys in the store's order (JavaScript's default order of strings: UTF-16 units, as compareUnits). */
  private sortedKeys(keys: Iterable<string>): string[] {
    return [...keys].sort();
  }

  /** The whole object under a cached key: kept, or fetched (the store's object as of now: the cache follows every write). */
  private whole(key: string): T {
    let obj = this.objects.get(key);
    if (!obj) {
      const { namespace, name } = parseKeyString(key);
      obj = this.client.get<T>(this.type, namespace, name);
      this.objects.set(key, obj);
    }
    return obj;
  }

  private synced(): Map<string, V> {
    if (this.views) return this.views;
    this.views = new Map();
    // No index is built before the first read (built() reads first), so nothing is filed here.
    const views = this.views;
    if (this.viewOf) this.client.views(this.type, (key, view) => views.set(key, view as V));
    else
      for (const obj of this.client.list<T>(this.type)) {
        const key = keyOf(obj);
        views.set(key, this.keep(key, obj));
      }
    return this.views;
  }

  private observe(e: WatchEvent): void {
    if (!this.views) return;
    const obj = e.object as T;
    const key = keyOf(obj);
    const old = this.views.get(key);
    if (old) this.unfile(key, old);
    if (e.type === 'DELETED') {
      this.views.delete(key);
      this.objects.delete(key);
    } else this.add(key, this.keep(key, obj));
  }

  /** Keeps a whole object; returns what is cached of it. */
  private keep(key: string, obj: T): V {
    this.objects.set(key, obj);
    return this.viewOf ? this.viewOf(obj) : (obj as unknown as V);
  }

  private add(key: string, view: V): void {
    this.views!.set(key, view);
    for (const index of this.indexes.values()) this.file(index, key, view);
  }

  private file(index: Index, key: string, view: Cached): void {
    const values = index.values;
    if (!values) return;
    const found = index.fn(view);
    if (typeof found === 'string') fileUnder(values, found, key);
    else if (found) for (const v of found) fileUnder(values, v, key);
  }

  private unfile(key: string, view: Cached): void {
    for (const index of this.indexes.values()) {
      const values = index.values;
      if (!values) continue;
      const found = index.fn(view);
      if (typeof found === 'string') unfileUnder(values, found, key);
      else if (found) for (const v of found) unfileUnder(values, v, key);
    }
  }
}

function fileUnder(values: Map<string, string | Set<string>>, v: string, key: string): void {
  const keys = values.get(v);
  if (keys === undefined) values.set(v, key);
  else if (typeof keys !== 'string') keys.add(key);
  else if (keys !== key) values.set(v, new Set([keys, key]));
}

function unfileUnder(values: Map<string, string | Set<string>>, v: string, key: string): void {
  const keys = values.get(v);
  if (keys === key) values.delete(v);
  else if (keys !== undefined && typeof keys !== 'string') {
    keys.delete(key);
    if (!keys.size) values.delete(v);
  }
}

function keyOf(obj: Cached): string {
  return cacheKey(obj.metadata.namespace, obj.metadata.name!);
}

/** One informer per resource type, shared by every controller of the engine. */
export class Informers {
  private readonly byType = new Map<ResourceType, Informer>();

  constructor(private readonly client: Client) {}

  for<T extends KubeObject, V extends Cached = Cached>(type: ResourceType): Informer<T, V> {
    let inf = this.byType.get(type);
    if (!inf) this.byType.set(type, (inf = new Informer(this.client, type)));
    return inf as unknown as Informer<T, V>;
  }
}
