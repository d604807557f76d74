// The scheduler's plugins one by one, on hand-built nodes and pods: each filter's verdict and
// reason (and whether preemption could help), each score and its normalisation, with the numbers
// kube-scheduler v1.32 computes.
import { describe, expect, it } from 'vitest';
import type { Node, Pod, Taint } from '../../src/api/types';
import { type Cycle, type NodeInfo, type ScorePlugin, addPod, newNodeInfo } from '../../src/controllers/scheduler/framework';
import { balancedAllocation } from '../../src/controllers/scheduler/plugins/balancedallocation';
import { imageLocality, normalizedImageName } from '../../src/controllers/scheduler/plugins/imagelocality';
import { interPodAffinity } from '../../src/controllers/scheduler/plugins/interpodaffinity';
import { nodeAffinity } from '../../src/controllers/scheduler/plugins/nodeaffinity';
import { nodeName } from '../../src/controllers/scheduler/plugins/nodename';
import { nodePorts } from '../../src/controllers/scheduler/plugins/nodeports';
import { nodeResourcesFit } from '../../src/controllers/scheduler/plugins/noderesourcesfit';
import { nodeUnschedulable } from '../../src/controllers/scheduler/plugins/nodeunschedulable';
import { podTopologySpread } from '../../src/controllers/scheduler/plugins/podtopologyspread';
import { taintToleration } from '../../src/controllers/scheduler/plugins/tainttoleration';
import type { FilterPlugin } from '../../src/controllers/scheduler/framework';
import { podRequests } from '../../src/controllers/scheduler/resources';

interface NodeOpts {
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  allocatable?: Record<string, string>;
  images?: { names: string[]; sizeBytes: number }[];
}

function node(name: string, o: NodeOpts = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: { allocatable: o.allocatable ?? { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' }, images: o.images },
  } as Node;
}

let uid = 0;
function pod(name: string, spec: Partial<Pod['spec']> = {}, labels: Record<string, string> = {}, namespace = 'default'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `uid-${++uid}`, labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
  } as Pod;
}

function requests(r: Record<string, string>): Partial<Pod['spec']> {
  return { containers: [{ name: 'c', image: 'nginx', resources: { requests: r } }] };
}

/** Nodes with the pods already bound to them. */
function cluster(...entries: [Node, Pod[]?][]): NodeInfo[] {
  return entries.map(([n, pods]) => {
    const info = newNodeInfo(n);
    for (const p of pods ?? []) addPod(info, { ...p, spec: { ...p.spec, nodeName: n.metadata.name } });
    return info;
  });
}

function cycle(p: Pod, nodes: NodeInfo[], namespaces: { name: string; labels: Record<string, string> }[] = [{ name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } }], spread: Cycle['defaultSpreadSelector'] = () => []): Cycle {
  const labels = new Map(namespaces.map((n) => [n.name, n.labels]));
  return { pod: p, nodes, namespaceLabels: (ns) => labels.get(ns), namespaces: () => namespaces, defaultSpreadSelector: spread };
}

/** Each node's verdict: null when it fits, else [reasons, unresolvable]; "skip" when the plugin has nothing to check. */
function verdicts(plugin: FilterPlugin, c: Cycle): unknown {
  const pre = plugin.preFilter(c);
  if (pre.kind === 'skip') return 'skip';
  if (pre.kind === 'reject') return ['reject', pre.status.reasons, pre.status.unresolvable];
  return c.nodes.map((n) => {
    if (pre.onlyNodes && !pre.onlyNodes.has(n.node.metadata.name!)) return 'excluded';
    const s = pre.filter(n);
    return s && [s.reasons, s.unresolvable];
  });
}

/** Normalised scores of the nodes, or null when the plugin skips the pod. */
function scores(plugin: ScorePlugin, c: Cycle): number[] | null {
  const scorer = plugin.preScore(c, c.nodes);
  if (!scorer) return null;
  const raw = c.nodes.map((n) => scorer.score(n));
  return scorer.normalize ? scorer.normalize(raw, c.nodes) : raw;
}

