// A small cluster for the node-health unit tests: three nodes as kubeadm registers them, pods
// put into Running by hand (standing in for the kubelet's pod workers), and only the node-health
// components in the engine: the eviction manager, the node status setters and the node lifecycle
// controller. The kubelet's machine facts are written straight onto the nodes' disks.
import { event } from '../../src/api/kinds/event';
import { namespace } from '../../src/api/kinds/namespace';
import { node as nodeKind } from '../../src/api/kinds/node';
import { pod as podKind } from '../../src/api/kinds/pod';
import { serviceaccount } from '../../src/api/kinds/serviceaccount';
import { rfc3339 } from '../../src/api/time';
import type { Container, Event, Node, Pod } from '../../src/api/types';
import { COMPONENTS, type Client } from '../../src/client/client';
import { EventRecorder, EventSequence } from '../../src/client/events';
import { nodeLifecycleController } from '../../src/controllers/nodelifecycle';
import type { AnyController } from '../../src/engine/controller';
import { Engine } from '../../src/engine/engine';
import { evictionManager } from '../../src/sim/kubelet/eviction';
import { type MachineFacts, kubeletSilentSince, machineFacts, setMachineFacts } from '../../src/sim/kubelet/nodestate';
import { nodeStatusReporter } from '../../src/sim/node/status';
import type { SimClock } from '../../src/sim/clock';
import { StoreAreas } from '../../src/store/areas';
import { T0, newApi } from '../helpers/world';

export { T0 };
export const NODES = ['pocket-control-plane', 'pocket-worker', 'pocket-worker2'];

export interface NodeWorld {
  clock: SimClock;
  client: Client;
  engine: Engine;
  disk: StoreAreas;
  setFacts(node: string, change: Partial<MachineFacts>): void;
  /** A pod bound to `node` and running, as its kubelet would report it. */
  runPod(name: string, node: string, spec?: { containers?: Container[]; annotations?: Record<string, string>; priority?: number }): Pod;
  pod(name: string): Pod;
  node(name: string): Node;
  events(reason?: string): string[];
}

function nodeObject(name: string, t: string): Node {
  const resources = { cpu: '4', 'ephemeral-storage': '102626232Ki', memory: '8131940Ki', pods: '110' };
  const condition = (type: string, status: string, reason: string, message: string) => ({ lastHeartbeatTime: t, lastTransitionTime: t, message, reason, status, type });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    spec: name.includes('control-plane') ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {},
    status: {
      allocatable: { ...resources },
      capacity: { ...resources },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
    },
  } as Node;
}

export function nodeWorld(): NodeWorld {
  const { store, clock, random, server, client } = newApi();
  const sequence = new EventSequence();
  for (const ns of ['default', 'kube-system']) {
    client.create(namespace.type, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    client.create(serviceaccount.type, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
  }
  for (const n of NODES) client.create(nodeKind.type, nodeObject(n, rfc3339(T0)));
  const disk = new StoreAreas(store);
  const kubelet = client.as({ name: 'system:node', groups: ['system:nodes', 'system:authenticated'] });
  const manager = client.as(COMPONENTS.controllerManager);
  const bind = (controller: AnyController, c: Client, component: string) => ({
    controller,
    client: c,
    events: new EventRecorder(c, clock, sequence, { component }),
  });
  const engine = new Engine(
    [bind(evictionManager, kubelet, 'kubelet'), bind(nodeStatusReporter, kubelet, 'kubelet'), bind(nodeLifecycleController(kubeletSilentSince), manager, 'node-controller')],
    { clock, random, writes: server, disk },
  );
  engine.converge();
  return {
    clock,
    client,
    engine,
    disk,
    setFacts(node, change) {
      setMachineFacts(disk, node, { ...machineFacts(disk, node), ...change });
    },
    runPod(name, node, spec = {}) {
      const created = client.create<Pod>(podKind.type, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'default', annotations: spec.annotations },
        spec: { nodeName: node, containers: spec.containers ?? [{ name: 'app', image: 'nginx:1.25' }], priority: spec.priority },
      } as Pod);
      const t = rfc3339(clock.now());
      const ready = (type: string) => ({ lastProbeTime: null, lastTransitionTime: t, status: 'True' as const, type });
      return client.updateStatus<Pod>(podKind.type, {
        ...created,
        status: {
          phase: 'Running',
          conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(ready),
          containerStatuses: created.spec.containers.map((c) => ({
            containerID: `containerd://${c.name}`,
            image: c.image!,
            imageID: '',
            lastState: {},
            name: c.name,
            ready: true,
            restartCount: 0,
            started: true,
            state: { running: { startedAt: t } },
          })),
        },
      });
    },
    pod: (name) => client.get<Pod>(podKind.type, 'default', name),
    node: (name) => client.get<Node>(nodeKind.type, undefined, name),
    events(reason) {
      return client
        .list<Event>(event.type)
        .filter((e) => !reason || e.reason === reason)
        .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
        .map((e) => `${e.type} ${e.reason} ${e.involvedObject.kind}/${e.involvedObject.name}: ${e.message} (${e.source?.component}${e.source?.host ? `, ${e.source.host}` : ''}) x${e.count ?? 1}`);
    },
  };
}

/** A container with memory requests and limits (either may be omitted). */
export function container(name: string, requests?: Record<string, string>, limits?: Record<string, string>): Container {
  return { name, image: 'nginx:1.25', resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } };
}
