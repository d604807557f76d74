// Key spaces beside the API's registry, one store collection each ("/node/logs"): what the nodes
// keep on their own disks (container logs, running processes, files). Parsed only when touched,
// like every collection, so reading pods never loads logs.
import type { Store } from './store';

type AreaHandler = (key: string) => void;

/** Who listens to which area of a store: shared by every view of the same store. */
const listeners = new WeakMap<Store, Map<string, AreaHandler[]>>();

export class StoreAreas {
  constructor(
    private readonly store: Store,
    private readonly prefix = '/node/',
  ) {}

  get<T>(area: string, key: string): T | undefined {
    return this.store.get(this.prefix + area, key) as T | undefined;
  }

  put(area: string, key: string, value: unknown): void {
    if (value === undefined) this.store.delete(this.prefix + area, key);
    else this.store.put(this.prefix + area, key, value);
    for (const handler of listeners.get(this.store)?.get(this.prefix + area) ?? []) handler(key);
  }

  watch(area: string, handler: AreaHandler): void {
    let byArea = listeners.get(this.store);
    if (!byArea) listeners.set(this.store, (byArea = new Map()));
    byArea.set(this.prefix + area, [...(byArea.get(this.prefix + area) ?? []), handler]);
  }

  keys(area: string, prefix = ''): string[] {
    return this.store.keys(this.prefix + area, prefix);
  }
}
