// The scheduler running with the other controllers: pending pods are placed as soon as room
// appears, the Unschedulable condition follows the reasons as they change, replicas spread, a
// pod naming its node is left alone, and a high-priority pod preempts.
import { describe, expect, it } from 'vitest';
import { deployment } from '../../src/api/kinds/deployment';
import { event } from '../../src/api/kinds/event';
import { node as nodeKind } from '../../src/api/kinds/node';
import { pod } from '../../src/api/kinds/pod';
import type { Deployment, Event, Node, Pod } from '../../src/api/types';
import { deploymentObject } from '../helpers/manifests';
import { newWorld, type World } from '../helpers/world';
import { Verdicts } from '../../src/controllers/scheduler/verdicts';
import { schedulingQueueWatches } from '../../src/controllers/scheduler/queue';
import { podView } from '../../src/api/pod/view';

function createPod(w: World, name: string, spec: Partial<Pod['spec']> = {}, labels?: Record<string, string>): void {
  w.client.create<Pod>(pod.type, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
  } as Pod);
}

function getPod(w: World, name: string): Pod {
  return w.client.get<Pod>(pod.type, 'default', name);
}

function scheduledCondition(w: World, name: string): unknown {
  const c = getPod(w, name).status?.conditions?.find((x) => x.type === 'PodScheduled');
  return c && [c.status, c.reason, c.message];
}

function patchNode(w: World, name: string, patch: Record<string, unknown>): void {
  w.client.patch<Node>(nodeKind.type, undefined, name, 'merge', patch);
}

function eventsOf(w: World, name: string): string[][] {
  return w.client
    .list<Event>(event.type, 'default')
    .filter((e) => e.involvedObject.name === name)
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    .map((e) => [e.reason!, e.message!]);
}

const TAINTED_CP = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

