// The one signature every controller (and the simulated kubelet) implements.
import type { Random } from '../api/random';
import type { Clock } from '../api/time';
import type { ObjectKey } from '../api/types';
import type { Client } from '../client/client';
import type { Recorder } from '../client/events';

export interface ReconcileContext {
  client: Client;
  clock: Clock;
  random: Random;
  events: Recorder;
  /** What this component remembers outside the API (a kubelet's image-pull back-off, say). */
  memory: Memory;
  /** The nodes' local storage: container logs, running processes, files. */
  disk: NodeDisk;
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
}

/** A component's private memory, kept in the store between invocations. */
export interface Memory {
  get<T>(key: string): T | undefined;
  /** `undefined` forgets the key. */
  set(key: string, value: unknown): void;
  keys(): string[];
}

export interface ReconcileResult {
  /** Look at this key again after this many ms of cluster time. */
  requeueAfterMs?: number;
}

/**
 * A level-based reconciler: `keys` names the objects to look at, `reconcile` takes the next step
 * for one of them. `prepare` may build a snapshot shared by one pass over all keys.
 */
export interface Controller<S = void> {
  readonly name: string;
  prepare?(ctx: ReconcileContext): S;
  keys(ctx: ReconcileContext, state: S): ObjectKey[];
  reconcile(ctx: ReconcileContext, key: ObjectKey, state: S): ReconcileResult | void;
}

/** Erases a controller's snapshot type so controllers can share one registry. */
export type AnyController = Controller<any>;
