// pocketkube map's renderer: a model of nodes and pods in every state a pod shows, drawn without
// colour (exact text: the words alone tell each state) and with colour (the same text once the
// colour codes are taken out, each state in its own colour).
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Node, Pod } from '../../src/api/types';
import { renderMap } from '../../src/printers/map';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const T0 = '2026-11-26T11:00:00Z';

function node(name: string, extra: { ready?: string; memoryPressure?: string; taints?: Node['spec']['taints']; unschedulable?: boolean; role?: string } = {}): Node {
  const cond = (type: string, status: string) => ({ type, status, lastHeartbeatTime: T0, lastTransitionTime: T0 });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: extra.role ? { [`node-role.kubernetes.io/${extra.role}`]: '' } : {} },
    spec: { taints: extra.taints, unschedulable: extra.unschedulable },
    status: {
      capacity: { cpu: '4', memory: '8Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
      conditions: [
        cond('MemoryPressure', extra.memoryPressure ?? 'False'),
        cond('DiskPressure', 'False'),
        cond('PIDPressure', 'False'),
        cond('Ready', extra.ready ?? 'True'),
      ],
    },
  } as Node;
}

interface PodShape {
  node?: string;
  ns?: string;
  phase?: NonNullable<Pod['status']>['phase'];
  ready?: boolean;
  /** The pod's Ready condition when it differs from its containers' (an unreachable node's pods). */
  podReady?: boolean;
  state?: ContainerStatus['state'];
  cpu?: string;
  memory?: string;
  deleting?: boolean;
  scheduled?: { reason: string; message?: string };
}

function pod(name: string, s: PodShape): Pod {
  const running = s.phase === 'Running';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: s.ns ?? 'default', creationTimestamp: T0, ...(s.deleting ? { deletionTimestamp: '2026-11-26T11:59:50Z' } : {}) },
    spec: {
      nodeName: s.node,
      containers: [{ name: 'app', image: 'nginx:1.25', resources: { requests: { ...(s.cpu ? { cpu: s.cpu } : {}), ...(s.memory ? { memory: s.memory } : {}) } } }],
    },
    status: {
      phase: s.phase ?? 'Pending',
      conditions: [
        s.scheduled ? { type: 'PodScheduled', status: 'False', ...s.scheduled } : { type: 'PodScheduled', status: 'True' },
        ...(running ? [{ type: 'Ready', status: (s.podReady ?? s.ready) ? 'True' : 'False' }] : []),
      ],
      ...(s.node
        ? {
            containerStatuses: [
              { name: 'app', image: 'nginx:1.25', imageID: '', ready: !!s.ready, restartCount: 0, state: s.state ?? (running ? { running: { startedAt: T0 } } : { waiting: { reason: 'ContainerCreating' } }) },
            ],
          }
        : {}),
    },
  } as Pod;
}

const UNSCHEDULABLE = '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.';

