// The one signature every controller (and the simulated kubelet) implements.
import type { Random } from '../api/random';
import type { ResourceType } from '../api/registry';
import type { Clock } from '../api/time';
import type { ObjectKey } from '../api/types';
import type { Client, WatchEvent } from '../client/client';
import type { Recorder } from '../client/events';
import type { Informers } from '../client/informer';

export interface ReconcileContext {
  client: Client;
  clock: Clock;
  random: Random;
  events: Recorder;
  /** What this component remembers outside the API (a kubelet's image-pull back-off, say). */
  memory: Memory;
  /** The nodes' local storage: container logs, running processes, files. */
  disk: NodeDisk;
  /** Cached, indexed views of the API's objects, shared by all controllers (read-only). */
  informers: Informers;
  /**
   * Asks a component to look at a key: for what it cannot watch, such as a node's disk (the
   * eviction manager's pressure, which the node status loop publishes).
   */
  enqueue(controller: string, key: ObjectKey): void;
}

/**
 * What a real node keeps on its own disk rather than in the API: container logs, the state of
 * running processes, containers' files. Areas are separate key spaces ("logs", "containers").
 */
export interface NodeDisk {
  get<T>(area: string, key: string): T | undefined;
  /** `undefined` deletes. */
  put(area: string, key: string, value: unknown): void;
  /** Keys in the area that start with `prefix`, sorted. */
  keys(area: string, prefix?: string): string[];
  /** Hears of every change to the area from now on (the kubelet's own loops notice them). */
  watch?(area: string, handler: (key: string) => void): void;
}

/** Where each component's memory lives (the store keeps one collection per component). */
export interface MemorySource {
  of(component: string): Memory;
}

/** A component's private memory, kept in the store between invocations. */
export interface Memory {
  get<T>(key: string): T | undefined;
  /** `undefined` forgets the key. */
  set(key: string, value: unknown): void;
  /** The keys that start with `prefix`. */
  keys(prefix?: string): string[];
}

export interface ReconcileResult {
  /** Look at this key again after this many ms of cluster time. */
  requeueAfterMs?: number;
}

/** A change a controller reacts to: a write of `type` enqueues the keys `keys` names. */
export interface Watch {
  type: ResourceType;
  /** The keys the change concerns; by default the changed object's own. */
  keys?(event: WatchEvent, informers: Informers): ObjectKey[];
}

/**
 * A level-based reconciler fed by a work queue, as controller-runtime shapes one: `watches` say
 * which writes enqueue which keys, a timer (`requeueAfterMs`) enqueues its key when due, and
 * `reconcile` takes the next step for one key, reading through the informers' indexes. `resync`
 * names every key the controller answers for: the engine reconciles them all only when it cannot
 * know what changed (a store saved before it converged, a change outside the API). `prepare` may
 * build state shared by one drain of the queue; it must cost what the drain needs, not the
 * cluster's size.
 */
export interface Controller<S = void> {
  readonly name: string;
  readonly watches: readonly Watch[];
  resync(ctx: ReconcileContext): ObjectKey[];
  prepare?(ctx: ReconcileContext): S;
  reconcile(ctx: ReconcileContext, key: ObjectKey, state: S): ReconcileResult | void;
  /** Sorts the keys taken from the queue into the order they are reconciled in; namespace, then name, by default. */
  order?(ctx: ReconcileContext, keys: ObjectKey[]): ObjectKey[];
}

/** Erases a controller's snapshot type so controllers can share one registry. */
export type AnyController = Controller<any>;
