// Where API objects live in the store: etcd-like registry keys ("/registry/pods",
// "/registry/apps/deployments") and "<namespace>/<name>" within a collection. Between the two sits
// encryption at rest, where kube-apiserver has it (its etcd3 storage's transformer): the values of
// the resources an EncryptionConfiguration names are written encrypted and read back plain, keyed
// by their full storage key ("/registry/secrets/default/db"), so above this file every object is
// plain and in the store's files none of them is.
import { internalError } from '../api/errors';
import { allKinds, kindDef, type ResourceType } from '../api/registry';
import type { KubeObject } from '../api/types';
import { visitInKeyOrder } from '../store/keyorder';
import { type Store, StoreError, type ValueView } from '../store/store';
import type { EncryptionAtRest } from './encryption';
import type { Transformer } from './encryption/transformer';

/** Each type's collection name, made once: a name built per read is one more string to hash per store lookup. */
const collections = new Map<ResourceType, string>();

export function collectionOf(t: ResourceType): string {
  let name = collections.get(t);
  if (name === undefined) collections.set(t, (name = t.group ? `/registry/${t.group}/${t.resource}` : `/registry/${t.resource}`));
  return name;
}

export function keyOf(t: ResourceType, namespace: string | undefined, name: string): string {
  return t.namespaced ? `${namespace}/${name}` : name;
}

/** Whether `key` is keyOf(t, namespace, name), compared in place: every read checks it. */
function isKeyOf(t: ResourceType, key: string, namespace: string | undefined, name: string | undefined): boolean {
  if (typeof name !== 'string') return false;
  if (!t.namespaced) return key === name;
  if (typeof namespace !== 'string') return false;
  const slash = namespace.length;
  return key.length === slash + 1 + name.length && key.charCodeAt(slash) === 0x2f && key.startsWith(namespace) && key.endsWith(name);
}

/** What every encrypted value begins with (transformer.ts's ENCRYPTED_PREFIX, kept here so a home without encryption loads none of it). */
const ENCRYPTED = 'k8s:enc:';

/** Typed reads and writes of objects; no API rules here. */
export class ObjectStorage {
  private encryption?: EncryptionAtRest;

  constructor(
    private readonly store: Store,
    encryption?: EncryptionAtRest,
  ) {
    this.encryption = encryption;
    this.keepViews();
  }

  /** Another configuration from now on (`pocketkube store encrypt`). */
  setEncryption(encryption: EncryptionAtRest | undefined): void {
    this.encryption = encryption;
    this.keepViews();
  }

  /**
   * The store keeps each kind's cache view beside its values, in the clear: not for an encrypted
   * kind, whose views are made from its decrypted objects when asked for (readViews).
   */
  private keepViews(): void {
    for (const def of allKinds()) {
      if (!def.view) continue;
      if (this.transformer(def.type)) this.store.dropView(collectionOf(def.type));
      else this.store.defineView(collectionOf(def.type), def.view as ValueView);
    }
  }

  private transformer(t: ResourceType): Transformer | undefined {
    return this.encryption?.transformerFor(t);
  }

  /** A stored value as the object it holds (decrypted when its kind is encrypted). */
  private decode(t: ResourceType, key: string, stored: unknown): KubeObject {
    const transformer = this.transformer(t);
    if (!transformer && !(typeof stored === 'string' && stored.startsWith(ENCRYPTED))) return stored as KubeObject;
    const storageKey = `${collectionOf(t)}/${key}`;
    // Without a configuration the API server reads as identity does: encrypted data is an error.
    if (!transformer) throw internalError(`unable to transform key ${JSON.stringify(storageKey)}: identity transformer tried to read encrypted data`);
    try {
      return transformer.fromStorage(stored, storageKey).object as KubeObject;
    } catch (e) {
      throw internalError(`unable to transform key ${JSON.stringify(storageKey)}: ${(e as Error).message}`);
    }
  }

  read(t: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const key = keyOf(t, namespace, name);
    const stored = this.store.get(collectionOf(t), key);
    return stored === undefined ? undefined : this.object(t, key, stored);
  }

  /** A stored value as the object of its type it holds: decrypted, and checked (`checked`). */
  object(t: ResourceType, key: string, stored: unknown): KubeObject {
    return this.checked(t, key, this.decode(t, key, stored));
  }

