// Recording Events, as client-go's EventRecorder does: one Event per distinct occurrence, with
// identical repeats folded into `count` and `lastTimestamp`.
import { event as eventKind } from '../api/kinds/event';
import { isStatusError } from '../api/errors';
import { type Clock, rfc3339 } from '../api/time';
import type { Event, KubeObject, ObjectReference } from '../api/types';
import type { Client } from './client';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

export interface EventOptions {
  /** The part of the object the event is about, e.g. "spec.containers{nginx}". */
  fieldPath?: string;
  /** The node reporting it, for per-node components such as the kubelet. */
  host?: string;
}

export interface Recorder {
  event(obj: KubeObject, type: EventType, reason: string, message: string, opts?: EventOptions): void;
  /** Somewhere to keep state (the spam filter) between invocations, when the recorder has any. */
  useMemory?(memory: RecorderMemory): void;
}

/** An object reference (client-go's ref.GetReference) to a stored object. */
export function referenceTo(obj: KubeObject, fieldPath?: string): ObjectReference {
  const ref: ObjectReference = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace,
    resourceVersion: obj.metadata.resourceVersion,
    uid: obj.metadata.uid,
  };
  if (fieldPath) ref.fieldPath = fieldPath;
  if (!ref.namespace) delete ref.namespace;
  return ref;
}

/**
 * Orders events: recorders share it so that events recorded at the same cluster time still get
 * names (hex nanoseconds) in the order they happened. It starts at the store's revision, which
 * only grows, so a later invocation's events also sort after an earlier one's at the same time
 * (as they do when the wall clock is pinned).
 */
export class EventSequence {
  private n: number;
  constructor(start = 0) {
    this.n = start;
  }
  next(): number {
    return this.n++;
  }
  /** The number the next event takes. */
  get current(): number {
    return this.n;
  }
}

/** Where a recorder keeps state between invocations (the engine's memory for its component). */
export interface RecorderMemory {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  keys(prefix?: string): string[];
}

/**
 * client-go's EventSourceObjectSpamFilter: per source, object and event type, a token bucket of
 * 25 events refilled at one per five minutes; an event beyond it is dropped, repeats included.
 * Its buckets live in an LRU cache of 4,096; here the least recently used are forgotten once a
 * quarter more have gathered, so the cap costs one pass over the buckets per 1,024 new ones.
 */
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;
const SPAM_BUCKETS = 4096;
const SPAM_SLACK = 1024;
/** The memory key of when the buckets were last swept. */
const PRUNED_AT = 'pruned-at';

interface Bucket {
  tokens: number;
  at: number;
  /**
   * The event sequence when it was last used: cluster time stands still while a command
   * converges, so this orders the buckets of one instant for the LRU (it grows across commands).
   */
  use?: number;
}

/**
 * The bucket of a source host, object and type (the memory is the component's own). An object's
 * uid stands for its kind, namespace, name and version, and keeps ten thousand keys short.
 */
function spamKey(source: EventSource, ref: ObjectReference, type: string): string {
  const object = ref.uid || [ref.kind, ref.namespace ?? '', ref.name, ref.apiVersion].join('/');
  return `spam|${source.host ?? ''}|${object}|${type}`;
}

/** The key events fold under: the same object, source host, type, reason and message. */
function aggregationKey(namespace: string, ref: ObjectReference, host: string | undefined, type: string, reason: string, message: string): string {
  return [namespace, ref.kind, ref.name, ref.uid, ref.fieldPath ?? '', host ?? '', type, reason, message].join('\x00');
}

/**
 * The events each component recorded, by aggregation key, shared by every recorder of a
 * controller manager (as one process has one correlator per component) and kept current by the
 * watch, whoever records. An object's stored events are read when a recorder first reports on
 * it: they are named `<object>.<nanoseconds>`, so they are one range of the store's keys and the
 * rest of the cluster's events are never parsed. An object created since the watch began has no
 * older events to read: every event about it has come through the watch (ten thousand new
 * replicas' first FailedScheduling events read nothing).
 */
export class EventIndex {
  private readonly byComponent = new Map<string, Map<string, Event>>();
  /** The ranges read so far: "<namespace>/<object name>.". */
  private readonly read = new Set<string>();
  /** The API server's write count when the watch began. */
  private readonly since: number;

  constructor(private readonly client: Client) {
    this.since = client.writeMark();
    client.watch(eventKind.type, undefined, {}, (e) => {
      if (e.type !== 'DELETED') this.file(e.object as Event);
    });
  }

  private file(e: Event): void {
    const c = e.source?.component;
    if (c === undefined) return;
    let known = this.byComponent.get(c);
    if (!known) this.byComponent.set(c, (known = new Map()));
    known.set(aggregationKey(e.metadata.namespace!, e.involvedObject, e.source?.host, e.type ?? '', e.reason ?? '', e.message ?? ''), e);
  }

  /** The event `component` recorded under `key` about the object `objectName` (of `uid`), if any. */
  find(component: string, namespace: string, objectName: string, uid: string | undefined, key: string): Event | undefined {
    const range = rangeOf(namespace, objectName);
    if (!this.read.has(range) && !this.createdSinceWatch(uid)) {
      this.read.add(range);
      for (const e of this.client.list<Event>(eventKind.type, namespace, { namePrefix: `${objectName}.` })) this.file(e);
    }
    return this.byComponent.get(component)?.get(key);
  }