const CONTROL_PLANE: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('NodeUnschedulable and NodeName', () => {
  it('keeps pods off cordoned nodes unless they tolerate the unschedulable taint', () => {
    const nodes = cluster([node('a', { unschedulable: true })], [node('b')]);
    expect(verdicts(nodeUnschedulable, cycle(pod('p'), nodes))).toEqual([[['node(s) were unschedulable'], true], null]);
    const tolerant = pod('t', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(verdicts(nodeUnschedulable, cycle(tolerant, nodes))).toEqual([null, null]);
  });

  it('matches only the named node', () => {
    const nodes = cluster([node('a')], [node('b')]);
    expect(verdicts(nodeName, cycle(pod('p'), nodes))).toBe('skip');
    expect(verdicts(nodeName, cycle(pod('p', { nodeName: 'b' }), nodes))).toEqual([[["node(s) didn't match the requested node name"], true], null]);
  });
});

describe('TaintToleration', () => {
  it('names the first untolerated NoSchedule or NoExecute taint, value included', () => {
    const nodes = cluster(
      [node('cp', { taints: [CONTROL_PLANE] })],
      [node('gpu', { taints: [{ key: 'soft', effect: 'PreferNoSchedule' }, { key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] })],
      [node('w', { taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] })],
    );
    expect(verdicts(taintToleration, cycle(pod('p'), nodes))).toEqual([
      [['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], true],
      [['node(s) had untolerated taint {dedicated: gpu}'], true],
      null,
    ]);
    const tolerant = pod('t', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu' }, { operator: 'Exists', effect: 'NoSchedule' }] });
    expect(verdicts(taintToleration, cycle(tolerant, nodes))).toEqual([null, null, null]);
    const wrongValue = pod('v', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'cpu', effect: 'NoExecute' }] });
    expect(verdicts(taintToleration, cycle(wrongValue, nodes))).toEqual([
      [['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], true],
      [['node(s) had untolerated taint {dedicated: gpu}'], true],
      null,
    ]);
  });

  it('scores untolerated PreferNoSchedule taints, fewer is better', () => {
    const nodes = cluster(
      [node('none')],
      [node('one', { taints: [{ key: 'a', effect: 'PreferNoSchedule' }] })],
      [node('two', { taints: [{ key: 'a', effect: 'PreferNoSchedule' }, { key: 'b', effect: 'PreferNoSchedule' }] })],
    );
    expect(scores(taintToleration, cycle(pod('p'), nodes))).toEqual([100, 50, 0]);
    // A toleration without an effect tolerates PreferNoSchedule too.
    expect(scores(taintToleration, cycle(pod('t', { tolerations: [{ key: 'a', operator: 'Exists' }] }), nodes))).toEqual([100, 100, 0]);
    expect(scores(taintToleration, cycle(pod('n'), cluster([node('x')], [node('y')])))).toEqual([100, 100]);
  });
});

describe('NodeAffinity', () => {
  const nodes = cluster([node('a', { labels: { disk: 'ssd', cores: '8' } })], [node('b', { labels: { disk: 'hdd', cores: '2' } })], [node('c')]);

  it('needs every nodeSelector label and one matching required term', () => {
    expect(verdicts(nodeAffinity, cycle(pod('p'), nodes))).toBe('skip');
    const bySelector = pod('s', { nodeSelector: { disk: 'ssd' } });
    const miss = [["node(s) didn't match Pod's node affinity/selector"], true];
    expect(verdicts(nodeAffinity, cycle(bySelector, nodes))).toEqual([null, miss, miss]);
    const required = pod('r', {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }, { matchExpressions: [{ key: 'disk', operator: 'DoesNotExist' }] }],
          },
        },
      },
    });
    expect(verdicts(nodeAffinity, cycle(required, nodes))).toEqual([null, miss, null]);
    const notIn = pod('n', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'NotIn', values: ['ssd'] }] }] } } } });
    expect(verdicts(nodeAffinity, cycle(notIn, nodes))).toEqual([miss, null, null]);
  });

  it('narrows the nodes to the names terms pin, and rejects terms that pin none', () => {
    const pinned = pod('ds', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }] } } } });
    expect(verdicts(nodeAffinity, cycle(pinned, nodes))).toEqual(['excluded', null, 'excluded']);
    const conflict = pod('x', {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }, { key: 'metadata.name', operator: 'In', values: ['b'] }] }],
          },
        },
      },
    });
    expect(verdicts(nodeAffinity, cycle(conflict, nodes))).toEqual(['reject', ['pod affinity terms conflict'], true]);
  });

  it('scores the weights of matching preferred terms, scaled to the best node', () => {
    const preferring = pod('p', {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 30, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
            { weight: 10, preference: { matchExpressions: [{ key: 'disk', operator: 'Exists' }] } },
          ],
        },
      },
    });
    expect(scores(nodeAffinity, cycle(preferring, nodes))).toEqual([100, 25, 0]);
    expect(scores(nodeAffinity, cycle(pod('q'), nodes))).toBeNull();
  });
});