  /**
   * A value as an object of its type: a value of another shape (a file changed by hand) is
   * refused, naming where it lies, before anything acts on it.
   */
  private checked(t: ResourceType, key: string, value: unknown): KubeObject {
    const meta = (value as KubeObject | null)?.metadata;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof meta === 'object' && meta !== null && isKeyOf(t, key, meta.namespace, meta.name))
      return value as KubeObject;
    const collection = collectionOf(t);
    throw new StoreError(
      `the store ${this.store.fileOf(collection)} is damaged (its value for ${collection} key ${JSON.stringify(key)} is not a ${t.kind} named so); it was left untouched`,
    );
  }

  /**
   * Whether the stored object is not as the configuration writes now (another provider or key,
   * or in the clear): an update that changes nothing still rewrites it, as etcd3's
   * GuaranteedUpdate does for a stale read.
   */
  stale(t: ResourceType, namespace: string | undefined, name: string): boolean {
    const transformer = this.transformer(t);
    const stored = this.store.get(collectionOf(t), keyOf(t, namespace, name));
    return transformer ? transformer.isStale(stored) : typeof stored === 'string';
  }

  /**
   * Visits the objects of a type, in one namespace or (undefined) all, sorted by namespace then
   * name; only names starting with `namePrefix` if given. `keep` false: the store does not keep
   * what it parses for the visit (a reader that looks at each object once).
   */
  readAll(t: ResourceType, namespace: string | undefined, namePrefix: string | undefined, keep: boolean, visit: (obj: KubeObject) => void): void {
    const prefix = t.namespaced && namespace !== undefined ? `${namespace}/${namePrefix ?? ''}` : (namePrefix ?? '');
    this.store.scan(collectionOf(t), prefix, keep, (value, key) => visit(this.object(t, key, value)));
  }

  /** Visits every object of a type as its kind's cache view (KindDef.view), with its key, in no particular order. */
  readViews(t: ResourceType, visit: (key: string, view: unknown) => void): void {
    if (!this.transformer(t)) return this.store.eachView(collectionOf(t), visit);
    const view = kindDef(t).view!;
    this.store.scan(collectionOf(t), '', false, (value, key) => visit(key, view.of(this.decode(t, key, value))));
  }

  /** The views of the objects readAll would visit (one namespace or all), in its order. */
  readViewsInOrder(t: ResourceType, namespace: string | undefined, visit: (view: unknown) => void): void {
    const prefix = t.namespaced && namespace !== undefined ? `${namespace}/` : '';
    visitInKeyOrder((v) => this.readViews(t, v), prefix, visit);
  }

  count(t: ResourceType): number {
    return this.store.count(collectionOf(t));
  }

  /** Whether a type's views are stored (an encrypted kind's, or views of an older build, are made from the objects). */
  viewsCurrent(t: ResourceType): boolean {
    return !this.transformer(t) && this.store.viewsCurrent(collectionOf(t));
  }

  /** How many objects of a type one namespace holds (all of them when none is given). */
  countIn(t: ResourceType, namespace: string | undefined): number {
    return t.namespaced && namespace !== undefined ? this.store.keys(collectionOf(t), `${namespace}/`).length : this.count(t);
  }

  /** Stores the object with a new resourceVersion (mutates `obj.metadata.resourceVersion`). */
  write(t: ResourceType, obj: KubeObject): KubeObject {
    obj.metadata.resourceVersion = String(this.store.nextRevision());
    this.put(t, obj);
    return obj;
  }

  private put(t: ResourceType, obj: KubeObject): void {
    const collection = collectionOf(t);
    const key = keyOf(t, obj.metadata.namespace, obj.metadata.name!);
    const transformer = this.transformer(t);
    this.store.put(collection, key, transformer ? transformer.toStorage(obj, () => JSON.stringify(obj), `${collection}/${key}`) : obj);
  }

  /**
   * Stores every object of the encrypted types that is not as the configuration writes now again,
   * as it is (same resourceVersion): for a store filled from a template in the clear before it
   * is first saved (its objects are read as they are, whether the configuration lists identity or
   * not). Returns how many.
   */
  rewriteStale(): number {
    let n = 0;
    for (const def of allKinds()) {
      const transformer = this.transformer(def.type);
      if (!transformer) continue;
      const stale: KubeObject[] = [];
      this.store.scan(collectionOf(def.type), '', false, (value, key) => {
        if (transformer.isStale(value)) stale.push(typeof value === 'string' ? this.decode(def.type, key, value) : (value as KubeObject));
      });
      for (const obj of stale) this.put(def.type, obj);
      n += stale.length;
    }
    return n;
  }

  remove(t: ResourceType, obj: KubeObject): void {
    this.store.nextRevision();
    this.store.delete(collectionOf(t), keyOf(t, obj.metadata.namespace, obj.metadata.name!));
  }

  get revision(): number {
    return this.store.revision;
  }
}
