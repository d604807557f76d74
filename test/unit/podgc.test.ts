// The pod garbage collector's orphans: pods bound to a node that is gone are left 40s (the
// quarantine), then marked Failed with a DisruptionTarget condition and deleted at once.
import { describe, expect, it } from 'vitest';
import { node as nodeKind } from '../../src/api/kinds/node';
import { pod } from '../../src/api/kinds/pod';
import type { Pod } from '../../src/api/types';
import { newWorld } from '../helpers/world';

describe('the pod garbage collector', () => {
  it('deletes the pods of a deleted node once it has been gone 40s, marking them Failed first', () => {
    const w = newWorld();
    w.client.create(pod.type, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { nodeName: 'pocket-worker', containers: [{ name: 'c', image: 'nginx:1.25' }] } } as Pod);
    w.engine.converge();
    const statuses: string[] = [];
    w.client.watch(pod.type, 'default', {}, (e) => {
      const p = e.object as Pod;
      if (p.metadata.name === 'p') statuses.push(`${e.type} ${p.status?.phase} ${p.status?.conditions?.find((c) => c.type === 'DisruptionTarget')?.reason ?? ''}`);
    });
    w.client.delete(nodeKind.type, undefined, 'pocket-worker');
    const t0 = w.clock.now();
    w.engine.advanceTo(t0 + 39_000);
    expect(w.client.tryGet(pod.type, 'default', 'p')).toBeDefined();
    w.engine.advanceTo(t0 + 40_000);
    expect(w.client.tryGet(pod.type, 'default', 'p')).toBeUndefined();
    expect(statuses.slice(-2)).toEqual(['MODIFIED Failed DeletionByPodGC', 'DELETED Failed DeletionByPodGC']);
  });

  it('leaves the pods of a node that comes back within the quarantine', () => {
    const w = newWorld();
    const worker = w.client.get(nodeKind.type, undefined, 'pocket-worker');
    const before = w.client.list<Pod>(pod.type).filter((p) => p.spec.nodeName === 'pocket-worker').map((p) => p.metadata.name);
    w.client.delete(nodeKind.type, undefined, 'pocket-worker');
    w.engine.advanceTo(w.clock.now() + 20_000);
    const { resourceVersion: _rv, uid: _uid, ...metadata } = worker.metadata;
    w.client.create(nodeKind.type, { ...worker, metadata });
    w.engine.advanceTo(w.clock.now() + 60_000);
    expect(w.client.list<Pod>(pod.type).filter((p) => p.spec.nodeName === 'pocket-worker').map((p) => p.metadata.name)).toEqual(before);
  });
});
