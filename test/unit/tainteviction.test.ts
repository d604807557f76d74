// The taint-eviction controller among the others: pods that do not tolerate a node's NoExecute
// taint go at once, tolerationSeconds run out on the cluster clock, a taint removed in time
// cancels the eviction, and a toleration without seconds keeps the pod for good.
import { describe, expect, it } from 'vitest';
import { event } from '../../src/api/kinds/event';
import { node as nodeKind } from '../../src/api/kinds/node';
import { pod } from '../../src/api/kinds/pod';
import type { Event, Node, Pod, Taint, Toleration } from '../../src/api/types';
import { matchingTolerations, minTolerationMs, taintEvictionController } from '../../src/controllers/tainteviction';
import { T0, newWorld, type World } from '../helpers/world';

const NODE = 'pocket-worker';

function createPod(w: World, name: string, tolerations?: Toleration[]): void {
  w.client.create<Pod>(pod.type, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName: NODE, tolerations, containers: [{ name: 'c', image: 'nginx' }] },
  } as Pod);
}

function setTaints(w: World, taints: Taint[] | null): void {
  w.client.patch<Node>(nodeKind.type, undefined, NODE, 'merge', { spec: { taints } });
}

const names = (w: World) => w.client.list<Pod>(pod.type, 'default').map((p) => p.metadata.name);

function evictionEvents(w: World): string[][] {
  return w.client
    .list<Event>(event.type, 'default')
    .filter((e) => e.reason === 'TaintManagerEviction')
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    .map((e) => [e.source?.component ?? '', e.involvedObject.name!, e.message!]);
}

const MAINT: Taint = { key: 'maintenance', value: 'now', effect: 'NoExecute' };
const tolerate = (seconds?: number): Toleration[] => [{ key: 'maintenance', operator: 'Exists', effect: 'NoExecute', ...(seconds !== undefined ? { tolerationSeconds: seconds } : {}) }];

describe('the taint-eviction controller', () => {
  it('evicts pods that do not tolerate the taint at once, marking them first', () => {
    const w = newWorld();
    createPod(w, 'plain');
    createPod(w, 'forever', tolerate());
    w.engine.converge();
    const seen: string[] = [];
    w.client.watch(pod.type, 'default', {}, (e) => {
      const c = (e.object as Pod).status?.conditions?.find((x) => x.type === 'DisruptionTarget');
      if (c) seen.push(`${e.type} ${e.object.metadata.name} ${c.reason}: ${c.message}`);
    });
    setTaints(w, [MAINT]);
    w.engine.converge();
    expect(names(w)).toEqual(['forever']);
    expect(seen[0]).toBe('MODIFIED plain DeletionByTaintManager: Taint manager: deleting due to NoExecute taint');
    expect(evictionEvents(w)).toEqual([['taint-eviction-controller', 'plain', 'Marking for deletion Pod default/plain']]);
    // Tolerated without a limit: still there an hour later.
    w.engine.advanceTo(T0 + 3600_000);
    expect(names(w)).toEqual(['forever']);
  });

  it('evicts when the shortest tolerationSeconds runs out, on the cluster clock', () => {
    const w = newWorld();
    // Each taint counts with the first toleration that tolerates it; the shortest of those wins.
    createPod(w, 'patient', [...tolerate(90), { key: 'other', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }, { operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 1 }]);
    w.engine.converge();
    setTaints(w, [MAINT, { key: 'other', effect: 'NoExecute' }]);
    w.engine.converge();
    w.engine.advanceTo(T0 + 59_000);
    expect(names(w)).toEqual(['patient']);
    w.engine.advanceTo(T0 + 60_000);
    expect(names(w)).toEqual([]);
    expect(evictionEvents(w)).toEqual([['taint-eviction-controller', 'patient', 'Marking for deletion Pod default/patient']]);
  });

  it('cancels the eviction when the taint goes first', () => {
    const w = newWorld();
    createPod(w, 'lucky', tolerate(300));
    w.engine.converge();
    setTaints(w, [MAINT]);
    w.engine.converge();
    w.engine.advanceTo(T0 + 120_000);
    setTaints(w, null);
    w.engine.converge();
    w.engine.advanceTo(T0 + 600_000);
    expect(names(w)).toEqual(['lucky']);
    expect(evictionEvents(w)).toEqual([['taint-eviction-controller', 'lucky', 'Cancelling deletion of Pod default/lucky']]);
  });

  it('looks at a pod when it is bound, gone, or changes node, tolerations, deletion or end; not at a pending pod\'s status writes', () => {
    const w = newWorld();
    const watch = taintEvictionController.watches.find((x) => x.type === pod.type)!;
    const keys = (type: 'ADDED' | 'MODIFIED' | 'DELETED', object: Pod, oldObject?: Pod) => watch.keys!({ type, object, oldObject }, w.engine.informers).map((k) => k.name);
    const pending = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [] } } as unknown as Pod;
    const bound = { ...pending, spec: { ...pending.spec, nodeName: NODE } };
    expect(keys('ADDED', pending)).toEqual([]);
    expect(keys('MODIFIED', { ...pending, status: { phase: 'Pending', conditions: [] } }, pending)).toEqual([]);
    expect(keys('ADDED', bound)).toEqual(['p']);
    expect(keys('MODIFIED', bound, pending)).toEqual(['p']);
    expect(keys('MODIFIED', { ...bound, status: { phase: 'Running' } }, bound)).toEqual([]);
    expect(keys('MODIFIED', { ...bound, spec: { ...bound.spec, tolerations: tolerate(60) } }, bound)).toEqual(['p']);
    expect(keys('MODIFIED', { ...bound, metadata: { ...bound.metadata, deletionTimestamp: '2026-11-26T12:00:00Z' } }, bound)).toEqual(['p']);
    expect(keys('MODIFIED', { ...bound, status: { phase: 'Succeeded' } }, bound)).toEqual(['p']);
    expect(keys('DELETED', pending)).toEqual(['p']);
  });

  it('matches tolerations to taints as the real controller does', () => {
    const taints: Taint[] = [MAINT, { key: 'other', effect: 'NoExecute' }];
    expect(matchingTolerations(taints, tolerate(5)).all).toBe(false);
    const both = matchingTolerations(taints, [...tolerate(5), { key: 'other', operator: 'Exists' }]);
    expect([both.all, minTolerationMs(both.used)]).toEqual([true, 5000]);
    expect(minTolerationMs(tolerate())).toBe(-1);
    expect(minTolerationMs(tolerate(0))).toBe(0);
    expect(minTolerationMs([])).toBe(0);
  });
});
