// The DaemonSet controller through the engine: a pod per eligible node made for that node, the
// status it counts, its ControllerRevisions, rolling updates with and without surge, OnDelete,
// nodes that change, failed pods; and the kind's defaults and validation.
import { describe, expect, it } from 'vitest';
import { controllerrevision } from '../../src/api/kinds/controllerrevision';
import { daemonset } from '../../src/api/kinds/daemonset';
import { event } from '../../src/api/kinds/event';
import { node as nodeKind } from '../../src/api/kinds/node';
import { pod } from '../../src/api/kinds/pod';
import type { ControllerRevision, DaemonSet, Event, Node, Pod } from '../../src/api/types';
import { daemonPodTemplate, placementOn } from '../../src/controllers/daemonset/placement';
import { newWorld, statusOf, type World } from '../helpers/world';

const CONTROL_PLANE_TOLERATION = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

function createDaemonSet(w: World, name = 'agent', spec: Partial<DaemonSet['spec']> = {}, podSpec: Partial<Pod['spec']> = {}): DaemonSet {
  return w.client.create<DaemonSet>(daemonset.type, {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'agent', image: 'nginx:1.25' }], tolerations: [CONTROL_PLANE_TOLERATION], ...podSpec } },
      ...spec,
    },
  } as DaemonSet);
}

const getDs = (w: World, name = 'agent') => w.client.get<DaemonSet>(daemonset.type, 'default', name);

function setImage(w: World, image: string, name = 'agent'): void {
  const ds = getDs(w, name);
  const containers = ds.spec.template.spec.containers.map((c) => ({ ...c, image }));
  w.client.update(daemonset.type, { ...ds, spec: { ...ds.spec, template: { ...ds.spec.template, spec: { ...ds.spec.template.spec, containers } } } });
}

const podsOf = (w: World, app = 'agent') =>
  w.client
    .list<Pod>(pod.type, 'default')
    .filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp)
    .sort((a, b) => (a.spec.nodeName! < b.spec.nodeName! ? -1 : 1));

const revisions = (w: World) => w.client.list<ControllerRevision>(controllerrevision.type, 'default').sort((a, b) => a.revision - b.revision);

function events(w: World, name = 'agent'): string[] {
  return w.client
    .list<Event>(event.type, 'default')
    .filter((e) => e.involvedObject.kind === 'DaemonSet' && e.involvedObject.name === name)
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    .map((e) => `${e.reason}: ${e.message}`);
}

function updateNode(w: World, name: string, change: (n: Node) => Node): void {
  w.client.update(nodeKind.type, change(w.client.get<Node>(nodeKind.type, undefined, name)));
}

