// The controller manager: each controller has a work queue fed by the writes it watches and by
// its timers; a round drains every queue in roster order, and convergence is the round that finds
// them all empty. A round costs what changed, not the cluster's size. Time moves only when asked
// (`advanceTo`): the clock jumps from timer to timer.
import { internalError } from '../api/errors';
import { keyString, parseKeyString, sortKeys } from '../api/meta/objectkey';
import type { Random } from '../api/random';
import type { ResourceType } from '../api/registry';
import type { ObjectKey } from '../api/types';
import type { Client, WatchEvent } from '../client/client';
import type { Recorder } from '../client/events';
import { Informers, keyOfObject } from '../client/informer';
import { MACHINE_AREA } from '../sim/kubelet/nodestate';
import type { AnyController, Memory, MemorySource, NodeDisk, ReconcileContext, Watch } from './controller';
import { WorkQueue } from './queue';

export interface EngineClock {
  now(): number;
  advance(ms: number): void;
}

export interface ControllerBinding {
  controller: AnyController;
  client: Client;
  events: Recorder;
}

export interface WriteCounter {
  readonly writeCount: number;
}

export interface Timer {
  at: number;
  /** "<controller>:<key>" (api/meta/objectkey.ts's keyString). */
  owner: string;
}

/**
 * Rounds in a row that only change objects (no object made or deleted) before the controllers
 * still writing are reported instead of looping forever: a loop rewrites what exists, while a
 * long ordered sequence (a StatefulSet replacing its pods one by one, three rounds a pod) makes
 * and deletes objects as it goes.
 */
export const PASS_CAP = 200;
/** The most rounds a convergence makes even while it progresses. */
const ROUND_LIMIT = 100_000;

export interface EngineOptions {
  clock: EngineClock;
  random: Random;
  /** The API server's write count, for callers that ask what converging wrote. */
  writes: WriteCounter;
  disk: NodeDisk;
  /** Timers saved by the previous invocation. */
  timers?: readonly Timer[];
  /** The components' memory; kept in this engine alone when not given. */
  memory?: MemorySource;
  /**
   * Reconcile every controller's every key first (default): the engine cannot know what changed
   * since the store was last converged (a new store, one saved mid-convergence).
   */
  resync?: boolean;
  /** Called before every pass: a long convergence tells waiters it still works (the store lock's refresh). */
  onPass?: () => void;
  /** The most rounds a convergence makes, progress or not; a test lowers it to meet the cap. */
  passCap?: number;
}

interface Bound extends ControllerBinding {
  queue: WorkQueue;
  ctx: ReconcileContext;
}

export class Engine {
  /** owner ("<controller>:<key>") -> cluster time it is due */
  private readonly timers = new Map<string, number>();
  /** How many timers each controller has: a sync of a controller with none clears nothing (no key string made). */
  private readonly timersOf = new Map<string, number>();
  private readonly memory: MemorySource;
  private readonly clock: EngineClock;
  private readonly writes: WriteCounter;
  private readonly bound: Bound[];
  private readonly byName = new Map<string, Bound>();
  /** Writes seen since the queues were last fed: mapped to keys between drains, never inside a write. */
  private events: { type: ResourceType; event: WatchEvent }[] = [];
  private resyncPending: boolean;
  private readonly onPass?: () => void;
  private readonly roundLimit: number;
  /** Objects made or deleted since the engine started: a round that adds to it made progress. */
  private madeOrDeleted = 0;
  /** Which queues hear of a write of each type, and how. */
  private readonly watchersOf = new Map<ResourceType, { queue: WorkQueue; watch: Watch }[]>();
  readonly informers: Informers;

  constructor(bindings: readonly ControllerBinding[], opts: EngineOptions) {
    this.clock = opts.clock;
    this.writes = opts.writes;
    this.memory = opts.memory ?? inProcessMemory();
    for (const t of opts.timers ?? []) this.setTimer(t.owner, t.at);
    this.resyncPending = opts.resync ?? true;
    this.onPass = opts.onPass;
    this.roundLimit = opts.passCap ?? ROUND_LIMIT;
    const client = bindings[0]?.client;
    if (!client) throw internalError('the engine needs at least one controller');
    this.informers = new Informers(client);
    this.bound = bindings.map((b) => {
      const ctx: ReconcileContext = {
        client: b.client,
        clock: opts.clock,
        random: opts.random,
        events: b.events,
        memory: this.memoryOf(b.controller.name),
        disk: opts.disk,
        informers: this.informers,
        enqueue: (controller, key) => this.enqueue(controller, key),
      };
      // Each recorder keeps its spam filter with its component's memory.
      b.events.useMemory?.(this.memoryOf(`events:${b.controller.name}`));
      return { ...b, queue: new WorkQueue(), ctx };
    });
    for (const b of this.bound) this.byName.set(b.controller.name, b);
    for (const b of this.bound) {
      for (const w of b.controller.watches) {
        let list = this.watchersOf.get(w.type);
        if (!list) this.watchersOf.set(w.type, (list = []));
        list.push({ queue: b.queue, watch: w });
      }
    }
    for (const type of this.watchersOf.keys()) client.watch(type, undefined, {}, (event) => void this.events.push({ type, event }));
    // A machine changed outside the API (a kubelet stopped, pressure forced, a device plugin):
    // what depends on it cannot be watched, so every component looks again.
    opts.disk.watch?.(MACHINE_AREA, () => this.resyncAll());
  }

  private memoryOf(component: string): Memory {
    return this.memory.of(component);
  }