describe('NodePorts', () => {
  const web = (ip?: string, protocol?: string) => pod('w', { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080, hostIP: ip, protocol }] }] });

  it('refuses a host port already taken on the node, 0.0.0.0 clashing with every address', () => {
    const nodes = cluster([node('a'), [web()]], [node('b'), [web('10.0.0.1')]], [node('c'), [web(undefined, 'UDP')]]);
    const taken = [["node(s) didn't have free ports for the requested pod ports"], false];
    expect(verdicts(nodePorts, cycle(web(), nodes))).toEqual([taken, taken, null]);
    expect(verdicts(nodePorts, cycle(web('10.0.0.2'), nodes))).toEqual([taken, null, null]);
    expect(verdicts(nodePorts, cycle(pod('plain'), nodes))).toBe('skip');
  });
});

describe('NodeResourcesFit', () => {
  it('lists every resource that does not fit, extended resources and the pod count included', () => {
    const full = node('full', { allocatable: { cpu: '1', memory: '1Gi', pods: '1', 'ephemeral-storage': '1Gi' } });
    const gpu = node('gpu', { allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '10Gi', 'nvidia.com/gpu': '2' } });
    const nodes = cluster([full, [pod('x', requests({ cpu: '500m' }))]], [gpu, [pod('y', requests({ 'nvidia.com/gpu': '1' }))]], [node('plain')]);
    const big = pod('big', requests({ cpu: '2', memory: '2Gi', 'ephemeral-storage': '2Gi', 'nvidia.com/gpu': '2' }));
    expect(verdicts(nodeResourcesFit, cycle(big, nodes))).toEqual([
      [['Too many pods', 'Insufficient cpu', 'Insufficient memory', 'Insufficient ephemeral-storage', 'Insufficient nvidia.com/gpu'], false],
      [['Insufficient nvidia.com/gpu'], false],
      [['Insufficient nvidia.com/gpu'], false],
    ]);
    // A pod that requests nothing is only counted.
    expect(verdicts(nodeResourcesFit, cycle(pod('none'), nodes))).toEqual([[['Too many pods'], false], null, null]);
  });

  it('adds up containers, takes the largest init container, and counts sidecars and overhead', () => {
    const p = pod('p', {
      containers: [
        { name: 'a', image: 'x', resources: { requests: { cpu: '100m', memory: '64Mi' } } },
        { name: 'b', image: 'x', resources: { requests: { cpu: '200m' } } },
      ],
      initContainers: [
        { name: 'init', image: 'x', resources: { requests: { cpu: '1', memory: '10Mi' } } },
        { name: 'side', image: 'x', restartPolicy: 'Always', resources: { requests: { cpu: '50m' } } },
      ],
      overhead: { cpu: '10m' },
    });
    const r = podRequests(p);
    expect([r.milliCPU, r.memory]).toEqual([1010, 64 * 1024 * 1024]);
    const nz = podRequests(pod('q'), true);
    expect([nz.milliCPU, nz.memory]).toEqual([100, 200 * 1024 * 1024]);
  });

  it('scores the least allocated node highest, assuming defaults for requests not given', () => {
    const nodes = cluster([node('busy'), [pod('x', requests({ cpu: '2', memory: '4Gi' }))]], [node('idle')]);
    // busy: cpu (2000+100)/4000 used -> 47, memory (4Gi+200Mi)/8Gi -> 47; idle: 97 and 97.
    expect(scores(nodeResourcesFit, cycle(pod('p'), nodes))).toEqual([47, 97]);
  });
});

describe('NodeResourcesBalancedAllocation', () => {
  it('prefers the node where cpu and memory are used in equal shares', () => {
    const nodes = cluster([node('cpu-heavy'), [pod('x', requests({ cpu: '2' }))]], [node('even'), [pod('y', requests({ cpu: '1', memory: '2Gi' }))]]);
    // cpu-heavy: |0.625 - 0.125| / 2 = 0.25 -> 75; even: |0.375 - 0.375| -> 100.
    expect(scores(balancedAllocation, cycle(pod('p', requests({ cpu: '500m', memory: '1Gi' })), nodes))).toEqual([75, 100]);
  });
});

describe('ImageLocality', () => {
  it('prefers nodes that hold the image, weighted by size and spread', () => {
    const img = { names: ['docker.io/library/redis:7', 'redis:7'], sizeBytes: 500 * 1024 * 1024 };
    const nodes = cluster([node('has', { images: [img] })], [node('lacks')]);
    // 500Mi spread over 1 of 2 nodes = 250Mi; (250-23)/(1000-23) of 100.
    expect(scores(imageLocality, cycle(pod('p', { containers: [{ name: 'c', image: 'redis:7' }] }), nodes))).toEqual([23, 0]);
    expect(normalizedImageName('redis')).toBe('redis:latest');
    expect(normalizedImageName('localhost:5000/app')).toBe('localhost:5000/app:latest');
  });
});