describe('the DaemonSet controller', () => {
  it('makes one pod per node, each for its node, bound by the scheduler, and counts them', () => {
    const w = newWorld();
    createDaemonSet(w);
    w.engine.converge();
    const pods = podsOf(w);
    expect(pods.map((p) => [p.spec.nodeName, p.status?.phase])).toEqual([
      ['pocket-control-plane', 'Running'],
      ['pocket-worker', 'Running'],
      ['pocket-worker2', 'Running'],
    ]);
    const [rev] = revisions(w);
    expect(rev.metadata.name).toBe(`agent-${rev.metadata.labels!['controller-revision-hash']}`);
    for (const p of pods) {
      expect(p.metadata.generateName).toBe('agent-');
      expect(p.metadata.labels).toEqual({ app: 'agent', 'controller-revision-hash': rev.metadata.labels!['controller-revision-hash'], 'pod-template-generation': '1' });
      expect(p.spec.affinity).toEqual({
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [p.spec.nodeName] }] }] } },
      });
      expect(p.spec.tolerations?.map((t) => `${t.key}:${t.operator ?? ''}:${t.effect}`)).toEqual([
        'node-role.kubernetes.io/control-plane::NoSchedule',
        'node.kubernetes.io/not-ready:Exists:NoExecute',
        'node.kubernetes.io/unreachable:Exists:NoExecute',
        'node.kubernetes.io/disk-pressure:Exists:NoSchedule',
        'node.kubernetes.io/memory-pressure:Exists:NoSchedule',
        'node.kubernetes.io/pid-pressure:Exists:NoSchedule',
        'node.kubernetes.io/unschedulable:Exists:NoSchedule',
      ]);
    }
    const ds = getDs(w);
    expect(ds.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    expect(ds.status).toEqual({
      currentNumberScheduled: 3,
      desiredNumberScheduled: 3,
      numberAvailable: 3,
      numberMisscheduled: 0,
      numberReady: 3,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
    });
    expect(rev.revision).toBe(1);
    expect(rev.data).toMatchObject({ spec: { template: { $patch: 'replace', metadata: { creationTimestamp: null, labels: { app: 'agent' } } } } });
    expect(events(w).map((e) => e.replace(/agent-\w{5}$/, 'agent-x'))).toEqual(Array(3).fill('SuccessfulCreate: Created pod: agent-x'));
  });

  it('leaves out nodes its selector, affinity or taints exclude', () => {
    const w = newWorld();
    createDaemonSet(w, 'workers', {}, { tolerations: [] });
    createDaemonSet(w, 'picky', {}, { nodeSelector: { 'kubernetes.io/hostname': 'pocket-worker2' } });
    w.engine.converge();
    expect(podsOf(w, 'workers').map((p) => p.spec.nodeName)).toEqual(['pocket-worker', 'pocket-worker2']);
    expect(podsOf(w, 'picky').map((p) => p.spec.nodeName)).toEqual(['pocket-worker2']);
    expect(getDs(w, 'workers').status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2 });
  });

  it('follows nodes: a NoSchedule taint keeps the pod (misscheduled), a NoExecute taint removes it, a new node gets one', () => {
    const w = newWorld();
    createDaemonSet(w, 'agent', {}, { tolerations: [] });
    w.engine.converge();
    updateNode(w, 'pocket-worker', (n) => ({ ...n, spec: { ...n.spec, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } }));
    w.engine.converge();
    expect(podsOf(w).map((p) => p.spec.nodeName)).toEqual(['pocket-worker', 'pocket-worker2']);
    expect(getDs(w).status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 1 });
    updateNode(w, 'pocket-worker', (n) => ({ ...n, spec: { ...n.spec, taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] } }));
    w.engine.converge();
    expect(podsOf(w).map((p) => p.spec.nodeName)).toEqual(['pocket-worker2']);
    expect(getDs(w).status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 0 });
    const worker = w.client.get<Node>(nodeKind.type, undefined, 'pocket-worker2');
    w.client.create(nodeKind.type, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'pocket-worker3', labels: { ...worker.metadata.labels, 'kubernetes.io/hostname': 'pocket-worker3' } }, spec: {} } as Node);
    w.engine.converge();
    const third = w.client.list<Pod>(pod.type, 'default').filter((p) => p.spec.affinity && JSON.stringify(p.spec.affinity).includes('pocket-worker3'));
    expect(third).toHaveLength(1);
    expect(getDs(w).status?.desiredNumberScheduled).toBe(2);
  });

  it('rolls a new template out node by node (maxUnavailable 1) and records a second revision', () => {
    const w = newWorld();
    createDaemonSet(w);
    w.engine.converge();
    const before = podsOf(w).map((p) => p.metadata.name);
    setImage(w, 'nginx:1.26');
    w.engine.converge();
    const [r1, r2] = revisions(w);
    expect([r1.revision, r2.revision]).toEqual([1, 2]);
    const hash = r2.metadata.labels!['controller-revision-hash'];
    const pods = podsOf(w);
    expect(pods.map((p) => [p.spec.containers[0].image, p.metadata.labels!['controller-revision-hash'], p.metadata.labels!['pod-template-generation']])).toEqual(
      Array(3).fill(['nginx:1.26', hash, '2']),
    );
    expect(pods.some((p) => before.includes(p.metadata.name))).toBe(false);
    // Each old pod goes before its node's new one is made: delete, create, three times.
    const kinds = events(w).slice(3).map((e) => e.split(':')[0]);
    expect(kinds).toEqual(['SuccessfulDelete', 'SuccessfulCreate', 'SuccessfulDelete', 'SuccessfulCreate', 'SuccessfulDelete', 'SuccessfulCreate']);
    expect(getDs(w).status).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 2 });
  });

  it('with maxSurge makes the new pod beside the old one and deletes the old once the new is available', () => {
    const w = newWorld();
    createDaemonSet(w, 'agent', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } });
    w.engine.converge();
    setImage(w, 'nginx:1.26');
    w.engine.converge();
    expect(podsOf(w).map((p) => p.spec.containers[0].image)).toEqual(Array(3).fill('nginx:1.26'));
    const kinds = events(w).slice(3).map((e) => e.split(':')[0]);
    expect(kinds).toEqual(['SuccessfulCreate', 'SuccessfulDelete', 'SuccessfulCreate', 'SuccessfulDelete', 'SuccessfulCreate', 'SuccessfulDelete']);
  });

  it('OnDelete leaves old pods until they are deleted, then replaces them from the new template', () => {
    const w = newWorld();
    createDaemonSet(w, 'agent', { updateStrategy: { type: 'OnDelete' } });
    w.engine.converge();
    setImage(w, 'nginx:1.26');
    w.engine.converge();
    expect(podsOf(w).map((p) => p.spec.containers[0].image)).toEqual(Array(3).fill('nginx:1.25'));
    expect(getDs(w).status?.updatedNumberScheduled).toBeUndefined();
    expect(getDs(w).status?.observedGeneration).toBe(2);
    const victim = podsOf(w)[1];
    w.client.delete(pod.type, 'default', victim.metadata.name!, { gracePeriodSeconds: 0 });
    w.engine.converge();
    expect(podsOf(w).map((p) => p.spec.containers[0].image)).toEqual(['nginx:1.25', 'nginx:1.26', 'nginx:1.25']);
    expect(getDs(w).status?.updatedNumberScheduled).toBe(1);
  });

  it('renumbers a template that comes back and keeps revisionHistoryLimit old revisions that no pod runs', () => {
    const w = newWorld();
    createDaemonSet(w, 'agent', { revisionHistoryLimit: 1 });
    w.engine.converge();
    setImage(w, 'nginx:1.26');
    w.engine.converge();
    setImage(w, 'nginx:1.25');
    w.engine.converge();
    // Revision 1's template is current again: it becomes 3; 2 stays as the one old revision kept.
    expect(revisions(w).map((r) => r.revision)).toEqual([2, 3]);
    setImage(w, 'nginx:1.27');
    w.engine.converge();
    expect(revisions(w).map((r) => r.revision)).toEqual([3, 4]);
  });

  it('replaces a failed pod, saying so', () => {
    const w = newWorld();
    createDaemonSet(w);
    w.engine.converge();
    const victim = podsOf(w)[2];
    w.client.updateStatus(pod.type, { ...victim, status: { ...victim.status, phase: 'Failed', reason: 'Evicted' } });
    w.engine.converge();
    expect(events(w)).toContain(`FailedDaemonPod: Found failed daemon pod default/${victim.metadata.name} on node pocket-worker2, will try to kill it`);
    const now = podsOf(w);
    expect(now.map((p) => p.spec.nodeName)).toEqual(['pocket-control-plane', 'pocket-worker', 'pocket-worker2']);
    expect(now.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
  });

  it('deletes its pods and revisions with it', () => {
    const w = newWorld();
    createDaemonSet(w);
    w.engine.converge();
    w.client.delete(daemonset.type, 'default', 'agent');
    w.engine.converge();
    expect(podsOf(w)).toEqual([]);
    expect(revisions(w)).toEqual([]);
  });
});

