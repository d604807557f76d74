// Where API objects live in the store: etcd-like registry keys ("/registry/pods",
// "/registry/apps/deployments") and "<namespace>/<name>" within a collection.
import { allKinds, type ResourceType } from '../api/registry';
import type { KubeObject } from '../api/types';
import { type Store, StoreError, type ValueView } from '../store/store';

export function collectionOf(t: ResourceType): string {
  return t.group ? `/registry/${t.group}/${t.resource}` : `/registry/${t.resource}`;
}

export function keyOf(t: ResourceType, namespace: string | undefined, name: string): string {
  return t.namespaced ? `${namespace}/${name}` : name;
}

/** Typed reads and writes of objects; no API rules here. */
export class ObjectStorage {
  constructor(private readonly store: Store) {
    for (const def of allKinds()) if (def.view) store.defineView(collectionOf(def.type), def.view as ValueView);
  }

  read(t: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const key = keyOf(t, namespace, name);
    const value = this.store.get(collectionOf(t), key);
    return value === undefined ? undefined : this.checked(t, key, value);
  }

  /**
   * A stored value as an object of its type: a value of another shape (a file changed by hand) is
   * refused, naming where it lies, before anything acts on it.
   */
  checked(t: ResourceType, key: string, value: unknown): KubeObject {
    const meta = (value as KubeObject | null)?.metadata;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof meta === 'object' && meta !== null && keyOf(t, meta.namespace, meta.name!) === key)
      return value as KubeObject;
    const collection = collectionOf(t);
    throw new StoreError(
      `the store ${this.store.fileOf(collection)} is damaged (its value for ${collection} key ${JSON.stringify(key)} is not a ${t.kind} named so); it was left untouched`,
    );
  }

  /**
   * Visits the objects of a type, in one namespace or (undefined) all, sorted by namespace then
   * name; only names starting with `namePrefix` if given. `keep` false: the store does not keep
   * what it parses for the visit (a reader that looks at each object once).
   */
  readAll(t: ResourceType, namespace: string | undefined, namePrefix: string | undefined, keep: boolean, visit: (obj: KubeObject) => void): void {
    const prefix = t.namespaced && namespace !== undefined ? `${namespace}/${namePrefix ?? ''}` : (namePrefix ?? '');
    this.store.scan(collectionOf(t), prefix, keep, (value, key) => visit(this.checked(t, key, value)));
  }

  /** Visits every object of a type as its kind's cache view (KindDef.view), with its key, in no particular order. */
  readViews(t: ResourceType, visit: (key: string, view: unknown) => void): void {
    this.store.eachView(collectionOf(t), visit);
  }

  count(t: ResourceType): number {
    return this.store.count(collectionOf(t));
  }

  /** Stores the object with a new resourceVersion (mutates `obj.metadata.resourceVersion`). */
  write(t: ResourceType, obj: KubeObject): KubeObject {
    obj.metadata.resourceVersion = String(this.store.nextRevision());
    this.store.put(collectionOf(t), keyOf(t, obj.metadata.namespace, obj.metadata.name!), obj);
    return obj;
  }

  remove(t: ResourceType, obj: KubeObject): void {
    this.store.nextRevision();
    this.store.delete(collectionOf(t), keyOf(t, obj.metadata.namespace, obj.metadata.name!));
  }

  get revision(): number {
    return this.store.revision;
  }
}
