// A controller's work queue (client-go's workqueue, without rate limiting): keys to reconcile,
// each held once however often it is added, handed out in the controller's order.
import { keyString } from '../api/meta/objectkey';
import type { ObjectKey } from '../api/types';

export class WorkQueue {
  private readonly items = new Map<string, ObjectKey>();

  add(key: ObjectKey): void {
    const id = keyString(key);
    if (!this.items.has(id)) this.items.set(id, key);
  }

  get size(): number {
    return this.items.size;
  }

  /** Takes every queued key; keys added meanwhile wait for the next take. */
  take(): ObjectKey[] {
    const keys = [...this.items.values()];
    this.items.clear();
    return keys;
  }
}