describe('daemon pod placement', () => {
  const ds = {
    metadata: { name: 'net', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { k: 'v' } },
      template: {
        metadata: { labels: { k: 'v' } },
        spec: {
          hostNetwork: true,
          containers: [],
          tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }],
          affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }] } } },
        },
      },
    },
  } as unknown as DaemonSet;

  it('replaces a toleration it would add, adds network-unavailable for hostNetwork, and puts the node in the required terms', () => {
    const t = daemonPodTemplate(ds, 'n1', 'abc', 3);
    expect(t.metadata?.labels).toEqual({ k: 'v', 'pod-template-generation': '3', 'controller-revision-hash': 'abc' });
    expect(t.spec.tolerations?.map((x) => `${x.key}:${x.effect}:${x.tolerationSeconds ?? ''}`)).toEqual([
      'node.kubernetes.io/unschedulable:NoSchedule:',
      'node.kubernetes.io/not-ready:NoExecute:',
      'node.kubernetes.io/unreachable:NoExecute:',
      'node.kubernetes.io/disk-pressure:NoSchedule:',
      'node.kubernetes.io/memory-pressure:NoSchedule:',
      'node.kubernetes.io/pid-pressure:NoSchedule:',
      'node.kubernetes.io/network-unavailable:NoSchedule:',
    ]);
    expect(t.spec.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } });
  });

  it('judges a node by the template: its required affinity, then its taints', () => {
    const node = (labels: Record<string, string>, taints: Node['spec']['taints'] = []) => ({ metadata: { name: 'n1', labels }, spec: { taints } }) as Node;
    expect(placementOn(node({}), ds)).toEqual({ shouldRun: false, shouldContinueRunning: false });
    expect(placementOn(node({ a: '1' }), ds)).toEqual({ shouldRun: true, shouldContinueRunning: true });
    expect(placementOn(node({ a: '1' }, [{ key: 'x', effect: 'NoSchedule' }]), ds)).toEqual({ shouldRun: false, shouldContinueRunning: true });
    expect(placementOn(node({ a: '1' }, [{ key: 'x', effect: 'NoExecute' }]), ds)).toEqual({ shouldRun: false, shouldContinueRunning: false });
    expect(placementOn(node({ a: '1' }, [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }]), ds)).toEqual({ shouldRun: true, shouldContinueRunning: true });
  });
});

