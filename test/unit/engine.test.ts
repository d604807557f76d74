// The engine's contract: work queues fed by the writes each controller watches, deduplicated keys,
// timers that enqueue their key, resyncs; informers whose indexes follow every write path; the
// scheduler's queue that retries a pod only when a cluster event could help it.
import { describe, expect, it } from 'vitest';
import { configmap } from '../../src/api/kinds/configmap';
import { deployment } from '../../src/api/kinds/deployment';
import { namespace as namespaceKind } from '../../src/api/kinds/namespace';
import { node as nodeKind } from '../../src/api/kinds/node';
import { pod as podKind } from '../../src/api/kinds/pod';
import { replicaset } from '../../src/api/kinds/replicaset';
import { keyString, parseKeyString } from '../../src/api/meta/objectkey';
import type { ConfigMap, Deployment, Event, KubeObject, Node, ObjectKey, Pod, ReplicaSet } from '../../src/api/types';
import { EventIndex, EventRecorder, EventSequence } from '../../src/client/events';
import { event as eventKind } from '../../src/api/kinds/event';
import { INDEX, Informers } from '../../src/client/informer';
import { podInformer, podsOnNode } from '../../src/client/podindex';
import { podView, verdictDigest } from '../../src/api/pod/view';
import { ApiServer } from '../../src/apiserver/server';
import { type Client, LocalClient } from '../../src/client/client';
import { Store } from '../../src/store/store';
import type { Controller } from '../../src/engine/controller';
import { Engine } from '../../src/engine/engine';
import { WorkQueue } from '../../src/engine/queue';
import { StoreAreas } from '../../src/store/areas';
import { deploymentObject } from '../helpers/manifests';
import { newApi, newWorld } from '../helpers/world';

const cm = (name: string, data: Record<string, string> = {}, meta: Partial<ConfigMap['metadata']> = {}): ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', ...meta },
  data,
});

