// The kubelet's eviction manager: the ranking of pods (pkg/kubelet/eviction/helpers.go), the
// default hard thresholds and the eviction message, and the manager over simulated time: one
// pod per 10s monitoring interval, the pressure conditions held for the 5m transition period.
import { describe, expect, it } from 'vitest';
import type { Event, Node, Pod } from '../../src/api/types';
import { admitPod } from '../../src/sim/kubelet/eviction';
import { type Candidate, isCriticalPod, rankForEviction } from '../../src/sim/node/rank';
import { evictionMessage, observe, thresholdsMet } from '../../src/sim/node/signals';
import { podUsage } from '../../src/sim/node/usage';
import { event } from '../../src/api/kinds/event';
import { pod as podKind } from '../../src/api/kinds/pod';
import { machineFacts, setMachineFacts } from '../../src/sim/kubelet/nodestate';
import { StoreAreas } from '../../src/store/areas';
import { newWorld } from '../helpers/world';
import { T0, container, nodeWorld } from './eviction-world';

const Mi = 1024 * 1024;

function pod(name: string, opts: { requests?: string; limits?: string; usage?: string; priority?: number; annotations?: Record<string, string> } = {}): Pod {
  const resources: Record<string, Record<string, string>> = {};
  if (opts.requests) resources.requests = { memory: opts.requests };
  if (opts.limits) resources.limits = { memory: opts.limits };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', annotations: { ...(opts.usage ? { 'pocketkube.io/memory-usage': opts.usage } : {}), ...opts.annotations } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25', resources }], priority: opts.priority },
    status: { phase: 'Running', containerStatuses: [{ name: 'app', image: '', imageID: '', lastState: {}, ready: true, restartCount: 0, state: { running: {} } }] },
  } as Pod;
}

const candidate = (p: Pod): Candidate => ({ pod: p, usage: podUsage(p) });
const order = (pods: Pod[], resource: 'memory' | 'ephemeral-storage' = 'memory') => rankForEviction(pods.map(candidate), resource).map((c) => c.pod.metadata.name);

describe('simulated usage', () => {
  it('uses the request, else a figure from the image, else what the annotation says', () => {
    expect(podUsage(pod('g', { requests: '200Mi', limits: '200Mi' })).memory).toBe(200 * Mi);
    expect(podUsage(pod('be')).memory).toBe(5 * Mi); // nginx: 72MB / 16, rounded up to Mi
    expect(podUsage(pod('be', { usage: '300Mi' })).memory).toBe(300 * Mi);
    const two = { ...pod('two'), spec: { containers: [container('a'), container('b', { memory: '64Mi' })] } } as Pod;
    two.status!.containerStatuses = ['a', 'b'].map((name) => ({ ...pod('x').status!.containerStatuses![0], name }));
    two.metadata.annotations = { 'pocketkube.io/memory-usage': 'b=100Mi' };
    expect(podUsage(two).containers.map((c) => [c.name, c.memory / Mi])).toEqual([
      ['a', 5],
      ['b', 100],
    ]);
  });

  it('counts only running containers', () => {
    const p = pod('waiting');
    p.status!.containerStatuses![0].state = { waiting: { reason: 'ContainerCreating' } };
    expect(podUsage(p)).toEqual({ containers: [], cpu: 0, memory: 0, disk: 0 });
  });
});