  private createdSinceWatch(uid: string | undefined): boolean {
    const at = uid === undefined ? undefined : this.client.createdAt(uid);
    return at !== undefined && at > this.since;
  }
}

const rangeOf = (namespace: string, objectName: string) => `${namespace}/${objectName}.`;

export class EventRecorder implements Recorder {
  private known?: EventIndex;
  private memory?: RecorderMemory;
  private pruned = false;
  /** How many spam buckets the memory holds, once counted. */
  private buckets?: number;

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    private readonly sequence: EventSequence,
    private readonly source: EventSource,
    /** Shared with the other recorders of the same manager; a recorder alone scans for itself. */
    private readonly shared?: EventIndex,
  ) {}

  /** Gives the recorder somewhere to keep its spam filter between invocations. */
  useMemory(memory: RecorderMemory): void {
    this.memory = memory;
  }

  event(obj: KubeObject, type: EventType, reason: string, message: string, opts: EventOptions = {}): void {
    const involved = referenceTo(obj, opts.fieldPath);
    const namespace = obj.metadata.namespace || 'default';
    const host = opts.host ?? this.source.host;
    const source: EventSource = host ? { component: this.source.component, host } : { component: this.source.component };
    if (this.spammed(source, involved, type)) return;
    const key = aggregationKey(namespace, involved, host, type, reason, message);
    const now = rfc3339(this.clock.now());
    const known = this.index();
    const component = this.source.component;
    const existing = known.find(component, namespace, obj.metadata.name ?? '', obj.metadata.uid, key);
    try {
      if (existing && this.client.tryGet(eventKind.type, namespace, existing.metadata.name!)) {
        // The index's watch files the updated event, as it files a created one.
        this.client.patch<Event>(eventKind.type, namespace, existing.metadata.name!, 'merge', {
          count: (existing.count ?? 1) + 1,
          lastTimestamp: now,
        });
        return;
      }
      this.createUnique(namespace, obj.metadata.name ?? '', {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { namespace },
        involvedObject: involved,
        reason,
        message,
        source,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: this.source.component,
        reportingInstance: host ?? '',
      });
    } catch {
      // Like client-go, a failure to record an event never fails the caller.
    }
  }

  /** Takes a token from the bucket of this source, object and type; true when there is none. */
  private spammed(source: EventSource, ref: ObjectReference, type: string): boolean {
    const memory = this.memory;
    if (!memory) return false;
    const now = this.clock.now();
    const level = (b: Bucket) => Math.min(SPAM_BURST, b.tokens + (now - b.at) / SPAM_REFILL_MS);
    if (!this.pruned) {
      // A bucket that has filled up again is the same as none: forget them, once in the time an
      // emptied bucket takes to fill (a sweep per command would read every bucket of every
      // object the component ever reported on).
      const last = memory.get<number>(PRUNED_AT);
      if (last === undefined || now - last >= SPAM_BURST * SPAM_REFILL_MS) {
        const keys = memory.keys('spam|');
        let left = keys.length;
        for (const k of keys)
          if (level(memory.get<Bucket>(k)!) >= SPAM_BURST) {
            memory.set(k, undefined);
            left--;
          }
        memory.set(PRUNED_AT, now);
        this.buckets = left;
      }
      this.pruned = true;
    }
    const key = spamKey(source, ref, type);
    const b = memory.get<Bucket>(key);
    const tokens = b ? level(b) : SPAM_BURST;
    const allowed = tokens >= 1;
    memory.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now, use: this.sequence.current });
    if (!b) this.counted(memory);
    return !allowed;
  }

  /** One bucket more (counted once per process, then kept): past the slack, the least recently used are forgotten. */
  private counted(memory: RecorderMemory): void {
    this.buckets = (this.buckets ?? memory.keys('spam|').length - 1) + 1;
    if (this.buckets <= SPAM_BUCKETS + SPAM_SLACK) return;
    const byUse = memory.keys('spam|').map((k) => {
      const b = memory.get<Bucket>(k)!;
      return { k, at: b.at, use: b.use ?? 0 };
    });
    byUse.sort((x, y) => x.at - y.at || x.use - y.use || (x.k < y.k ? -1 : 1));
    for (const { k } of byUse.slice(0, byUse.length - SPAM_BUCKETS)) memory.set(k, undefined);
    this.buckets = Math.min(byUse.length, SPAM_BUCKETS);
  }

  /** Names the event `<object>.<16 hex digits of a nanosecond timestamp>`, as client-go does. */
  private createUnique(namespace: string, objectName: string, event: Event): Event {
    for (;;) {
      const nanos = BigInt(this.clock.now()) * 1_000_000n + BigInt(this.sequence.next());
      const name = `${objectName}.${nanos.toString(16).padStart(16, '0')}`;
      try {
        return this.client.create<Event>(eventKind.type, { ...event, metadata: { ...event.metadata, name, namespace } });
      } catch (e) {
        if (!isStatusError(e, 'AlreadyExists')) throw e;
      }
    }
  }

  private index(): EventIndex {
    this.known ??= this.shared ?? new EventIndex(this.client);
    return this.known;
  }
}
