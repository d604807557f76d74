// The node lifecycle controller: a node whose kubelet stops posting status goes Unknown after
// the node monitor grace period (50s in v1.32), its pods are marked not ready and it is tainted
// unreachable (NoSchedule and NoExecute); TaintNodesByCondition mirrors the pressure conditions;
// a kubelet that comes back reports Ready again and the taints go.
import { describe, expect, it } from 'vitest';
import { node as nodeKind } from '../../src/api/kinds/node';
import { T0, nodeWorld } from './eviction-world';

const conditions = (w: ReturnType<typeof nodeWorld>, node: string) =>
  (w.node(node).status?.conditions ?? []).map((c) => `${c.type}=${c.status} ${c.reason} "${c.message}" hb=${c.lastHeartbeatTime} tr=${c.lastTransitionTime}`);
const taints = (w: ReturnType<typeof nodeWorld>, node: string) => (w.node(node).spec.taints ?? []).map((t) => `${t.key}:${t.effect}@${t.timeAdded ?? ''}`);

describe('node lifecycle controller', () => {
  it('leaves a node alone for the grace period after its kubelet stops', () => {
    const w = nodeWorld();
    w.runPod('web', 'pocket-worker');
    w.setFacts('pocket-worker', { kubeletStoppedAt: T0 });
    w.engine.converge();
    expect(w.engine.nextTimer()).toBe(T0 + 50_000);
    w.engine.advanceTo(T0 + 49_999);
    expect(conditions(w, 'pocket-worker')[3]).toBe('Ready=True KubeletReady "kubelet is posting ready status" hb=2026-11-26T12:00:00Z tr=2026-11-26T12:00:00Z');
    expect(taints(w, 'pocket-worker')).toEqual([]);
  });

  it('sets the kubelet\'s conditions Unknown, taints the node unreachable and marks its pods not ready', () => {
    const w = nodeWorld();
    w.runPod('web', 'pocket-worker');
    w.runPod('other', 'pocket-worker2');
    w.engine.advanceTo(T0 + 5_000);
    w.setFacts('pocket-worker', { kubeletStoppedAt: T0 + 5_000 });
    w.engine.advanceTo(T0 + 60_000);
    const unknown = (type: string) => `${type}=Unknown NodeStatusUnknown "Kubelet stopped posting node status." hb=2026-11-26T12:00:00Z tr=2026-11-26T12:00:55Z`;
    expect(conditions(w, 'pocket-worker')).toEqual([unknown('MemoryPressure'), unknown('DiskPressure'), unknown('PIDPressure'), unknown('Ready')]);
    expect(taints(w, 'pocket-worker')).toEqual(['node.kubernetes.io/unreachable:NoSchedule@2026-11-26T12:00:55Z', 'node.kubernetes.io/unreachable:NoExecute@2026-11-26T12:00:55Z']);
    const ready = w.pod('web').status?.conditions?.find((c) => c.type === 'Ready');
    expect(ready).toEqual({ lastProbeTime: null, lastTransitionTime: '2026-11-26T12:00:55Z', status: 'False', type: 'Ready' });
    expect(w.pod('other').status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(w.events('NodeNotReady')).toEqual([
      'Normal NodeNotReady Node/pocket-worker: Node pocket-worker status is now: NodeNotReady (node-controller) x1',
      'Warning NodeNotReady Pod/web: Node is not ready (node-controller) x1',
    ]);
    expect(taints(w, 'pocket-worker2')).toEqual([]);
    expect(w.engine.nextTimer()).toBeUndefined();
  });

  it('brings a node back when its kubelet starts again: conditions reported afresh, taints removed', () => {
    const w = nodeWorld();
    w.setFacts('pocket-worker', { kubeletStoppedAt: T0 });
    w.engine.advanceTo(T0 + 120_000);
    w.setFacts('pocket-worker', { kubeletStoppedAt: undefined });
    w.engine.converge();
    expect(conditions(w, 'pocket-worker')).toEqual([
      'MemoryPressure=False KubeletHasSufficientMemory "kubelet has sufficient memory available" hb=2026-11-26T12:02:00Z tr=2026-11-26T12:02:00Z',
      'DiskPressure=False KubeletHasNoDiskPressure "kubelet has no disk pressure" hb=2026-11-26T12:02:00Z tr=2026-11-26T12:02:00Z',
      'PIDPressure=False KubeletHasSufficientPID "kubelet has sufficient PID available" hb=2026-11-26T12:02:00Z tr=2026-11-26T12:02:00Z',
      'Ready=True KubeletReady "kubelet is posting ready status" hb=2026-11-26T12:02:00Z tr=2026-11-26T12:02:00Z',
    ]);
    expect(taints(w, 'pocket-worker')).toEqual([]);
    expect(w.events().filter((e) => e.includes('(kubelet, pocket-worker)'))).toEqual(
      ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady'].map(
        (r) => `Normal ${r} Node/pocket-worker: Node pocket-worker status is now: ${r} (kubelet, pocket-worker) x1`,
      ),
    );
  });

  it('adds no NoExecute taints while every node is down (full disruption), only the NoSchedule ones', () => {
    const w = nodeWorld();
    for (const n of ['pocket-control-plane', 'pocket-worker', 'pocket-worker2']) w.setFacts(n, { kubeletStoppedAt: T0 });
    w.engine.advanceTo(T0 + 60_000);
    expect(taints(w, 'pocket-worker')).toEqual(['node.kubernetes.io/unreachable:NoSchedule@2026-11-26T12:00:50Z']);
    expect(taints(w, 'pocket-control-plane')).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule@', 'node.kubernetes.io/unreachable:NoSchedule@2026-11-26T12:00:50Z']);
    // One node back: the others are tainted NoExecute again.
    w.engine.advanceTo(T0 + 70_000);
    w.setFacts('pocket-control-plane', { kubeletStoppedAt: undefined });
    w.engine.converge();
    expect(taints(w, 'pocket-worker')).toEqual(['node.kubernetes.io/unreachable:NoSchedule@2026-11-26T12:00:50Z', 'node.kubernetes.io/unreachable:NoExecute@2026-11-26T12:01:10Z']);
    expect(taints(w, 'pocket-control-plane')).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule@']);
  });

  it('mirrors conditions in NoSchedule taints (TaintNodesByCondition), spec.unschedulable included', () => {
    const w = nodeWorld();
    const n = w.node('pocket-worker2');
    w.client.update(nodeKind.type, { ...n, spec: { ...n.spec, unschedulable: true } });
    w.setFacts('pocket-worker2', { diskAvailable: '1Gi' });
    w.engine.converge();
    // Condition taints first, then the unschedulable one, as doNoScheduleTaintingPass lists them.
    expect(taints(w, 'pocket-worker2')).toEqual(['node.kubernetes.io/disk-pressure:NoSchedule@2026-11-26T12:00:00Z', 'node.kubernetes.io/unschedulable:NoSchedule@2026-11-26T12:00:00Z']);
    expect(w.events('EvictionThresholdMet')).toEqual(['Warning EvictionThresholdMet Node/pocket-worker2: Attempting to reclaim ephemeral-storage (kubelet, pocket-worker2) x1']);
  });
});