describe('the scheduler among the controllers', () => {
  it('places a pending pod once a node gets the label it selects', () => {
    const w = newWorld();
    createPod(w, 'picky', { nodeSelector: { disk: 'ssd' } });
    w.engine.converge();
    const message = `0/3 nodes are available: ${TAINTED_CP}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`;
    expect(scheduledCondition(w, 'picky')).toEqual(['False', 'Unschedulable', message]);
    patchNode(w, 'pocket-worker2', { metadata: { labels: { disk: 'ssd' } } });
    w.engine.converge();
    expect(getPod(w, 'picky').spec.nodeName).toBe('pocket-worker2');
    expect(scheduledCondition(w, 'picky')).toEqual(['True', undefined, undefined]);
    expect(eventsOf(w, 'picky').slice(0, 2)).toEqual([
      ['FailedScheduling', message],
      ['Scheduled', 'Successfully assigned default/picky to pocket-worker2'],
    ]);
  });

  it('updates the verdict when the reasons change, and schedules once a node is uncordoned', () => {
    const w = newWorld();
    patchNode(w, 'pocket-worker', { spec: { unschedulable: true } });
    patchNode(w, 'pocket-worker2', { spec: { unschedulable: true } });
    w.engine.converge();
    createPod(w, 'waiting');
    w.engine.converge();
    const cordoned = `0/3 nodes are available: ${TAINTED_CP}, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`;
    expect(scheduledCondition(w, 'waiting')).toEqual(['False', 'Unschedulable', cordoned]);
    const since = getPod(w, 'waiting').status!.conditions!.find((c) => c.type === 'PodScheduled')!.lastTransitionTime;
    // Nothing new: nothing written.
    const writes = w.server.writeCount;
    w.engine.converge();
    expect(w.server.writeCount).toBe(writes);
    // One worker back but tainted: a new reason, a new message, the same transition time.
    patchNode(w, 'pocket-worker', { spec: { unschedulable: null, taints: [{ key: 'maint', value: 'yes', effect: 'NoSchedule' }] } });
    w.engine.converge();
    const tainted = `0/3 nodes are available: 1 node(s) had untolerated taint {maint: yes}, ${TAINTED_CP}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`;
    expect(scheduledCondition(w, 'waiting')).toEqual(['False', 'Unschedulable', tainted]);
    w.clock.advance(60_000);
    patchNode(w, 'pocket-worker2', { spec: { unschedulable: null } });
    w.engine.converge();
    expect(getPod(w, 'waiting').spec.nodeName).toBe('pocket-worker2');
    expect(eventsOf(w, 'waiting').map(([r]) => r).slice(0, 3)).toEqual(['FailedScheduling', 'FailedScheduling', 'Scheduled']);
    expect(since).toBe('2026-11-26T12:00:00Z');
  });

  it('moves pending pods on a node update only when the node may have become more schedulable', () => {
    const w = newWorld();
    createPod(w, 'picky', { nodeSelector: { disk: 'ssd' } });
    w.engine.converge();
    const watch = schedulingQueueWatches.find((x) => x.type === nodeKind.type)!;
    const node = w.client.get<Node>(nodeKind.type, undefined, 'pocket-worker2');
    const moved = (next: Node) => watch.keys!({ type: 'MODIFIED', object: next, oldObject: node }, w.engine.informers).map((k) => k.name);
    const conditions = node.status!.conditions!;
    // What no plugin looks at: the images it holds, a heartbeat.
    expect(moved({ ...node, status: { ...node.status, images: [{ names: ['busybox:1.36'], sizeBytes: 1 }] } })).toEqual([]);
    expect(moved({ ...node, status: { ...node.status, conditions: conditions.map((c) => ({ ...c, lastHeartbeatTime: '2030-01-01T00:00:00Z' })) } })).toEqual([]);
    // Cordoned: less schedulable, nobody moves.
    expect(moved({ ...node, spec: { ...node.spec, unschedulable: true } })).toEqual([]);
    // Labels, taints, allocatable, annotations, a condition's status, becoming schedulable again.
    expect(moved({ ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, disk: 'ssd' } } })).toEqual(['picky']);
    expect(moved({ ...node, spec: { ...node.spec, taints: [{ key: 'k', effect: 'NoSchedule' }] } })).toEqual(['picky']);
    expect(moved({ ...node, status: { ...node.status, allocatable: { ...node.status!.allocatable, cpu: '1' } } })).toEqual(['picky']);
    expect(moved({ ...node, metadata: { ...node.metadata, annotations: { a: 'b' } } })).toEqual(['picky']);
    expect(moved({ ...node, status: { ...node.status, conditions: conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' } : c)) } })).toEqual(['picky']);
    const cordoned = { ...node, spec: { ...node.spec, unschedulable: true } };
    expect(watch.keys!({ type: 'MODIFIED', object: node, oldObject: cordoned }, w.engine.informers).map((k) => k.name)).toEqual(['picky']);
  });

  it('places a pod waiting for room when another goes away', () => {
    const w = newWorld();
    const cpu = (n: string) => ({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: n } } }] });
    createPod(w, 'a', cpu('3'));
    createPod(w, 'b', cpu('3'));
    w.engine.converge();
    createPod(w, 'c', cpu('3'));
    w.engine.converge();
    expect(scheduledCondition(w, 'c')).toEqual([
      'False',
      'Unschedulable',
      `0/3 nodes are available: ${TAINTED_CP}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`,
    ]);
    const freed = getPod(w, 'a').spec.nodeName;
    w.client.delete(pod.type, 'default', 'a');
    w.engine.converge();
    expect(getPod(w, 'c').spec.nodeName).toBe(freed);
  });

  it('takes pending pods highest priority first, then the longest waiting', () => {
    const w = newWorld();
    const cpu = (n: string, priority = 0) => ({ priority, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: n } } }] });
    createPod(w, 'hog1', cpu('3'));
    createPod(w, 'hog2', cpu('3'));
    w.engine.converge();
    createPod(w, 'a-early', cpu('3'));
    w.clock.advance(1000);
    createPod(w, 'b-late', cpu('3'));
    // More important, but not allowed to preempt the hogs.
    createPod(w, 'c-urgent', { ...cpu('3', 10), preemptionPolicy: 'Never' });
    w.engine.converge();
    w.client.delete(pod.type, 'default', 'hog1');
    w.client.delete(pod.type, 'default', 'hog2');
    w.engine.converge();
    const placed = w.client.list<Pod>(pod.type, 'default').filter((p) => p.spec.nodeName).map((p) => p.metadata.name);
    // Two workers free, three pods waiting: the important one, then the one waiting longest.
    expect(placed).toEqual(['a-early', 'c-urgent']);
  });

  it('spreads replicas and leaves pods that name their node alone', () => {
    const w = newWorld();
    w.client.create<Deployment>(deployment.type, deploymentObject('web', 6, { name: 'c', image: 'nginx' }));
    createPod(w, 'pinned', { nodeName: 'pocket-control-plane' });
    w.engine.converge();
    const counts: Record<string, number> = {};
    for (const p of w.client.list<Pod>(pod.type, 'default', { labelSelector: 'app=web' })) counts[p.spec.nodeName!] = (counts[p.spec.nodeName!] ?? 0) + 1;
    expect(counts).toEqual({ 'pocket-worker': 3, 'pocket-worker2': 3 });
    expect(getPod(w, 'pinned').spec.nodeName).toBe('pocket-control-plane');
    expect(eventsOf(w, 'pinned').map(([r]) => r)).not.toContain('Scheduled');
  });

  it('preempts lower-priority pods for a more important one and nominates the node', () => {
    const w = newWorld();
    const spec = (cpu: string, priority: number) => ({ priority, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }] });
    createPod(w, 'low1', spec('3', 0));
    createPod(w, 'low2', spec('3', 0));
    w.engine.converge();
    const victimNode = getPod(w, 'low1').spec.nodeName;
    createPod(w, 'vip', { ...spec('3', 1000), priorityClassName: undefined });
    w.engine.converge();
    const vip = getPod(w, 'vip');
    const left = w.client.list<Pod>(pod.type, 'default').map((p) => p.metadata.name).sort();
    expect(left).toHaveLength(2);
    expect(vip.spec.nodeName).toBeDefined();
    const victim = left.includes('low1') ? 'low2' : 'low1';
    const events = eventsOf(w, victim);
    expect(events).toContainEqual(['Preempted', `Preempted by pod ${vip.metadata.uid} on node ${vip.spec.nodeName}`]);
    expect(vip.status?.nominatedNodeName).toBe(vip.spec.nodeName);
    expect(eventsOf(w, 'vip')[0]).toEqual(['FailedScheduling', `0/3 nodes are available: ${TAINTED_CP}, 2 Insufficient cpu.`]);
    expect([victimNode, 'pocket-worker', 'pocket-worker2']).toContain(vip.spec.nodeName);
  });
});