  /** Every component's memory as one record ("<component>/<key>" -> value), to inspect it. */
  memorySnapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const b of this.bound) {
      for (const component of [b.controller.name, `events:${b.controller.name}`]) {
        const m = this.memoryOf(component);
        for (const key of m.keys()) out[`${component}/${key}`] = m.get(key);
      }
    }
    return out;
  }

  /** Asks `controller` to look at `key` at the next convergence (a change it cannot watch). */
  enqueue(controller: string, key: ObjectKey): void {
    this.byName.get(controller)?.queue.add(key);
  }

  /** Makes the next convergence reconcile every key of every controller. */
  resyncAll(): void {
    this.resyncPending = true;
  }

  /** Timers still pending after the last convergence. */
  pendingTimers(): Timer[] {
    return [...this.timers].map(([owner, at]) => ({ at, owner }));
  }

  /** The earliest pending timer, if any. */
  nextTimer(): number | undefined {
    let next: number | undefined;
    for (const at of this.timers.values()) if (next === undefined || at < next) next = at;
    return next;
  }

  /** Drains the queues until a round finds them empty. Returns the number of writes made. */
  /** Set when a convergence stopped at the pass cap with controllers still writing. */
  capped = false;

  converge(): number {
    const start = this.writes.writeCount;
    this.capped = false;
    this.fireDueTimers();
    let lastWriters: string[] = [];
    let stalled = 0;
    let round = 0;
    while (round < this.roundLimit && stalled < PASS_CAP) {
      this.onPass?.();
      this.resyncIfAsked();
      this.feedQueues();
      if (this.bound.every((b) => !b.queue.size)) return this.writes.writeCount - start;
      const before = this.madeOrDeleted;
      lastWriters = this.round();
      this.feedQueues();
      stalled = this.madeOrDeleted > before ? 0 : stalled + 1;
      round++;
    }
    this.capped = true;
    throw internalError(`controllers did not converge after ${round} passes; still writing: ${lastWriters.join(', ')}`);
  }

  /**
   * Moves cluster time forward to `target`, stopping at every timer on the way so each one fires
   * at its time. `until` ends the walk early (e.g. `kubectl wait` once its condition holds).
   */
  advanceTo(target: number, until?: () => boolean): boolean {
    this.converge();
    for (;;) {
      if (until?.()) return true;
      const next = this.nextTimer();
      if (next === undefined || next > target) break;
      this.clock.advance(Math.max(0, next - this.clock.now()));
      this.converge();
    }
    this.clock.advance(Math.max(0, target - this.clock.now()));
    this.converge();
    return until?.() ?? false;
  }

  /** One drain of every queue in roster order; returns the controllers whose keys wrote. */
  private round(): string[] {
    const writers: string[] = [];
    for (const b of this.bound) {
      // What earlier controllers of this round wrote is seen in the same round, as in a pass.
      this.feedQueues();
      if (!b.queue.size) continue;
      const before = this.writes.writeCount;
      const taken = b.queue.take();
      const keys = b.controller.order ? b.controller.order(b.ctx, taken) : sortKeys(taken);
      const state = b.controller.prepare?.(b.ctx);
      const now = this.clock.now();
      const name = b.controller.name;
      for (const key of keys) {
        const res = b.controller.reconcile(b.ctx, key, state);
        if (res?.requeueAfterMs !== undefined && res.requeueAfterMs >= 0) this.setTimer(`${name}:${keyString(key)}`, now + Math.max(1, res.requeueAfterMs));
        else if (this.timersOf.get(name)) this.clearTimer(`${name}:${keyString(key)}`);
      }
      if (this.writes.writeCount !== before) writers.push(b.controller.name);
    }
    return writers;
  }

  private resyncIfAsked(): void {
    if (!this.resyncPending) return;
    this.resyncPending = false;
    for (const b of this.bound) for (const key of b.controller.resync(b.ctx)) b.queue.add(key);
  }

  /** Timers that are due enqueue their keys (and are spent). */
  private fireDueTimers(): void {
    const now = this.clock.now();
    for (const [owner, at] of this.timers) {
      if (at > now) continue;
      this.clearTimer(owner);
      const colon = owner.indexOf(':');
      this.enqueue(owner.slice(0, colon), parseKeyString(owner.slice(colon + 1)));
    }
  }

  private setTimer(owner: string, at: number): void {
    if (!this.timers.has(owner)) this.countTimer(owner, 1);
    this.timers.set(owner, at);
  }

  private clearTimer(owner: string): void {
    if (this.timers.delete(owner)) this.countTimer(owner, -1);
  }

  private countTimer(owner: string, by: number): void {
    const controller = owner.slice(0, owner.indexOf(':'));
    this.timersOf.set(controller, (this.timersOf.get(controller) ?? 0) + by);
  }

  /** Maps the writes seen so far to the keys of the controllers that watch them. */
  private feedQueues(): void {
    while (this.events.length) {
      const events = this.events;
      this.events = [];
      for (const { type, event } of events) {
        if (event.type !== 'MODIFIED') this.madeOrDeleted++;
        for (const { queue, watch } of this.watchersOf.get(type) ?? []) {
          if (!watch.keys) queue.add(keyOfObject(event.object));
          else for (const key of watch.keys(event, this.informers)) queue.add(key);
        }
      }
    }
  }
}

/** Memory that lives as long as the engine (tests, and worlds that are never saved). */
function inProcessMemory(): MemorySource {
  const all = new Map<string, Map<string, unknown>>();
  return {
    of(component) {
      let m = all.get(component);
      if (!m) all.set(component, (m = new Map()));
      const map = m;
      return {
        get: <T>(key: string) => map.get(key) as T | undefined,
        set: (key: string, value: unknown) => void (value === undefined ? map.delete(key) : map.set(key, value)),
        keys: (prefix = '') => [...map.keys()].filter((k) => k.startsWith(prefix)),
      };
    },
  };
}
