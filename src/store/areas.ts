// Key spaces beside the API's registry, one store collection each ("/node/logs"): what the nodes
// keep on their own disks (container logs, running processes, files). Parsed only when touched,
// like every collection, so reading pods never loads logs.
import type { Store } from './store';

type AreaHandler = (key: string) => void;

/** Who listens to which area of a store: shared by every view of the same store. */
const listeners = new WeakMap<Store, Map<string, AreaHandler[]>>();

export class StoreAreas {
  /** Each area's collection name, made once: a name built per call is a new string to hash per lookup. */
  private readonly names = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly prefix = '/node/',
  ) {}

  private collection(area: string): string {
    let name = this.names.get(area);
    if (name === undefined) this.names.set(area, (name = this.prefix + area));
    return name;
  }

  get<T>(area: string, key: string): T | undefined {
    return this.store.get(this.collection(area), key) as T | undefined;
  }

  put(area: string, key: string, value: unknown): void {
    const collection = this.collection(area);
    if (value === undefined) this.store.delete(collection, key);
    else this.store.put(collection, key, value);
    for (const handler of listeners.get(this.store)?.get(collection) ?? []) handler(key);
  }

  watch(area: string, handler: AreaHandler): void {
    let byArea = listeners.get(this.store);
    if (!byArea) listeners.set(this.store, (byArea = new Map()));
    const collection = this.collection(area);
    byArea.set(collection, [...(byArea.get(collection) ?? []), handler]);
  }

  keys(area: string, prefix = ''): string[] {
    return this.store.keys(this.collection(area), prefix);
  }
}
