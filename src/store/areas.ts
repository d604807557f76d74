// Key spaces beside the API's registry, one store collection each ("/node/logs"): what the nodes
// keep on their own disks (container logs, running processes, files). Parsed only when touched,
// like every collection, so reading pods never loads logs.
import type { Store } from './store';

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
  }

  keys(area: string, prefix = ''): string[] {
    return this.store.keys(this.prefix + area, prefix);
  }
}
