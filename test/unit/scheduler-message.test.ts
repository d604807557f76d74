// The FailedScheduling message as kube-scheduler builds it: the filters' reasons counted per node
// and sorted, a PreFilter's verdict in their place, and DefaultPreemption's part, which depends
// on whether a node's rejection is resolvable and whether it has lower-priority pods.
import { describe, expect, it } from 'vitest';
import type { Node, Pod, Taint } from '../../src/api/types';
import type { Client } from '../../src/client/client';
import { addPod, newNodeInfo } from '../../src/controllers/scheduler/framework';
import { fitErrorMessage, reasonHistogram } from '../../src/controllers/scheduler/fiterror';
import { preempt } from '../../src/controllers/scheduler/preemption';
import { findFeasible } from '../../src/controllers/scheduler/schedule';
import { type Snapshot, cycleFor } from '../../src/controllers/scheduler/snapshot';

const CONTROL_PLANE: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

function node(name: string, taints?: Taint[], labels: Record<string, string> = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
    spec: { taints },
    status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
  } as Node;
}

let uid = 0;
function pod(name: string, spec: Partial<Pod['spec']> = {}, cpu?: string): Pod {
  const resources = cpu ? { requests: { cpu } } : undefined;
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `u${++uid}` }, spec: { containers: [{ name: 'c', image: 'nginx', resources }], priority: 0, ...spec } } as Pod;
}

function snapshot(...entries: [Node, Pod[]?][]): Snapshot {
  const nodes = entries.map(([n, pods]) => {
    const info = newNodeInfo(n);
    for (const p of pods ?? []) addPod(info, { ...p, spec: { ...p.spec, nodeName: n.metadata.name } });
    return info;
  });
  return { nodes, byName: new Map(nodes.map((n) => [n.node.metadata.name!, n])), namespaces: [{ name: 'default', labels: {} }], client: {} as Client };
}

/** What the scheduler reports for a pod that fits nowhere. */
function message(snap: Snapshot, p: Pod): string {
  const { feasible, statuses, preFilterStatus } = findFeasible(cycleFor(snap, p));
  expect(feasible).toEqual([]);
  const outcome = preempt(snap, p, statuses);
  return fitErrorMessage({
    numNodes: snap.nodes.length,
    nodeReasons: snap.nodes.map((n) => statuses.get(n.node.metadata.name!)?.reasons ?? []),
    preFilterMessage: preFilterStatus?.reasons.join(', '),
    postFilterMessage: outcome.kind === 'failed' ? outcome.message : undefined,
  });
}

const kind3 = () => snapshot([node('pocket-control-plane', [CONTROL_PLANE])], [node('pocket-worker')], [node('pocket-worker2')]);

describe('the FailedScheduling message', () => {
  it('counts reasons per node, sorted as strings, then what preemption found', () => {
    expect(message(kind3(), pod('big', {}, '10'))).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    expect(message(kind3(), pod('lost', { nodeSelector: { disk: 'ssd' } }))).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    // Each reason of a node counts: "Insufficient cpu" and "Insufficient memory" both.
    expect(reasonHistogram(['b', 'a', 'b', '10 x'])).toBe('1 10 x, 1 a, 2 b');
  });

  it('reports a PreFilter verdict once, and nodes a PreFilter ruled out by plugin name', () => {
    const conflict = pod('x', {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }, { key: 'metadata.name', operator: 'In', values: ['b'] }] }],
          },
        },
      },
    });
    expect(message(kind3(), conflict)).toBe(
      '0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    const pinned = pod('ds', {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['pocket-worker'] }] }] } } },
      containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '5' } } }],
    });
    expect(message(kind3(), pinned)).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
  });

  it('says why preemption is not tried', () => {
    expect(message(kind3(), pod('polite', { preemptionPolicy: 'Never' }, '10'))).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    );
    expect(fitErrorMessage({ numNodes: 0, nodeReasons: [] })).toBe('0/0 nodes are available:');
  });

  it('names what still does not fit once lower-priority pods are gone, and nominates a node when something would', () => {
    const low = (n: string) => pod(n, { priority: -10 }, '3');
    const snap = snapshot([node('cp', [CONTROL_PLANE])], [node('w1'), [low('a'), pod('keep', { priority: 100 }, '1')]], [node('w2'), [low('b')]]);
    const huge = pod('huge', { priority: 1000 }, '5');
    expect(message(snap, huge)).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {cp: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 Insufficient cpu.'.replace('{cp: }', '{node-role.kubernetes.io/control-plane: }'),
    );
    const needy = pod('needy', { priority: 1000 }, '3500m');
    const { statuses } = findFeasible(cycleFor(snap, needy));
    const outcome = preempt(snap, needy, statuses);
    expect(outcome.kind === 'nominate' && [outcome.candidate.node.node.metadata.name, outcome.candidate.victims.map((v) => v.metadata.name)]).toEqual(['w2', ['b']]);
  });
});