describe('InterPodAffinity', () => {
  const zone = (n: string, z: string) => node(n, { labels: { zone: z } });
  const affinity = (kind: 'podAffinity' | 'podAntiAffinity', labels: Record<string, string>, topologyKey: string, extra: Record<string, unknown> = {}) => ({
    affinity: { [kind]: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: labels }, topologyKey, ...extra }] } },
  });

  it('requires a matching pod in the domain, letting the first of a self-affine group go anywhere', () => {
    const nodes = cluster([zone('a', 'z1'), [pod('db', {}, { app: 'db' })]], [zone('b', 'z1')], [zone('c', 'z2')], [node('d')]);
    const near = pod('web', affinity('podAffinity', { app: 'db' }, 'zone'));
    const miss = [["node(s) didn't match pod affinity rules"], true];
    expect(verdicts(interPodAffinity, cycle(near, nodes))).toEqual([null, null, miss, miss]);
    const first = pod('cache', affinity('podAffinity', { app: 'cache' }, 'zone'), { app: 'cache' });
    expect(verdicts(interPodAffinity, cycle(first, nodes))).toEqual([null, null, null, miss]);
    // Only pods in the term's namespaces count.
    const elsewhere = pod('web2', affinity('podAffinity', { app: 'db' }, 'zone', { namespaces: ['other'] }));
    expect(verdicts(interPodAffinity, cycle(elsewhere, nodes))).toEqual([miss, miss, miss, miss]);
  });

  it('keeps away from matching pods, and from pods whose anti-affinity selects the newcomer', () => {
    const loner = pod('loner', affinity('podAntiAffinity', { app: 'web' }, 'kubernetes.io/hostname'), { app: 'loner' });
    const nodes = cluster([zone('a', 'z1'), [pod('w', {}, { app: 'web' })]], [zone('b', 'z1'), [loner]], [zone('c', 'z2')]);
    const web = pod('web', affinity('podAntiAffinity', { app: 'web' }, 'zone'), { app: 'web' });
    expect(verdicts(interPodAffinity, cycle(web, nodes))).toEqual([
      [["node(s) didn't match pod anti-affinity rules"], false],
      [["node(s) didn't match pod anti-affinity rules"], false],
      null,
    ]);
    const plain = pod('web3', {}, { app: 'web' });
    expect(verdicts(interPodAffinity, cycle(plain, nodes))).toEqual([null, [["node(s) didn't satisfy existing pods anti-affinity rules"], false], null]);
    expect(verdicts(interPodAffinity, cycle(pod('other', {}, { app: 'x' }), nodes))).toBe('skip');
  });

  it('matches namespaces by namespaceSelector', () => {
    const namespaces: { name: string; labels: Record<string, string> }[] = [
      { name: 'default', labels: {} },
      { name: 'prod', labels: { env: 'prod' } },
    ];
    const nodes = cluster([zone('a', 'z1'), [pod('db', {}, { app: 'db' }, 'prod')]], [zone('b', 'z2')]);
    const p = pod('web', affinity('podAffinity', { app: 'db' }, 'zone', { namespaceSelector: { matchLabels: { env: 'prod' } } }));
    expect(verdicts(interPodAffinity, cycle(p, nodes, namespaces))).toEqual([null, [["node(s) didn't match pod affinity rules"], true]]);
  });

  it('scores preferred terms of the pod and of running pods per topology domain, min-max scaled', () => {
    const dns = { 'k8s-app': 'kube-dns' };
    const spreadDns = {
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: dns }, topologyKey: 'kubernetes.io/hostname' } }],
        },
      },
    };
    const nodes = cluster([node('a'), [pod('dns1', spreadDns, dns)]], [node('b')], [node('c')]);
    // The incoming pod's term and the running pod's term each count -100 on node a.
    expect(scores(interPodAffinity, cycle(pod('dns2', spreadDns, dns), nodes))).toEqual([0, 100, 100]);
    // Nothing relates an unrelated pod to anything: the plugin skips it.
    expect(scores(interPodAffinity, cycle(pod('web', {}, { app: 'web' }), nodes))).toBeNull();
  });
});

