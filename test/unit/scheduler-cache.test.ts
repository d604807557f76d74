// The scheduler's cache is made from the bound pods' views (their placement: requests, host ports,
// whether they have pod affinity terms), not from whole pods: a pod is fetched whole only for what
// a view does not keep, and the plugins decide as they do over whole pods.
import { describe, expect, it } from 'vitest';
import { podView } from '../../src/api/pod/view';
import { deepFreeze } from '../../src/apiserver/freeze';
import type { Node, Pod } from '../../src/api/types';
import { type Cycle, type FilterPlugin, type NodeInfo, type PodInfo, addPod, addPodInfo, newNodeInfo, podInfoOfView } from '../../src/controllers/scheduler/framework';
import { interPodAffinity } from '../../src/controllers/scheduler/plugins/interpodaffinity';
import { nodePorts } from '../../src/controllers/scheduler/plugins/nodeports';
import { nodeResourcesFit } from '../../src/controllers/scheduler/plugins/noderesourcesfit';

const node = (name: string): Node =>
  ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    spec: {},
    status: { allocatable: { cpu: '1', memory: '1Gi', pods: '110' } },
  }) as Node;

const pod = (name: string, spec: Partial<Pod['spec']>, labels: Record<string, string> = {}): Pod =>
  deepFreeze({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}`, labels }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } } as Pod);

const antiAffinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }] } };

describe("a bound pod's view", () => {
  it('keeps what the pod takes of its node: requests (and the scoring defaults), host ports, pod affinity; its IP', () => {
    const bound = pod('a', {
      nodeName: 'n1',
      containers: [
        { name: 'c', image: 'nginx', resources: { requests: { cpu: '250m', memory: '64Mi' } }, ports: [{ containerPort: 80, hostPort: 8080 }] },
        { name: 'd', image: 'busybox' },
      ],
      affinity: antiAffinity,
    } as Partial<Pod['spec']>);
    const placed = podView(bound).placed!;
    expect(placed.requests).toMatchObject({ milliCPU: 250, memory: 64 * 1024 * 1024 });
    // The container without requests counts as 100m and 200Mi when scoring.
    expect(placed.nonZeroRequests).toMatchObject({ milliCPU: 350, memory: 264 * 1024 * 1024 });
    expect(placed.hostPorts).toEqual([{ ip: '0.0.0.0', protocol: 'TCP', port: 8080 }]);
    expect(placed.podAffinity).toBe(true);
    expect(podView(pod('b', {})).placed).toBeUndefined();
    // The kubelet finds the IPs in use on a node from views too.
    const running = deepFreeze({ ...pod('r', { nodeName: 'n1' }), status: { phase: 'Running', podIP: '10.244.1.7' } } as Pod);
    expect(podView(running).status.podIP).toBe('10.244.1.7');
    expect(podView(pod('h', { nodeName: 'n1', hostNetwork: true } as Partial<Pod['spec']>)).spec.hostNetwork).toBe(true);
    expect(podView(pod('c', { nodeName: 'n1' })).placed).toEqual({ requests: expect.any(Object), nonZeroRequests: expect.any(Object) });
  });
});

describe("the scheduler's cache from views", () => {
  function infoFromViews(pods: Pod[], fetched: string[]): NodeInfo {
    const info = newNodeInfo(node('n1'));
    for (const p of pods)
      addPodInfo(
        info,
        podInfoOfView(podView(p), () => {
          fetched.push(p.metadata.name!);
          return p;
        }),
      );
    return info;
  }
  const cycle = (incoming: Pod, nodes: NodeInfo[]): Cycle => ({
    pod: incoming,
    nodes,
    namespaceLabels: () => ({}),
    namespaces: () => [{ name: 'default', labels: {} }],
    defaultSpreadSelector: () => [],
  });
  const verdict = (plugin: FilterPlugin, c: Cycle) => {
    const pre = plugin.preFilter(c);
    return pre.kind === 'filter' ? c.nodes.map((n) => pre.filter(n)?.reasons ?? null) : pre.kind;
  };

  it('fetches a bound pod whole only when it has pod affinity terms, and decides as over whole pods', () => {
    const running = [
      pod('big', { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '800m' } }, ports: [{ containerPort: 80, hostPort: 80 }] }] } as Partial<Pod['spec']>),
      pod('guard', { nodeName: 'n1', affinity: antiAffinity } as Partial<Pod['spec']>, { app: 'db' }),
    ];
    const incoming = pod('web', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '300m' } }, ports: [{ containerPort: 80, hostPort: 80 }] }] } as Partial<Pod['spec']>, { app: 'web' });
    const fetched: string[] = [];
    const fromViews = infoFromViews(running, fetched);
    const whole = newNodeInfo(node('n1'));
    for (const p of running) addPod(whole, p);

    for (const plugin of [nodeResourcesFit, nodePorts, interPodAffinity]) expect(verdict(plugin, cycle(incoming, [fromViews]))).toEqual(verdict(plugin, cycle(incoming, [whole])));
    expect(verdict(nodeResourcesFit, cycle(incoming, [fromViews]))).toEqual([['Insufficient cpu']]);
    expect(verdict(nodePorts, cycle(incoming, [fromViews]))).toEqual([["node(s) didn't have free ports for the requested pod ports"]]);
    expect(verdict(interPodAffinity, cycle(incoming, [fromViews]))).toEqual([["node(s) didn't satisfy existing pods anti-affinity rules"]]);
    expect(fetched).toEqual(['guard']);
    expect(fromViews.requested).toEqual(whole.requested);
    expect(fromViews.pods.map((p: PodInfo) => p.pod.metadata.name)).toEqual(['big', 'guard']);
  });
});
