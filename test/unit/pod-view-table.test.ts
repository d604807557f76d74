// `get pods` prints its table from the pods' cache views (api/pod/view.ts, CacheView.table): every
// cell printed from a view must be the cell printed from the pod. Pods in every state the table
// tells apart — each container state and last state, init containers and sidecars, deletion,
// scheduling gates, readiness gates, reasons — printed both ways, wide, with namespaces and labels.
import { describe, expect, it } from 'vitest';
import { pod as podKind } from '../../src/api/kinds/pod';
import { podView } from '../../src/api/pod/view';
import type { Condition, ContainerState, ContainerStatus, KubeObject, Pod } from '../../src/api/types';
import { podTable } from '../../src/printers/table/pod';
import { TableBuilder } from '../../src/printers/table/table';

const NOW = Date.parse('2026-11-26T12:10:00Z');

const STATES: ContainerState[] = [
  {},
  { running: { startedAt: '2026-11-26T12:01:00Z' } },
  { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container' } },
  { waiting: { reason: 'PodInitializing' } },
  { waiting: {} },
  { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2026-11-26T12:00:00Z', finishedAt: '2026-11-26T12:02:00Z' } },
  { terminated: { exitCode: 137, signal: 9, startedAt: '2026-11-26T12:00:00Z', finishedAt: '2026-11-26T12:03:00Z' } },
  { terminated: { exitCode: 2, startedAt: '2026-11-26T12:00:00Z', finishedAt: '2026-11-26T12:04:00Z' } },
  { terminated: { exitCode: 1, reason: 'Error', startedAt: '2026-11-26T12:00:00Z', finishedAt: '2026-11-26T12:05:00Z' } },
];
const LAST: ContainerState[] = [{}, { terminated: { exitCode: 1, reason: 'Error', startedAt: '2026-11-26T11:50:00Z', finishedAt: '2026-11-26T11:58:00Z' } }];

function status(name: string, i: number): ContainerStatus {
  return {
    name,
    image: 'busybox:1.36',
    imageID: '',
    state: STATES[i % STATES.length],
    lastState: LAST[(i >> 1) % LAST.length],
    ready: i % 3 === 1,
    started: i % 4 !== 0,
    restartCount: i % 5,
  };
}

const CONDITIONS: (Condition[] | undefined)[] = [
  undefined,
  [
    { type: 'Initialized', status: 'True', lastTransitionTime: '2026-11-26T12:00:00Z' },
    { type: 'Ready', status: 'True', lastTransitionTime: '2026-11-26T12:01:00Z' },
    { type: 'example.com/gate', status: 'True', lastTransitionTime: '2026-11-26T12:01:00Z' },
  ],
  [
    { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', lastTransitionTime: '2026-11-26T12:00:00Z' },
    { type: 'Ready', status: 'False', reason: 'ContainersNotReady', lastTransitionTime: '2026-11-26T12:00:00Z' },
  ],
  [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' }],
];

/** The i-th pod of the corpus: its fields vary independently, so neighbours differ in several ways. */
function pod(i: number): Pod {
  const init = i % 3 === 0 ? [] : i % 3 === 1 ? [{ name: 'setup' }] : [{ name: 'setup' }, { name: 'proxy', restartPolicy: 'Always' }];
  const containers = i % 2 ? [{ name: 'main' }] : [{ name: 'main' }, { name: 'logger' }];
  const p = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `pod-${i}`,
      namespace: i % 2 ? 'default' : 'team-a',
      uid: `uid-${i}`,
      labels: i % 4 ? { app: 'web', tier: String(i % 3) } : undefined,
      creationTimestamp: `2026-11-26T1${i % 2}:0${i % 10}:00Z`,
      deletionTimestamp: i % 7 === 0 ? '2026-11-26T12:09:00Z' : undefined,
    },
    spec: {
      containers,
      initContainers: init.length ? init : undefined,
      nodeName: i % 5 ? `worker${i % 3}` : undefined,
      readinessGates: i % 6 === 0 ? [{ conditionType: 'example.com/gate' }] : undefined,
    },
    status: {
      phase: (['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const)[i % 5],
      reason: i % 11 === 0 ? 'NodeLost' : i % 13 === 0 ? 'Evicted' : undefined,
      podIP: i % 5 ? `10.244.0.${i % 250}` : undefined,
      podIPs: i % 5 ? [{ ip: `10.244.0.${i % 250}` }, { ip: `fd00::${i}` }] : undefined,
      nominatedNodeName: i % 9 === 0 ? 'worker9' : undefined,
      conditions: CONDITIONS[i % CONDITIONS.length],
      initContainerStatuses: init.length ? init.map((c, k) => status(c.name, i * 5 + (i >> 3) + k * 3)) : undefined,
      containerStatuses: i % 8 === 7 ? undefined : containers.map((c, k) => status(c.name, i * 7 + k)),
    },
  };
  return JSON.parse(JSON.stringify(p)) as Pod;
}

function rows(objs: KubeObject[]): string {
  const table = new TableBuilder(podTable, { now: NOW, wide: true, withNamespace: true, showLabels: true, labelColumns: ['tier'] });
  for (const o of objs) table.add(o);
  return table.render(true);
}

/** A pod whose first container completed while the second runs: NotReady, or Running once Ready. */
function completedBeside(ready: boolean): Pod {
  const p = pod(1);
  p.metadata.name = `completed-beside-${ready}`;
  p.spec.containers = [{ name: 'main' }, { name: 'logger' }];
  p.status!.containerStatuses = [
    { ...status('main', 5), ready: false },
    { ...status('logger', 1), ready: true },
  ];
  p.status!.conditions = [{ type: 'Ready', status: ready ? 'True' : 'False' }];
  return p;
}

describe('the pods table printed from views', () => {
  const pods = [...Array.from({ length: 400 }, (_, i) => pod(i)), completedBeside(false), completedBeside(true)];

  it('prints every cell as it prints from the pods themselves', () => {
    const views = pods.map((p) => podView(p) as unknown as KubeObject);
    expect(rows(views)).toBe(rows(pods));
  });

  it('covers the states the table tells apart', () => {
    const text = rows(pods);
    for (const s of ['Init:', 'Init:Signal:', 'Init:ExitCode:', 'Signal:9', 'ExitCode:2', 'CrashLoopBackOff', 'Completed', 'NotReady', 'Terminating', 'Unknown', 'SchedulingGated', '(', 'worker9', '1/1']) expect(text).toContain(s);
  });

  it('is what the pod kind keeps beside each pod', () => {
    expect(podKind.view?.table).toBe(true);
    expect(podKind.view?.of(pods[1])).toEqual(podView(pods[1]));
  });
});