describe('PodTopologySpread', () => {
  const spread = (maxSkew: number, topologyKey: string, extra: Record<string, unknown> = {}) => ({
    topologySpreadConstraints: [{ maxSkew, topologyKey, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra }],
  });
  const zone = (n: string, z: string) => node(n, { labels: { zone: z } });
  const web = (n: string) => pod(n, {}, { app: 'web' });

  it('refuses a domain that would exceed the least populated one by more than maxSkew', () => {
    const nodes = cluster([zone('a', 'z1'), [web('w1'), web('w2')]], [zone('b', 'z2'), [web('w3')]], [node('c')]);
    const p = pod('w4', spread(1, 'zone'), { app: 'web' });
    expect(verdicts(podTopologySpread, cycle(p, nodes))).toEqual([
      [["node(s) didn't match pod topology spread constraints"], false],
      null,
      [["node(s) didn't match pod topology spread constraints (missing required label)"], true],
    ]);
    // With minDomains above the domains there are, the global minimum is 0.
    const q = pod('w5', spread(1, 'zone', { minDomains: 3 }), { app: 'web' });
    expect(verdicts(podTopologySpread, cycle(q, nodes))).toEqual([
      [["node(s) didn't match pod topology spread constraints"], false],
      [["node(s) didn't match pod topology spread constraints"], false],
      [["node(s) didn't match pod topology spread constraints (missing required label)"], true],
    ]);
  });

  it("keeps a node's counts as pods are added to it, as counting afresh would", () => {
    const nodes = cluster([zone('a', 'z1'), [web('w1')]], [zone('b', 'z2'), [web('w2'), web('w3')]]);
    const p = pod('w9', spread(1, 'zone'), { app: 'web' });
    expect(verdicts(podTopologySpread, cycle(p, nodes))).toEqual([null, [["node(s) didn't match pod topology spread constraints"], false]]);
    // The counts are kept now; two more replicas (and a pod of another app) bound to a.
    for (const q of [web('w4'), web('w5'), pod('other', {}, { app: 'db' })]) addPod(nodes[0], { ...q, spec: { ...q.spec, nodeName: 'a' } });
    const fresh = cluster([zone('a', 'z1'), [web('w1'), web('w4'), web('w5'), pod('other', {}, { app: 'db' })]], [zone('b', 'z2'), [web('w2'), web('w3')]]);
    expect(verdicts(podTopologySpread, cycle(p, nodes))).toEqual(verdicts(podTopologySpread, cycle(p, fresh)));
    expect(verdicts(podTopologySpread, cycle(p, nodes))).toEqual([[["node(s) didn't match pod topology spread constraints"], false], null]);
  });

  it('counts only nodes the pod could use (nodeAffinityPolicy Honor), taints ignored unless asked', () => {
    const nodes = cluster(
      [zone('a', 'z1'), [web('w1')]],
      [node('b', { labels: { zone: 'z2', tier: 'no' } })],
      [node('c', { labels: { zone: 'z3' }, taints: [CONTROL_PLANE] })],
    );
    const selective = pod('p', { ...spread(1, 'zone'), nodeSelector: { zone: 'z1' } }, { app: 'web' });
    // z2 and z3 do not match the nodeSelector, so z1 alone is a domain: no skew.
    expect((verdicts(podTopologySpread, cycle(selective, nodes)) as unknown[])[0]).toBeNull();
    const honorTaints = pod('q', spread(1, 'zone', { nodeTaintsPolicy: 'Honor' }), { app: 'web' });
    expect(verdicts(podTopologySpread, cycle(honorTaints, nodes))).toEqual([[["node(s) didn't match pod topology spread constraints"], false], null, null]);
    expect(verdicts(podTopologySpread, cycle(pod('r', {}, { app: 'web' }), nodes))).toBe('skip');
  });

  it('scores ScheduleAnyway constraints, and the system defaults for pods of a controller', () => {
    const nodes = cluster([node('a'), [web('w1'), web('w2')]], [node('b'), [web('w3')]], [node('c')]);
    const anyway = pod('p', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }] }, { app: 'web' });
    // raw = count * ln(3 + 2): 3, 2, 0 -> (max + min - s) * 100 / max.
    expect(scores(podTopologySpread, cycle(anyway, nodes))).toEqual([0, 33, 100]);
    const owned = web('w4');
    // Defaults: hostname with maxSkew 3 gives round(count * ln 5 + 2) = 5, 4, 2; no node has a zone.
    expect(scores(podTopologySpread, cycle(owned, nodes, undefined, () => [{ key: 'app', op: '=', values: ['web'] }]))).toEqual([40, 60, 100]);
    expect(scores(podTopologySpread, cycle(owned, nodes))).toBeNull();
  });
});