describe('ranking for memory pressure', () => {
  const bestEffort = pod('besteffort');
  const burstable = pod('burstable', { requests: '100Mi', usage: '150Mi' });
  const withinRequests = pod('burstable-within', { requests: '100Mi', usage: '50Mi' });
  const guaranteed = pod('guaranteed', { requests: '200Mi', limits: '200Mi' });

  it('evicts pods over their requests first: BestEffort, then Burstable, Guaranteed last', () => {
    expect(order([guaranteed, withinRequests, burstable, bestEffort])).toEqual(['burstable', 'besteffort', 'guaranteed', 'burstable-within']);
    // Among pods over their requests, the larger use above the request goes first.
    expect(order([guaranteed, bestEffort, pod('hog', { usage: '1Gi' })])).toEqual(['hog', 'besteffort', 'guaranteed']);
  });

  it('ranks by priority after whether requests are exceeded, then by use above requests', () => {
    const important = pod('important', { usage: '900Mi', priority: 1000 });
    const ordinary = pod('ordinary', { usage: '10Mi' });
    expect(order([important, ordinary])).toEqual(['ordinary', 'important']);
    // A pod within its requests stays after one over them, whatever the priorities.
    expect(order([pod('low-within', { requests: '1Gi', priority: -10 }), important])).toEqual(['important', 'low-within']);
  });

  it('keeps the order of equals', () => {
    expect(order([pod('a', { usage: '10Mi' }), pod('b', { usage: '10Mi' }), pod('c', { usage: '10Mi' })])).toEqual(['a', 'b', 'c']);
  });

  it('never evicts static, mirror or system-critical pods', () => {
    expect(isCriticalPod(pod('dns', { priority: 2000000000 }))).toBe(true);
    expect(isCriticalPod(pod('etcd', { annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.mirror': 'abc' } }))).toBe(true);
    expect(isCriticalPod(pod('web', { priority: 1999999999 }))).toBe(false);
  });

  it('ranks disk pressure by ephemeral-storage use over requests', () => {
    const d = (name: string, usage: string, request?: string) => {
      const p = pod(name, { annotations: { 'pocketkube.io/disk-usage': usage } });
      if (request) p.spec.containers[0].resources = { requests: { 'ephemeral-storage': request } };
      return p;
    };
    expect(order([d('small', '1Mi', '2Mi'), d('big', '3Gi'), d('mid', '1Gi')], 'ephemeral-storage')).toEqual(['big', 'mid', 'small']);
  });
});

describe('thresholds and the eviction message', () => {
  const node = { metadata: { name: 'n' }, spec: {}, status: { capacity: { memory: '8131940Ki', 'ephemeral-storage': '102626232Ki' } } } as unknown as Node;

  it('measures availability as capacity minus what the pods use, and meets memory.available<100Mi below it', () => {
    const obs = observe(node, [podUsage(pod('hog', { usage: '7800Mi' }))], {});
    expect(obs['memory.available']).toEqual({ available: 144740 * 1024, capacity: 8131940 * 1024 });
    expect(thresholdsMet(obs).map((t) => t.signal)).toEqual([]);
    const starved = observe(node, [podUsage(pod('hog', { usage: '7850Mi' })), podUsage(pod('more', { usage: '50Mi' }))], {});
    expect(starved['memory.available']?.available).toBe(42340 * 1024);
    expect(thresholdsMet(starved).map((t) => t.signal)).toEqual(['memory.available']);
    // Pods using more than the machine has leave nothing available.
    expect(observe(node, [podUsage(pod('huge', { usage: '9Gi' }))], {})['memory.available']?.available).toBe(0);
  });

  it('takes forced figures as they are, memory ranked before disk', () => {
    const obs = observe(node, [], { memoryAvailable: '50Mi', diskAvailable: '4Gi' });
    expect(thresholdsMet(obs).map((t) => `${t.signal}:${t.condition}`)).toEqual(['memory.available:MemoryPressure', 'nodefs.available:DiskPressure']);
    expect(thresholdsMet(observe(node, [], { memoryAvailable: '100Mi' }))).toEqual([]);
  });

  it('words the message as the kubelet does, naming each container over its request', () => {
    const p = pod('besteffort', { usage: '300Mi' });
    const obs = observe(node, [], { memoryAvailable: '51200Ki' });
    expect(evictionMessage('memory', p, podUsage(p), thresholdsMet(obs), obs)).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. Container app was using 300Mi, request is 0, has larger consumption of memory. ',
    );
    const g = pod('guaranteed', { requests: '200Mi', limits: '200Mi' });
    expect(evictionMessage('memory', g, podUsage(g), thresholdsMet(obs), obs)).toBe('The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ');
    const b = pod('burstable', { requests: '100Mi', usage: '1536Mi' });
    expect(evictionMessage('memory', b, podUsage(b), thresholdsMet(obs), obs)).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. Container app was using 1536Mi, request is 100Mi, has larger consumption of memory. ',
    );
  });

  it('computes the nodefs threshold from the float32 percentage, printed in bytes', () => {
    const p = pod('writer', { annotations: { 'pocketkube.io/disk-usage': '3Gi' } });
    const obs = observe(node, [], { diskAvailable: '4Gi' });
    expect(evictionMessage('ephemeral-storage', p, podUsage(p), thresholdsMet(obs), obs)).toBe(
      'The node was low on resource: ephemeral-storage. Threshold quantity: 10508926313, available: 4Gi. Container app was using 3Gi, request is 0, has larger consumption of ephemeral-storage. ',
    );
  });
});

describe('the eviction manager over time', () => {
  function pressured() {
    const w = nodeWorld();
    w.runPod('guaranteed', 'pocket-worker', { containers: [container('app', { cpu: '100m', memory: '200Mi' }, { cpu: '100m', memory: '200Mi' })] });
    w.runPod('burstable', 'pocket-worker', { containers: [container('app', { memory: '100Mi' })], annotations: { 'pocketkube.io/memory-usage': '150Mi' } });
    w.runPod('besteffort', 'pocket-worker', { annotations: { 'pocketkube.io/memory-usage': '300Mi' } });
    w.runPod('elsewhere', 'pocket-worker2');
    w.engine.converge();
    w.setFacts('pocket-worker', { memoryAvailable: '50Mi' });
    w.engine.converge();
    return w;
  }
  const phase = (w: ReturnType<typeof nodeWorld>, name: string) => `${w.pod(name).status?.phase}/${w.pod(name).status?.reason ?? ''}`;

  it('evicts one pod per monitoring interval, BestEffort first and Guaranteed last', () => {
    const w = pressured();
    expect(['besteffort', 'burstable', 'guaranteed'].map((n) => phase(w, n))).toEqual(['Failed/Evicted', 'Running/', 'Running/']);
    w.engine.advanceTo(T0 + 9_000);
    expect(phase(w, 'burstable')).toBe('Running/');
    w.engine.advanceTo(T0 + 10_000);
    expect(['burstable', 'guaranteed'].map((n) => phase(w, n))).toEqual(['Failed/Evicted', 'Running/']);
    w.engine.advanceTo(T0 + 20_000);
    expect(phase(w, 'guaranteed')).toBe('Failed/Evicted');
    expect(phase(w, 'elsewhere')).toBe('Running/');
    expect(w.events('Evicted')).toEqual([
      'Warning Evicted Pod/besteffort: The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. Container app was using 300Mi, request is 0, has larger consumption of memory.  (kubelet, pocket-worker) x1',
      'Warning Evicted Pod/burstable: The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. Container app was using 150Mi, request is 100Mi, has larger consumption of memory.  (kubelet, pocket-worker) x1',
      'Warning Evicted Pod/guaranteed: The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi.  (kubelet, pocket-worker) x1',
    ]);
    expect(w.events('EvictionThresholdMet')).toEqual(['Warning EvictionThresholdMet Node/pocket-worker: Attempting to reclaim memory (kubelet, pocket-worker) x3']);
    // Nothing is left to evict: no timer keeps the manager coming back.
    expect(w.engine.nextTimer()).toBeUndefined();
  });

  it('leaves an evicted pod Failed with its containers killed and the DisruptionTarget condition', () => {
    const w = pressured();
    const p = w.pod('besteffort');
    const message = 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. Container app was using 300Mi, request is 0, has larger consumption of memory. ';
    expect(p.status?.message).toBe(message);
    // These pods were put into Running by hand: the runtime has no record of their containers,
    // which the kubelet then reports as it reports containers it cannot find.
    expect(p.status?.containerStatuses?.[0]).toMatchObject({
      ready: false,
      started: false,
      state: { terminated: { exitCode: 137, finishedAt: null, message: 'The container could not be located when the pod was terminated', reason: 'ContainerStatusUnknown', startedAt: null } },
    });
    expect(p.status?.conditions?.map((c) => `${c.type}=${c.status}${c.reason ? `/${c.reason}` : ''}`)).toEqual([
      'DisruptionTarget=True/TerminationByKubelet',
      'PodReadyToStartContainers=False',
      'Initialized=True',
      'Ready=False/PodFailed',
      'ContainersReady=False/PodFailed',
      'PodScheduled=True',
    ]);
    expect(p.status?.conditions?.[0].message).toBe(message);
  });

  it('reports MemoryPressure, taints the node, and clears both 5m after the pressure last showed', () => {
    const w = pressured();
    const cond = (type: string) => w.node('pocket-worker').status?.conditions?.find((c) => c.type === type);
    expect(cond('MemoryPressure')).toMatchObject({ status: 'True', reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available' });
    expect(w.node('pocket-worker').spec.taints).toEqual([{ effect: 'NoSchedule', key: 'node.kubernetes.io/memory-pressure', timeAdded: '2026-11-26T12:00:00Z' }]);
    expect(w.events('NodeHasInsufficientMemory')).toEqual(['Normal NodeHasInsufficientMemory Node/pocket-worker: Node pocket-worker status is now: NodeHasInsufficientMemory (kubelet, pocket-worker) x1']);
    w.engine.advanceTo(T0 + 60_000);
    w.setFacts('pocket-worker', { memoryAvailable: undefined });
    w.engine.converge();
    w.engine.advanceTo(T0 + 60_000 + 5 * 60_000 - 1);
    expect(cond('MemoryPressure')?.status).toBe('True');
    w.engine.advanceTo(T0 + 60_000 + 5 * 60_000);
    expect(cond('MemoryPressure')).toMatchObject({ status: 'False', reason: 'KubeletHasSufficientMemory', lastTransitionTime: '2026-11-26T12:06:00Z', lastHeartbeatTime: '2026-11-26T12:06:00Z' });
    expect(w.node('pocket-worker').spec.taints).toBeUndefined();
    expect(w.engine.nextTimer()).toBeUndefined();
  });

  it('stops once evicting the pod that uses too much relieves the node', () => {
    const w = nodeWorld();
    w.runPod('modest', 'pocket-worker2', { containers: [container('app', { memory: '64Mi' })] });
    w.runPod('hog', 'pocket-worker2', { annotations: { 'pocketkube.io/memory-usage': '7800Mi' } });
    w.engine.converge();
    expect(w.pod('hog').status?.reason).toBe('Evicted');
    expect(w.pod('hog').status?.message).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 79204Ki. Container app was using 7800Mi, request is 0, has larger consumption of memory. ',
    );
    w.engine.advanceTo(T0 + 60_000);
    expect(w.pod('modest').status?.phase).toBe('Running');
  });

  it('does nothing while its kubelet is stopped', () => {
    const w = nodeWorld();
    w.runPod('besteffort', 'pocket-worker');
    w.setFacts('pocket-worker', { kubeletStoppedAt: T0, memoryAvailable: '10Mi' });
    w.engine.converge();
    expect(w.pod('besteffort').status?.phase).toBe('Running');
  });

  it('reports the extended resources of device plugins, left at 0 when a plugin goes away', () => {
    const w = nodeWorld();
    w.setFacts('pocket-worker', { devices: { 'nvidia.com/gpu': '2' } });
    w.engine.converge();
    expect(w.node('pocket-worker').status?.capacity?.['nvidia.com/gpu']).toBe('2');
    expect(w.node('pocket-worker').status?.allocatable?.['nvidia.com/gpu']).toBe('2');
    w.setFacts('pocket-worker', { devices: { 'nvidia.com/gpu': '0' } });
    w.engine.converge();
    expect(w.node('pocket-worker').status?.allocatable?.['nvidia.com/gpu']).toBe('0');
  });
});

describe('admission under pressure', () => {
  const disk = (pressure: string[]) => {
    const store = new Map<string, unknown>([['kubelet\0pressure/n', pressure]]);
    return { disk: { get: <T>(area: string, key: string) => store.get(`${area}\0${key}`) as T, put: () => {}, keys: () => [] } };
  };

  it('rejects only BestEffort pods under memory pressure, unless they tolerate it', () => {
    const memory = disk(['MemoryPressure']);
    expect(admitPod(memory, pod('be'), 'n')).toEqual({ reason: 'Evicted', message: 'The node had condition: [MemoryPressure]. ' });
    expect(admitPod(memory, pod('burstable', { requests: '10Mi' }), 'n')).toBeUndefined();
    const tolerant = pod('tolerant');
    tolerant.spec.tolerations = [{ key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' }];
    expect(admitPod(memory, tolerant, 'n')).toBeUndefined();
    expect(admitPod(disk([]), pod('be'), 'n')).toBeUndefined();
  });

  it('rejects every pod but critical ones under disk pressure', () => {
    const both = disk(['DiskPressure', 'MemoryPressure']);
    expect(admitPod(both, pod('g', { requests: '10Mi', limits: '10Mi' }), 'n')).toEqual({ reason: 'Evicted', message: 'The node had condition: [DiskPressure MemoryPressure]. ' });
    expect(admitPod(both, pod('dns', { priority: 2000000000 }), 'n')).toBeUndefined();
  });
});

describe('eviction through the container runtime (the whole default cluster)', () => {
  it('stops the containers as the kubelet does: a server shuts down on SIGTERM and ends Completed', () => {
    const w = newWorld();
    w.client.create<Pod>(podKind.type, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default' },
      spec: { nodeSelector: { 'kubernetes.io/hostname': 'pocket-worker' }, containers: [{ name: 'app', image: 'nginx:1.25' }] },
    } as Pod);
    w.engine.converge();
    const disk = new StoreAreas(w.store);
    setMachineFacts(disk, 'pocket-worker', { ...machineFacts(disk, 'pocket-worker'), memoryAvailable: '10Mi' });
    w.engine.converge();
    const p = w.client.get<Pod>(podKind.type, 'default', 'web');
    expect([p.status?.phase, p.status?.reason]).toEqual(['Failed', 'Evicted']);
    expect(p.status?.containerStatuses?.[0]).toMatchObject({ ready: false, started: false, state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: '2026-11-26T12:00:00Z' } } });
    const killing = w.client.list<Event>(event.type, 'default').filter((e) => e.reason === 'Killing' && e.involvedObject.name === 'web');
    expect(killing.map((e) => `${e.involvedObject.fieldPath} ${e.message}`)).toEqual(['spec.containers{app} Stopping container app']);
  });
});
