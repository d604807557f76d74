// Watches: callers subscribe to the changes of one resource type (optionally one namespace,
// filtered by selectors) and hear of every persisted write as it happens, like a watch stream
// that starts at the current resourceVersion. In-process and synchronous: a handler runs inside
// the write that caused it, so it must only record what it saw, never write back.
import type { Selector } from '../api/meta/selector';
import { matches } from '../api/meta/selector';
import type { ResourceType } from '../api/registry';
import type { KubeObject } from '../api/types';
import { type FieldRequirement, fieldsMatch } from './fieldselector';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  /** The stored state the write replaced (MODIFIED, DELETED), for handlers that compare. */
  oldObject?: KubeObject;
}

export type WatchHandler = (event: WatchEvent) => void;

interface Watcher {
  type: ResourceType;
  namespace?: string;
  labels?: Selector;
  fields?: FieldRequirement[];
  handler: WatchHandler;
}

export class Watchers {
  private readonly watchers = new Set<Watcher>();

  add(w: Watcher): () => void {
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  /** Tells each interested watcher about a write; `object` is the stored (frozen) state. */
  notify(type: ResourceType, event: WatchEvent): void {
    if (!this.watchers.size) return;
    const meta = event.object.metadata;
    for (const w of [...this.watchers]) {
      if (w.type.resource !== type.resource || w.type.group !== type.group) continue;
      if (w.namespace !== undefined && meta.namespace !== w.namespace) continue;
      if (w.labels && !matches(w.labels, meta.labels)) continue;
      if (w.fields && !fieldsMatch(type, event.object, w.fields)) continue;
      w.handler(event);
    }
  }
}