describe('the DaemonSet kind', () => {
  it('defaults its strategy and history limit and refuses what the API server refuses', () => {
    const w = newWorld();
    const ds = createDaemonSet(w);
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    const refuse = (spec: Partial<DaemonSet['spec']>, podSpec: Partial<Pod['spec']> = {}) => statusOf(() => createDaemonSet(w, 'bad', spec, podSpec)).message;
    expect(refuse({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } })).toBe(
      'DaemonSet.apps "bad" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero',
    );
    expect(refuse({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } })).toBe(
      'DaemonSet.apps "bad" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    );
    expect(refuse({ updateStrategy: { type: 'Sometimes' as 'OnDelete' } })).toBe(
      'DaemonSet.apps "bad" is invalid: spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Sometimes", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
    );
    expect(refuse({}, { restartPolicy: 'Never' })).toBe('DaemonSet.apps "bad" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"');
  });

  it('moves the template generation on only when the template changes', () => {
    const w = newWorld();
    createDaemonSet(w);
    const gen = () => getDs(w).metadata.annotations?.['deprecated.daemonset.template.generation'];
    w.client.update(daemonset.type, { ...getDs(w), spec: { ...getDs(w).spec, minReadySeconds: 5 } });
    expect([gen(), getDs(w).metadata.generation]).toEqual(['1', 2]);
    setImage(w, 'nginx:1.26');
    expect([gen(), getDs(w).metadata.generation]).toEqual(['2', 3]);
  });
});

describe('the DaemonSet controller, further', () => {
  it('takes its pods off nodes a new node selector leaves out, and scales maxUnavailable by percentage', () => {
    const w = newWorld();
    createDaemonSet(w, 'agent', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%', maxSurge: 0 } } });
    w.engine.converge();
    const ds = getDs(w);
    const template = { ...ds.spec.template, spec: { ...ds.spec.template.spec, nodeSelector: { 'kubernetes.io/hostname': 'pocket-worker' } } };
    w.client.update(daemonset.type, { ...ds, spec: { ...ds.spec, template } });
    w.engine.converge();
    expect(podsOf(w).map((p) => p.spec.nodeName)).toEqual(['pocket-worker']);
    expect(getDs(w).status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 0, updatedNumberScheduled: 1 });
  });

  it('adopts a matching orphan on a node: OnDelete keeps it, a rolling update replaces it (it carries no revision hash)', () => {
    const stray = (w: World) =>
      w.client.create(pod.type, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'stray', namespace: 'default', labels: { app: 'agent' } },
        spec: {
          containers: [{ name: 'agent', image: 'nginx:1.25' }],
          affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['pocket-worker'] }] }] } } },
        },
      } as Pod);
    const kept = newWorld();
    stray(kept);
    kept.engine.converge();
    createDaemonSet(kept, 'agent', { updateStrategy: { type: 'OnDelete' } });
    kept.engine.converge();
    const onWorker = podsOf(kept).filter((p) => p.spec.nodeName === 'pocket-worker');
    expect(onWorker.map((p) => p.metadata.name)).toEqual(['stray']);
    expect(onWorker[0].metadata.ownerReferences?.[0]).toMatchObject({ kind: 'DaemonSet', name: 'agent', controller: true });
    expect(podsOf(kept)).toHaveLength(3);
    expect(getDs(kept).status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, updatedNumberScheduled: 2 });

    const replaced = newWorld();
    stray(replaced);
    replaced.engine.converge();
    createDaemonSet(replaced);
    replaced.engine.converge();
    expect(podsOf(replaced).map((p) => p.metadata.name)).not.toContain('stray');
    expect(events(replaced)).toContain('SuccessfulDelete: Deleted pod: stray');
    expect(getDs(replaced).status).toMatchObject({ desiredNumberScheduled: 3, updatedNumberScheduled: 3 });
  });
});
