// The controller manager: passes over every controller until a pass writes nothing, then timers.
// Time moves only when asked (`advanceTo`): the clock jumps from timer to timer.
import { internalError } from '../api/errors';
import type { Random } from '../api/random';
import type { ObjectKey } from '../api/types';
import type { Client } from '../client/client';
import type { Recorder } from '../client/events';
import type { AnyController, Memory, NodeDisk, ReconcileContext } from './controller';

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
  owner: string;
}

export const PASS_CAP = 200;

export interface EngineOptions {
  clock: EngineClock;
  random: Random;
  /** The API server's write count: a pass that adds none ends convergence. */
  writes: WriteCounter;
  disk: NodeDisk;
  /** Timers and memory saved by the previous invocation. */
  timers?: readonly Timer[];
  memory?: Readonly<Record<string, unknown>>;
}

export class Engine {
  private timers: Timer[] = [];
  private readonly memory: Record<string, unknown>;
  private readonly clock: EngineClock;
  private readonly random: Random;
  private readonly writes: WriteCounter;
  private readonly disk: NodeDisk;

  constructor(
    private readonly bindings: readonly ControllerBinding[],
    opts: EngineOptions,
  ) {
    this.clock = opts.clock;
    this.random = opts.random;
    this.writes = opts.writes;
    this.disk = opts.disk;
    this.timers = [...(opts.timers ?? [])];
    this.memory = { ...(opts.memory ?? {}) };
    // Each recorder keeps its spam filter with its component's memory.
    for (const b of bindings) b.events.useMemory?.(this.memoryOf(`events:${b.controller.name}`));
  }

  /** The components' memory, to keep in the store. */
  memorySnapshot(): Record<string, unknown> {
    return { ...this.memory };
  }

  private memoryOf(component: string): Memory {
    const prefix = `${component}/`;
    return {
      get: <T>(key: string) => this.memory[prefix + key] as T | undefined,
      set: (key: string, value: unknown) => {
        if (value === undefined) delete this.memory[prefix + key];
        else this.memory[prefix + key] = value;
      },
      keys: () => Object.keys(this.memory).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)),
    };
  }

  /** Timers still pending after the last convergence. */
  pendingTimers(): Timer[] {
    return [...this.timers];
  }

  /** The earliest pending timer, if any. */
  nextTimer(): number | undefined {
    return this.timers.length ? Math.min(...this.timers.map((t) => t.at)) : undefined;
  }

  /** Runs passes until one writes nothing. Returns the number of writes made. */
  converge(): number {
    const start = this.writes.writeCount;
    let lastWriters: string[] = [];
    for (let pass = 0; pass < PASS_CAP; pass++) {
      const before = this.writes.writeCount;
      const { timers, writers } = this.pass();
      if (this.writes.writeCount === before) {
        this.timers = timers;
        return this.writes.writeCount - start;
      }
      lastWriters = writers;
    }
    throw internalError(`controllers did not converge after ${PASS_CAP} passes; still writing: ${lastWriters.join(', ')}`);
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

  private pass(): { timers: Timer[]; writers: string[] } {
    const timers: Timer[] = [];
    const writers: string[] = [];
    const now = this.clock.now();
    for (const b of this.bindings) {
      const before = this.writes.writeCount;
      const ctx: ReconcileContext = { client: b.client, clock: this.clock, random: this.random, events: b.events, memory: this.memoryOf(b.controller.name), disk: this.disk };
      const state = b.controller.prepare?.(ctx);
      const keys: ObjectKey[] = b.controller.keys(ctx, state);
      for (const key of keys) {
        const res = b.controller.reconcile(ctx, key, state);
        if (res?.requeueAfterMs !== undefined && res.requeueAfterMs >= 0) {
          timers.push({ at: now + Math.max(1, res.requeueAfterMs), owner: `${b.controller.name}:${key.namespace ? key.namespace + '/' : ''}${key.name}` });
        }
      }
      if (this.writes.writeCount !== before) writers.push(b.controller.name);
    }
    return { timers, writers };
  }
}