/** The API alone, with the namespace the objects go in. */
function apiWithNamespace() {
  const a = newApi();
  a.client.create(namespaceKind.type, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return a;
}

describe('the work queue', () => {
  it('holds a key once however often it is added, and hands each out once', () => {
    const q = new WorkQueue();
    q.add({ namespace: 'a', name: 'x' });
    q.add({ namespace: 'a', name: 'x' });
    q.add({ name: 'n' });
    q.add({ namespace: 'a', name: 'x', uid: 'u1' });
    expect(q.size).toBe(3);
    expect(q.take().map(keyString)).toEqual(['a/x', 'n', 'a/x#u1']);
    expect(q.size).toBe(0);
    expect(q.take()).toEqual([]);
  });

  it('names keys as timers store them, and reads them back', () => {
    for (const key of [{ name: 'n' }, { namespace: 'ns', name: 'p' }, { namespace: 'ns', name: 'p', uid: 'abc-1' }] as ObjectKey[])
      expect(parseKeyString(keyString(key))).toEqual(key);
  });
});

describe('informers', () => {
  it('file objects by namespace, controller and owner, and follow creates, updates and deletes', () => {
    const { client } = apiWithNamespace();
    const informers = new Informers(client);
    const cms = informers.for<ConfigMap>(configmap.type);
    client.create(configmap.type, cm('a'));
    expect(cms.list().map((o) => o.metadata.name)).toEqual(['a']);
    const owner = { apiVersion: 'v1', kind: 'ConfigMap', name: 'a', uid: 'uid-a', controller: true };
    client.create(configmap.type, cm('b', {}, { ownerReferences: [owner] }));
    client.create(configmap.type, cm('c', {}, { ownerReferences: [{ ...owner, controller: false }] }));
    expect(cms.byIndex(INDEX.controller, 'uid-a').map((o) => o.metadata.name)).toEqual(['b']);
    expect(cms.byIndex(INDEX.owner, 'uid-a').map((o) => o.metadata.name)).toEqual(['b', 'c']);
    expect(cms.byIndex(INDEX.orphan, 'default').map((o) => o.metadata.name)).toEqual(['a', 'c']);
    // An update moves the object between index values.
    const b = client.get<ConfigMap>(configmap.type, 'default', 'b');
    client.update(configmap.type, { ...b, metadata: { ...b.metadata, ownerReferences: undefined } });
    expect(cms.byIndex(INDEX.controller, 'uid-a')).toEqual([]);
    expect(cms.byIndex(INDEX.orphan, 'default').map((o) => o.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(cms.get('default', 'b')?.metadata.resourceVersion).toBe(client.get<ConfigMap>(configmap.type, 'default', 'b').metadata.resourceVersion);
    client.delete(configmap.type, 'default', 'a');
    expect(cms.get('default', 'a')).toBeUndefined();
    expect(cms.byIndex(INDEX.namespace, 'default').map((o) => o.metadata.name)).toEqual(['b', 'c']);
  });

  it('keep an object held by a finalizer until the finalizer goes, and index it meanwhile', () => {
    const { client } = apiWithNamespace();
    const cms = new Informers(client).for<ConfigMap>(configmap.type);
    cms.addIndex('deleting', (o) => (o.metadata.deletionTimestamp ? ['yes'] : []));
    // An index function may name its one value as it is (undefined: none).
    cms.addIndex('deleting-one', (o) => (o.metadata.deletionTimestamp ? 'yes' : undefined));
    client.create(configmap.type, cm('held', {}, { finalizers: ['example.com/hold'] }));
    expect([cms.count('deleting', 'yes'), cms.count('deleting-one', 'yes')]).toEqual([0, 0]);
    client.delete(configmap.type, 'default', 'held');
    expect(cms.byIndex('deleting', 'yes').map((o) => o.metadata.name)).toEqual(['held']);
    expect(cms.byIndex('deleting-one', 'yes').map((o) => o.metadata.name)).toEqual(['held']);
    const held = client.get<ConfigMap>(configmap.type, 'default', 'held');
    client.update(configmap.type, { ...held, metadata: { ...held.metadata, finalizers: [] } });
    expect(cms.get('default', 'held')).toBeUndefined();
    expect([cms.count('deleting', 'yes'), cms.count('deleting-one', 'yes')]).toEqual([0, 0]);
  });

  it('stay right through a cascade: pods by node and by owner after the garbage collector deletes a Deployment', () => {
    const w = newWorld();
    w.client.create<Deployment>(deployment.type, deploymentObject('web', 4, { name: 'web', image: 'nginx:1.25' }));
    w.engine.converge();
    const [rs] = w.client.list<ReplicaSet>(replicaset.type, 'default');
    const pods = w.engine.informers.for<Pod>(podKind.type);
    expect(pods.byIndex(INDEX.controller, rs.metadata.uid!)).toHaveLength(4);
    const bound = (n: string) => podsOnNode(w.engine.informers, n).filter((p) => p.metadata.namespace === 'default').length;
    expect(bound('pocket-worker') + bound('pocket-worker2')).toBe(4);
    w.client.delete(deployment.type, 'default', 'web');
    w.engine.converge();
    expect(pods.byIndex(INDEX.controller, rs.metadata.uid!)).toEqual([]);
    expect(bound('pocket-worker') + bound('pocket-worker2')).toBe(0);
    expect(w.engine.informers.for(replicaset.type).byIndex(INDEX.namespace, 'default')).toEqual([]);
  });
});

describe('the pod informer, cached as views', () => {
  it('reads a saved store’s views, not its pods, fetches a whole pod when asked, and follows writes', () => {
    const w = newWorld();
    w.client.create<Deployment>(deployment.type, deploymentObject('web', 3, { name: 'web', image: 'nginx:1.25' }));
    w.engine.converge();
    w.store.save(1);

    // Another invocation: a new API server on the saved store.
    const store = Store.open(w.store.file);
    const server = new ApiServer(store, w.clock, w.random);
    const client = new LocalClient(server, { name: 'kubernetes-admin', groups: ['system:masters'] });
    const pods = podInformer(new Informers(client));
    const [rs] = client.list<ReplicaSet>(replicaset.type, 'default');
    const views = pods.viewsByIndex(INDEX.controller, rs.metadata.uid!);
    const whole = client.list<Pod>(podKind.type, 'default');
    expect(views).toEqual(whole.map((p) => podView(p)));
    // The views carry what the controllers scan for, and no more of the pod.
    expect(Object.keys(views[0].metadata).sort()).toEqual(['creationTimestamp', 'labels', 'name', 'namespace', 'ownerReferences', 'uid']);
    expect(views[0].metadata.ownerReferences).toEqual([{ uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    // Every condition's type and status (what the pods table reads), and when Ready last changed.
    const readySince = whole[0].status!.conditions!.find((c) => c.type === 'Ready')!.lastTransitionTime;
    expect(views[0].status.conditions).toEqual(
      ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => (type === 'Ready' ? { type, status: 'True', lastTransitionTime: readySince } : { type, status: 'True' })),
    );
    expect(pods.get('default', whole[0].metadata.name!)).toEqual(whole[0]);

    // A write: the view follows, the index moves it.
    const victim = whole[1];
    client.patch(podKind.type, 'default', victim.metadata.name!, 'merge', { metadata: { labels: { app: 'other' } } });
    expect(pods.view('default', victim.metadata.name!)?.metadata.labels).toEqual({ ...victim.metadata.labels, app: 'other' });
    client.delete(podKind.type, 'default', victim.metadata.name!, { gracePeriodSeconds: 0 });
    expect(pods.viewsByIndex(INDEX.controller, rs.metadata.uid!).map((p) => p.metadata.name)).toEqual([whole[0], whole[2]].map((p) => p.metadata.name));
    expect(pods.get('default', victim.metadata.name!)).toBeUndefined();
  });

  it('tells identical pending replicas by their scheduling digest, and names the verdict their status carries', () => {
    const w = newWorld();
    const big = deploymentObject('big', 3, { name: 'big', image: 'nginx', resources: { requests: { cpu: '64' } } });
    w.client.create<Deployment>(deployment.type, big);
    w.engine.converge();
    const pending = w.client.list<Pod>(podKind.type, 'default').map((p) => podView(p));
    expect(pending).toHaveLength(3);
    expect(new Set(pending.map((v) => v.scheduling?.spec)).size).toBe(1);
    const message = w.client.list<Pod>(podKind.type, 'default')[0].status!.conditions!.find((c) => c.type === 'PodScheduled')!.message!;
    expect(pending.map((v) => v.scheduling?.verdict)).toEqual(Array(3).fill(verdictDigest(message)));
  });
});

/** A recorder's memory kept in a map, as the engine's memory keeps it. */
function inMemory() {
  const kept = new Map<string, unknown>();
  return {
    get: <T>(k: string) => kept.get(k) as T | undefined,
    set: (k: string, v: unknown) => void (v === undefined ? kept.delete(k) : kept.set(k, v)),
    keys: (prefix = '') => [...kept.keys()].filter((k) => k.startsWith(prefix)).sort(),
  };
}

describe("an event recorder's spam filter", () => {
  it('forgets buckets that filled up again in one sweep per refill time, not on every command', () => {
    const api = apiWithNamespace();
    const memory = inMemory();
    const recorder = () => {
      const r = new EventRecorder(api.client, api.clock, new EventSequence(), { component: 'test' });
      r.useMemory(memory);
      return r;
    };
    const names = new Map<string, string>();
    const report = (name: string) => {
      const obj = api.client.create(configmap.type, cm(name));
      names.set(obj.metadata.uid!, name);
      recorder().event(obj, 'Normal', 'Seen', 'seen');
    };
    // Keys name the object by its uid: spam|<host>|<uid>|<type>.
    const buckets = () => memory.keys('spam|').map((k) => names.get(k.split('|')[2])).sort();
    for (const name of ['a', 'b']) report(name);
    expect(buckets()).toEqual(['a', 'b']);
    // Full again after five minutes, yet kept until a sweep is due: a later command sweeps nothing.
    api.clock.advance(60 * 60_000);
    report('c');
    expect(buckets()).toEqual(['a', 'b', 'c']);
    // 25 tokens at one per five minutes after the first sweep: the next command sweeps the full ones.
    api.clock.advance(65 * 60_000);
    report('d');
    expect(buckets()).toEqual(['d']);
  });

  it('keeps at most 4,096 buckets, as client-go’s LRU cache: the least recently used go', () => {
    const api = apiWithNamespace();
    const memory = inMemory();
    const r = new EventRecorder(api.client, api.clock, new EventSequence(), { component: 'test' });
    r.useMemory(memory);
    const object = (i: number) => cm(`o${i}`, {}, { uid: `uid-${String(i).padStart(5, '0')}` });
    // Cluster time stands still, as it does while a command converges: use orders the buckets.
    for (let i = 0; i < 4096 + 1024; i++) r.event(object(i), 'Normal', 'Seen', 'seen');
    expect(memory.keys('spam|')).toHaveLength(4096 + 1024);
    // The oldest is used again: it is now the most recent, and survives the eviction.
    r.event(object(0), 'Normal', 'Seen', 'again');
    r.event(object(99999), 'Normal', 'Seen', 'seen');
    const left = memory.keys('spam|').map((k) => k.split('|')[2]);
    expect(left).toHaveLength(4096);
    expect(left).toContain('uid-00000');
    expect(left).toContain('uid-99999');
    expect(left).not.toContain('uid-00001');
    expect(left).not.toContain('uid-01025');
    expect(left).toContain('uid-01026');
  });
});

describe('the events a manager has recorded (its correlator)', () => {
  /** A client that counts the event ranges it is asked to list. */
  function counting(client: Client): { client: Client; ranges: string[] } {
    const ranges: string[] = [];
    const counted = Object.create(client) as Client;
    counted.list = (type, namespace, opts) => {
      if (opts?.namePrefix) ranges.push(opts.namePrefix);
      return client.list(type, namespace, opts);
    };
    return { client: counted, ranges };
  }
  const api = apiWithNamespace();
  const event = (client: Client, obj: KubeObject, index: EventIndex) =>
    new EventRecorder(client, api.clock, new EventSequence(), { component: 'test' }, index).event(obj, 'Normal', 'Seen', 'seen');
  const eventOf = (name: string) => api.client.list<Event>(eventKind.type, 'default').filter((e) => e.involvedObject.name === name);

  it('reads the stored events of an object older than its watch, and folds repeats into them', () => {
    const old = api.client.create(configmap.type, cm('old'));
    event(api.client, old, new EventIndex(api.client));
    const { client, ranges } = counting(api.client);
    const index = new EventIndex(client);
    event(client, old, index);
    expect(ranges).toEqual(['old.']);
    expect(eventOf('old').map((e) => e.count)).toEqual([2]);
  });

  it('reads nothing for an object created since its watch began, and still folds what any recorder reported on it', () => {
    const { client, ranges } = counting(api.client);
    const index = new EventIndex(client);
    const fresh = api.client.create(configmap.type, cm('fresh'));
    // Another manager's recorder (its own index), same component: the watch saw its event.
    event(api.client, fresh, new EventIndex(api.client));
    event(client, fresh, index);
    event(client, fresh, index);
    expect(ranges).toEqual([]);
    expect(eventOf('fresh').map((e) => e.count)).toEqual([3]);
  });
});

/** A controller that records what it reconciles and can ask for a timer. */
function recorder(name: string, opts: { requeue?: (key: ObjectKey) => number | undefined; keys?: (o: KubeObject) => ObjectKey[] } = {}) {
  const seen: string[] = [];
  const controller: Controller = {
    name,
    watches: [{ type: configmap.type, keys: opts.keys ? (e) => opts.keys!(e.object) : undefined }],
    resync: (ctx) => ctx.client.list(configmap.type).map((o) => ({ namespace: o.metadata.namespace, name: o.metadata.name! })),
    reconcile(_ctx, key) {
      seen.push(keyString(key));
      const after = opts.requeue?.(key);
      return after === undefined ? undefined : { requeueAfterMs: after };
    },
  };
  return { controller, seen };
}

function engineWith(api: ReturnType<typeof newApi>, controllers: Controller[], resync = false): Engine {
  const sequence = new EventSequence();
  const bindings = controllers.map((controller) => ({ controller, client: api.client, events: new EventRecorder(api.client, api.clock, sequence, { component: controller.name }) }));
  return new Engine(bindings, { clock: api.clock, random: api.random, writes: api.server, disk: new StoreAreas(api.store), resync });
}

describe('the engine', () => {
  it('reconciles the keys the writes it watches concern, each once per round, and nothing when nothing changed', () => {
    const api = apiWithNamespace();
    const r = recorder('watcher', { keys: (o) => [{ namespace: 'default', name: o.metadata.name! }, { name: 'all' }] });
    const engine = engineWith(api, [r.controller]);
    engine.converge();
    expect(r.seen).toEqual([]);
    api.client.create(configmap.type, cm('b'));
    api.client.create(configmap.type, cm('a'));
    const a = api.client.get<ConfigMap>(configmap.type, 'default', 'a');
    api.client.update(configmap.type, { ...a, data: { x: '1' } });
    engine.converge();
    // Namespace, then name: the order a list gives.
    expect(r.seen).toEqual(['all', 'default/a', 'default/b']);
    engine.converge();
    expect(r.seen).toHaveLength(3);
  });

  it('fires a timer by enqueueing its key, and replaces a key’s timer when it is reconciled again', () => {
    const api = apiWithNamespace();
    let wait: number | undefined = 5_000;
    const r = recorder('timed', { requeue: () => wait });
    const engine = engineWith(api, [r.controller]);
    api.client.create(configmap.type, cm('x'));
    engine.converge();
    expect(engine.pendingTimers()).toEqual([{ owner: 'timed:default/x', at: api.clock.now() + 5_000 }]);
    wait = undefined;
    engine.advanceTo(api.clock.now() + 4_999);
    expect(r.seen).toEqual(['default/x']);
    engine.advanceTo(api.clock.now() + 1);
    expect(r.seen).toEqual(['default/x', 'default/x']);
    expect(engine.pendingTimers()).toEqual([]);
    expect(engine.nextTimer()).toBeUndefined();
  });

  it('reads timers saved by an earlier invocation and fires them when due', () => {
    const api = apiWithNamespace();
    const r = recorder('timed');
    const sequence = new EventSequence();
    const engine = new Engine([{ controller: r.controller, client: api.client, events: new EventRecorder(api.client, api.clock, sequence, { component: 'timed' }) }], {
      clock: api.clock,
      random: api.random,
      writes: api.server,
      disk: new StoreAreas(api.store),
      resync: false,
      timers: [{ owner: 'timed:default/later', at: api.clock.now() + 1_000 }],
    });
    engine.converge();
    expect(r.seen).toEqual([]);
    engine.advanceTo(api.clock.now() + 1_000);
    expect(r.seen).toEqual(['default/later']);
  });

  it('looks at every key on a resync, and when a machine changes outside the API', () => {
    const api = apiWithNamespace();
    api.client.create(configmap.type, cm('one'));
    api.client.create(configmap.type, cm('two'));
    const r = recorder('resyncing');
    const engine = engineWith(api, [r.controller], true);
    engine.converge();
    expect(r.seen).toEqual(['default/one', 'default/two']);
    new StoreAreas(api.store).put('machines', 'pocket-worker', { kubeletStoppedAt: 1 });
    engine.converge();
    expect(r.seen).toEqual(['default/one', 'default/two', 'default/one', 'default/two']);
  });

  it('runs the controllers in roster order, each seeing in the same round what the earlier ones wrote', () => {
    const api = apiWithNamespace();
    const order: string[] = [];
    const writer: Controller = {
      name: 'writer',
      watches: [{ type: configmap.type, keys: (e) => (e.object.metadata.name === 'in' ? [{ name: 'w' }] : []) }],
      resync: () => [],
      reconcile(ctx) {
        order.push('writer');
        if (!ctx.client.tryGet(configmap.type, 'default', 'out')) ctx.client.create(configmap.type, cm('out'));
      },
    };
    const reader = recorder('reader', { keys: (o) => (o.metadata.name === 'out' ? [{ name: 'r' }] : []) });
    const engine = engineWith(api, [writer, reader.controller]);
    api.client.create(configmap.type, cm('in'));
    engine.converge();
    expect(order).toEqual(['writer']);
    expect(reader.seen).toEqual(['r']);
  });

  it('keeps going while each pass makes objects', () => {
    const api = apiWithNamespace();
    // One new object a pass, 300 passes in a row: a long sequence, not a loop.
    const chain: Controller = {
      name: 'chain',
      watches: [{ type: configmap.type }],
      resync: () => [],
      reconcile(ctx, key) {
        const n = Number(key.name.slice('link-'.length));
        if (n < 300) ctx.client.create(configmap.type, cm(`link-${n + 1}`));
      },
    };
    const engine = engineWith(api, [chain]);
    api.client.create(configmap.type, cm('link-0'));
    engine.converge();
    expect(api.client.list(configmap.type, 'default')).toHaveLength(301);
  });

  it('names the controllers still writing when a round cap is reached', () => {
    const api = apiWithNamespace();
    const loop: Controller = {
      name: 'restless',
      watches: [{ type: configmap.type }],
      resync: () => [],
      reconcile(ctx, key) {
        const o = ctx.client.get<ConfigMap>(configmap.type, key.namespace, key.name);
        ctx.client.update(configmap.type, { ...o, data: { n: String(Number(o.data?.n ?? 0) + 1) } });
      },
    };
    const engine = engineWith(api, [loop]);
    api.client.create(configmap.type, cm('spin'));
    expect(engine.capped).toBe(false);
    expect(() => engine.converge()).toThrow('controllers did not converge after 200 passes; still writing: restless');
    // The session saves what the passes wrote, as not converged, when the engine says it stopped at the cap.
    expect(engine.capped).toBe(true);
  });
});

/** A bare nginx pod in default, with what `spec` adds (and its labels). */
function createPod(w: ReturnType<typeof newWorld>, name: string, spec: Partial<Pod['spec']> = {}, labels?: Record<string, string>): Pod {
  return w.client.create<Pod>(podKind.type, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...spec },
  } as Pod);
}

describe("the scheduler's queue", () => {
  function worldWithPending() {
    const w = newWorld();
    const big = (name: string) => createPod(w, name, { containers: [{ name: 'app', image: 'nginx:1.25', resources: { requests: { cpu: '3' } } }] });
    big('a');
    big('b');
    big('c');
    w.engine.converge();
    const phase = (name: string) => w.client.get<Pod>(podKind.type, 'default', name).spec.nodeName ?? 'Pending';
    return { w, big, phase };
  }

  it('leaves an unschedulable pod alone on writes that cannot help it, and retries it when a bound pod goes', () => {
    const { w, phase } = worldWithPending();
    expect(['a', 'b', 'c'].map(phase).filter((n) => n === 'Pending')).toHaveLength(1);
    const pending = ['a', 'b', 'c'].find((n) => phase(n) === 'Pending')!;
    const before = w.client.get<Pod>(podKind.type, 'default', pending);
    // An unrelated write: the pod is not tried again (its status is not even rewritten).
    w.client.create(configmap.type, cm('unrelated'));
    w.engine.converge();
    expect(w.client.get<Pod>(podKind.type, 'default', pending).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    // A bound pod deleted frees room: the pending one is bound in the same convergence.
    const bound = ['a', 'b', 'c'].find((n) => phase(n) !== 'Pending')!;
    w.client.delete(podKind.type, 'default', bound, { gracePeriodSeconds: 0 });
    w.engine.converge();
    expect(phase(pending)).not.toBe('Pending');
  });

  it('retries pending pods when a node changes', () => {
    const { w, phase } = worldWithPending();
    const pending = ['a', 'b', 'c'].find((n) => phase(n) === 'Pending')!;
    const cp = w.client.get<Node>(nodeKind.type, undefined, 'pocket-control-plane');
    w.client.update(nodeKind.type, { ...cp, spec: { ...cp.spec, taints: [] } });
    w.engine.converge();
    expect(phase(pending)).toBe('pocket-control-plane');
  });

  it('retries a pod waiting for a pod it must run beside when pods are bound, and binds it beside the one it matches', () => {
    const w = newWorld();
    createPod(w, 'follower', {
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { role: 'leader' } }, topologyKey: 'kubernetes.io/hostname' }] } },
    } as Partial<Pod['spec']>);
    w.engine.converge();
    const follower = () => w.client.get<Pod>(podKind.type, 'default', 'follower');
    expect(follower().spec.nodeName).toBeUndefined();
    const unschedulableAt = follower().metadata.resourceVersion;
    // A bound pod that does not match changes nothing for it.
    createPod(w, 'other');
    w.engine.converge();
    expect(follower().metadata.resourceVersion).toBe(unschedulableAt);
    createPod(w, 'leader', {}, { role: 'leader' });
    w.engine.converge();
    expect(follower().spec.nodeName).toBe(w.client.get<Pod>(podKind.type, 'default', 'leader').spec.nodeName);
  });
});
