// The node lifecycle controller in the whole default cluster (test/helpers/world.ts): every
// controller and the kubelet converge around a worker whose kubelet stops and starts again.
import { describe, expect, it } from 'vitest';
import { node as nodeKind } from '../../src/api/kinds/node';
import type { Node } from '../../src/api/types';
import { machineFacts, setMachineFacts } from '../../src/sim/kubelet/nodestate';
import { StoreAreas } from '../../src/store/areas';
import { T0, newWorld } from '../helpers/world';

describe('node lifecycle in the default cluster', () => {
  it('marks a silent worker NotReady and tainted after 50s, and clears it when the kubelet is back', () => {
    const w = newWorld();
    const disk = new StoreAreas(w.store);
    const node = () => w.client.get<Node>(nodeKind.type, undefined, 'pocket-worker');
    const ready = () => node().status?.conditions?.find((c) => c.type === 'Ready')?.status;
    setMachineFacts(disk, 'pocket-worker', { ...machineFacts(disk, 'pocket-worker'), kubeletStoppedAt: T0 });
    w.engine.converge();
    w.engine.advanceTo(T0 + 49_000);
    expect(ready()).toBe('True');
    w.engine.advanceTo(T0 + 50_000);
    expect(ready()).toBe('Unknown');
    expect(node().spec.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    setMachineFacts(disk, 'pocket-worker', {});
    w.engine.converge();
    expect(ready()).toBe('True');
    expect(node().spec.taints).toBeUndefined();
  });
});