const model = {
  nodes: [
    node('worker', { ready: 'Unknown', memoryPressure: 'True', unschedulable: true, taints: [{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }, { key: 'dedicated', value: 'db', effect: 'NoExecute' }] }),
    node('control', { role: 'control-plane', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
  ],
  pods: [
    pod('api', { node: 'control', ns: 'kube-system', phase: 'Running', ready: true, cpu: '250m', memory: '100Mi' }),
    pod('web-1', { node: 'worker', phase: 'Running', ready: true, cpu: '1', memory: '512Mi' }),
    pod('web-2', { node: 'worker', phase: 'Running', ready: false, cpu: '500m' }),
    pod('cut-off', { node: 'worker', phase: 'Running', ready: true, podReady: false }),
    pod('crash', { node: 'worker', phase: 'Running', state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } }, cpu: '100m' }),
    pod('starting', { node: 'worker', phase: 'Pending', cpu: '100m' }),
    pod('pull', { node: 'worker', phase: 'Pending', state: { waiting: { reason: 'ImagePullBackOff' } } }),
    // Finished pods hold nothing of the node (describe node leaves them out of the figures).
    pod('done', { node: 'worker', phase: 'Succeeded', state: { terminated: { exitCode: 0, reason: 'Completed' } }, cpu: '2' }),
    pod('broke', { node: 'worker', phase: 'Failed', state: { terminated: { exitCode: 1, reason: 'Error' } }, cpu: '2' }),
    pod('leaving', { node: 'worker', phase: 'Running', ready: true, deleting: true, cpu: '100m' }),
    pod('big-1', { scheduled: { reason: 'Unschedulable', message: UNSCHEDULABLE } }),
    pod('big-2', { scheduled: { reason: 'Unschedulable', message: UNSCHEDULABLE } }),
    pod('gated', { scheduled: { reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' } }),
    pod('orphan', { node: 'gone', phase: 'Running', ready: true }),
  ],
};

const PLAIN = `Cluster at 2026-11-26T12:00:00Z: 2 nodes, 14 pods, 3 not scheduled
┌──────────────────────────────────────────────────────────────────────────────────────────┐
│ control  Ready  control-plane                                                            │
├─────────────────┬────────────────────────────────────────────────────────────────────────┤
│ Conditions      │ Ready=True MemoryPressure=False DiskPressure=False PIDPressure=False   │
│ Taints          │ node-role.kubernetes.io/control-plane:NoSchedule                       │
│ Unschedulable   │ false                                                                  │
│ CPU requests    │ 250m (6%) of 4                                                         │
│ Memory requests │ 100Mi (1%) of 8Gi                                                      │
│ Pods (1)        │ kube-system/api  Running  1/1                                          │
└─────────────────┴────────────────────────────────────────────────────────────────────────┘
┌──────────────────────────────────────────────────────────────────────────────────────────┐
│ worker  NotReady,SchedulingDisabled                                                      │
├─────────────────┬────────────────────────────────────────────────────────────────────────┤
│ Conditions      │ Ready=Unknown MemoryPressure=True DiskPressure=False PIDPressure=False │
│ Taints          │ dedicated=db:NoExecute                                                 │
│                 │ node.kubernetes.io/memory-pressure:NoSchedule                          │
│ Unschedulable   │ true                                                                   │
│ CPU requests    │ 1800m (45%) of 4                                                       │
│ Memory requests │ 512Mi (6%) of 8Gi                                                      │
│ Pods (9)        │ default/broke     Error              0/1                               │
│                 │ default/crash     CrashLoopBackOff   0/1                               │
│                 │ default/cut-off   Running            1/1  not ready                    │
│                 │ default/done      Completed          0/1                               │
│                 │ default/leaving   Terminating        1/1                               │
│                 │ default/pull      ImagePullBackOff   0/1                               │
│                 │ default/starting  ContainerCreating  0/1                               │
│                 │ default/web-1     Running            1/1                               │
│                 │ default/web-2     Running            0/1  not ready                    │
└─────────────────┴────────────────────────────────────────────────────────────────────────┘
┌──────────────────────────────────────────────────────────────────────────────────────────┐
│ gone  no such node                                                                       │
├─────────────────┬────────────────────────────────────────────────────────────────────────┤
│ Pods (1)        │ default/orphan  Running  1/1                                           │
└─────────────────┴────────────────────────────────────────────────────────────────────────┘
┌──────────────────────────────────────────────────────────────────────────────────────────┐
│ Not scheduled (3)                                                                        │
├─────────────────────────────────────┬────────────────────────────────────────────────────┤
│ default/big-1  Pending          0/1 │ 0/2 nodes are available: 1 Insufficient cpu, 1     │
│ default/big-2  Pending          0/1 │ node(s) had untolerated taint                      │
│                                     │ {node-role.kubernetes.io/control-plane: }.         │
│                                     │ preemption: 0/2 nodes are available: 2 No          │
│                                     │ preemption victims found for incoming pod.         │
├─────────────────────────────────────┼────────────────────────────────────────────────────┤
│ default/gated  SchedulingGated  0/1 │ Scheduling is blocked due to non-empty scheduling  │
│                                     │ gates                                              │
└─────────────────────────────────────┴────────────────────────────────────────────────────┘
`;

describe('pocketkube map renderer', () => {
  it('draws each node with its pods and the unscheduled pods apart, in words', () => {
    expect(renderMap(model, { now: NOW, color: false })).toBe(PLAIN);
  });

  it('says the same in colour, each state in its own', () => {
    const colored = renderMap(model, { now: NOW, color: true });
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toBe(PLAIN);
    const RED = '\u001b[31m';
    const GREEN = '\u001b[32m';
    const YELLOW = '\u001b[33m';
    const cases: [open: string, text: string][] = [
      [GREEN, 'kube-system/api  Running'],
      [GREEN, 'default/web-1 '],
      [YELLOW, 'default/web-2 '],
      [YELLOW, 'default/cut-off '],
      [RED, 'default/crash '],
      [RED, 'default/pull '],
      [`${RED}\u001b[1m`, 'default/broke '],
      ['\u001b[90m', 'default/done '],
      ['\u001b[35m', 'default/leaving '],
      ['\u001b[36m', 'default/starting '],
      ['\u001b[36m', 'default/big-1 '],
      ['\u001b[36m', 'default/gated '],
      [GREEN, 'default/orphan '],
      [YELLOW, 'Ready=Unknown'],
      [RED, 'MemoryPressure=True'],
      [GREEN, 'DiskPressure=False'],
      [RED, 'NotReady'],
      [YELLOW, 'SchedulingDisabled'],
      [YELLOW, 'true'],
      ['\u001b[1m', 'Not scheduled (3)'],
    ];
    for (const [open, text] of cases) expect(colored, text).toContain(`${open}${text}`);
  });

  it('draws an empty cluster as its title alone', () => {
    expect(renderMap({ nodes: [], pods: [] }, { now: NOW, color: true })).toBe('Cluster at 2026-11-26T12:00:00Z: 0 nodes, 0 pods, 0 not scheduled\n');
  });
});