describe('the verdicts shared by identical pods', () => {
  const replica = (token: string, cpu = '100m'): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${token}`, namespace: 'default', labels: { app: 'web' } },
    spec: {
      containers: [{ name: 'web', image: 'nginx', resources: { requests: { cpu } }, volumeMounts: [{ name: `kube-api-access-${token}`, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] }],
      volumes: [{ name: `kube-api-access-${token}`, projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }],
    },
  });

  it('are shared by replicas whose token volumes are named apart', () => {
    const v = new Verdicts();
    v.set(podView(replica('abcde')), '0/3 nodes are available');
    expect(v.get(podView(replica('fghjk')))).toBe('0/3 nodes are available');
    v.clear();
    expect(v.get(podView(replica('fghjk')))).toBeUndefined();
  });

  it('are not shared when something a plugin looks at differs', () => {
    const v = new Verdicts();
    v.set(podView(replica('abcde')), 'no');
    expect(v.get(podView(replica('abcde', '200m')))).toBeUndefined();
    const claim = replica('abcde');
    claim.spec.volumes = [{ name: 'data', persistentVolumeClaim: { claimName: 'other' } }];
    expect(v.get(podView(claim))).toBeUndefined();
    const relabelled = replica('abcde');
    relabelled.metadata.labels = { app: 'other' };
    expect(v.get(podView(relabelled))).toBeUndefined();
    // Strings are told apart where they end, numbers from strings.
    const args = (a: unknown[]) => {
      const p = replica('abcde');
      p.spec.containers[0].args = a as string[];
      return podView(p);
    };
    v.set(args(['ab', 'c']), 'split');
    expect(v.get(args(['a', 'bc']))).toBeUndefined();
    expect(v.get(args(['ab', 'c']))).toBe('split');
    v.set(args([1]), 'number');
    expect(v.get(args(['1']))).toBeUndefined();
    // A name that only looks like a token's elsewhere still has to match.
    const renamed = replica('abcde');
    renamed.spec.containers[0].name = 'kube-api-access-zzzzz';
    expect(v.get(podView(renamed))).toBeUndefined();
  });

  it('count a token-like name as the token only where it is a value, and only a whole one', () => {
    const selecting = (key: string) => {
      const p = replica('abcde');
      p.spec.nodeSelector = { [key]: 'x' };
      return p;
    };
    const v = new Verdicts();
    v.set(podView(selecting('kube-api-access-aaaaa')), 'no');
    // A key is not a volume's name: two selectors on different keys are different pods.
    expect(v.get(podView(selecting('kube-api-access-bbbbb')))).toBeUndefined();
    expect(v.get(podView(selecting('kube-api-access-aaaaa')))).toBe('no');
    const bare = replica('abcde');
    bare.spec.volumes = [{ name: 'kube-api-access-', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }];
    v.set(podView(replica('abcde')), 'token');
    expect(v.get(podView(bare))).toBeUndefined();
  });
});
