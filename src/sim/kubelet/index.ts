// The simulated kubelet: runs the pods bound to each node. A new pod gets its sandbox (pod IP),
// its images pulled (once per node unless imagePullPolicy is Always), its containers created and
// started, with the kubelet's events; a deleted pod has its containers stopped and goes away.
import { node as nodeKind } from '../../api/kinds/node';
import { pod as podKind } from '../../api/kinds/pod';
import { isPodTerminal } from '../../api/pod/status';
import { rfc3339 } from '../../api/time';
import type { Container, ContainerStatus, Node, Pod, PodStatus } from '../../api/types';
import { COMPONENTS } from '../../client/client';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { allocatePodIP } from '../network/ipam';
import { type ImageRef, fullName, imageDigest, imageID, imageSize, parseImage, pullDurationMs } from '../runtime/images';
import { phaseOf, podConditions } from './status';

interface Snapshot {
  nodes: Map<string, Node>;
  usedIPs: Map<string, Set<string>>;
  pods: Pod[];
}

function snapshot(ctx: ReconcileContext): Snapshot {
  const nodes = new Map(ctx.client.list<Node>(nodeKind.type).map((n) => [n.metadata.name!, n]));
  const usedIPs = new Map<string, Set<string>>();
  const pods: Pod[] = [];
  for (const p of ctx.client.list<Pod>(podKind.type)) {
    const nodeName = p.spec.nodeName;
    if (!nodeName || !nodes.has(nodeName)) continue;
    if (p.status?.podIP && !p.spec.hostNetwork) {
      if (!usedIPs.has(nodeName)) usedIPs.set(nodeName, new Set());
      usedIPs.get(nodeName)!.add(p.status.podIP);
    }
    if (!isPodTerminal(p) || p.metadata.deletionTimestamp) pods.push(p);
  }
  return { nodes, usedIPs, pods };
}

/** Go's time.Duration printing at millisecond precision: "850ms", "1.437s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  return `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;
}

function containerID(ctx: ReconcileContext): string {
  return `containerd://${ctx.random.string(64, '0123456789abcdef')}`;
}

function nodeIP(node: Node): string {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
}

function hasImage(node: Node, ref: ImageRef): boolean {
  const name = fullName(ref);
  return (node.status?.images ?? []).some((i) => i.names.includes(name));
}

/** Pulls (or finds) the image on the node, recording the kubelet's events. */
function ensureImage(ctx: ReconcileContext, pod: Pod, c: Container, nodeName: string): void {
  const ref = parseImage(c.image ?? '');
  const fieldPath = `spec.containers{${c.name}}`;
  const node = ctx.client.get<Node>(nodeKind.type, undefined, nodeName);
  const present = hasImage(node, ref);
  if (present && c.imagePullPolicy !== 'Always') {
    ctx.events.event(pod, 'Normal', 'Pulled', `Container image ${JSON.stringify(c.image)} already present on machine`, { fieldPath, host: nodeName });
    return;
  }
  ctx.events.event(pod, 'Normal', 'Pulling', `Pulling image ${JSON.stringify(c.image)}`, { fieldPath, host: nodeName });
  const took = formatDuration(pullDurationMs(ref));
  ctx.events.event(
    pod,
    'Normal',
    'Pulled',
    `Successfully pulled image ${JSON.stringify(c.image)} in ${took} (${took} including waiting). Image size: ${imageSize(ref)} bytes.`,
    { fieldPath, host: nodeName },
  );
  if (present) return;
  const images = [
    ...(node.status?.images ?? []),
    { names: [`${ref.registry}/${ref.repository}@${imageDigest(ref)}`, fullName(ref)], sizeBytes: imageSize(ref) },
  ];
  ctx.client.as(COMPONENTS.node(nodeName)).updateStatus(nodeKind.type, { ...node, status: { ...node.status, images } });
}

function startContainer(ctx: ReconcileContext, pod: Pod, c: Container, nodeName: string, now: number): ContainerStatus {
  ensureImage(ctx, pod, c, nodeName);
  const ref = parseImage(c.image ?? '');
  const fieldPath = `spec.containers{${c.name}}`;
  ctx.events.event(pod, 'Normal', 'Created', `Created container ${c.name}`, { fieldPath, host: nodeName });
  ctx.events.event(pod, 'Normal', 'Started', `Started container ${c.name}`, { fieldPath, host: nodeName });
  return {
    containerID: containerID(ctx),
    image: fullName(ref),
    imageID: imageID(ref),
    lastState: {},
    name: c.name,
    ready: true,
    restartCount: 0,
    started: true,
    state: { running: { startedAt: rfc3339(now) } },
  };
}

/** Moves a pod to its next state; writes nothing when it is already there. */
function syncPod(ctx: ReconcileContext, pod: Pod, node: Node, snap: Snapshot): void {
  const now = ctx.clock.now();
  const nodeName = node.metadata.name!;
  const status: PodStatus = { ...(pod.status ?? {}) };
  const host = nodeIP(node);
  status.hostIP = host;
  status.hostIPs = [{ ip: host }];
  status.startTime ??= rfc3339(now);
  if (!status.podIP) {
    const used = snap.usedIPs.get(nodeName) ?? new Set<string>();
    const ip = pod.spec.hostNetwork ? host : allocatePodIP(node.spec.podCIDR, used);
    if (ip) {
      used.add(ip);
      snap.usedIPs.set(nodeName, used);
      status.podIP = ip;
      status.podIPs = [{ ip }];
    }
  }
  const previous = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  const client = ctx.client.as(COMPONENTS.node(nodeName));
  if (pod.spec.initContainers?.length && !pod.status?.initContainerStatuses) {
    status.initContainerStatuses = pod.spec.initContainers.map((c) => {
      const started = startContainer(ctx, pod, c, nodeName, now);
      return {
        ...started,
        ready: true,
        started: false,
        state: { terminated: { containerID: started.containerID, exitCode: 0, finishedAt: rfc3339(now), reason: 'Completed', startedAt: rfc3339(now) } },
      };
    });
  }
  const statuses = pod.spec.containers.map((c) => {
    const prev = previous.get(c.name);
    return prev?.state.running ? prev : startContainer(ctx, pod, c, nodeName, now);
  });
  status.containerStatuses = statuses;
  status.phase = phaseOf(statuses);
  status.conditions = podConditions(pod, statuses, !!status.podIP, now);
  client.updateStatus(podKind.type, { ...pod, status });
}

/** Stops the containers of a deleted pod and removes it. */
function terminatePod(ctx: ReconcileContext, pod: Pod): void {
  const nodeName = pod.spec.nodeName!;
  for (const s of pod.status?.containerStatuses ?? []) {
    if (!s.state.running) continue;
    ctx.events.event(pod, 'Normal', 'Killing', `Stopping container ${s.name}`, { fieldPath: `spec.containers{${s.name}}`, host: nodeName });
  }
  ctx.client.as(COMPONENTS.node(nodeName)).delete(podKind.type, pod.metadata.namespace, pod.metadata.name!, {
    gracePeriodSeconds: 0,
    preconditions: { uid: pod.metadata.uid },
  });
}

export const kubelet: Controller<Snapshot> = {
  name: 'kubelet',

  prepare: snapshot,

  keys(_ctx, snap) {
    return snap.pods.map((p) => ({ namespace: p.metadata.namespace, name: p.metadata.name! }));
  },

  reconcile(ctx, key, snap) {
    const pod = ctx.client.tryGet<Pod>(podKind.type, key.namespace, key.name);
    if (!pod?.spec.nodeName) return;
    const node = snap.nodes.get(pod.spec.nodeName);
    if (!node) return;
    if (pod.metadata.deletionTimestamp) return terminatePod(ctx, pod);
    if (isPodTerminal(pod)) return;
    syncPod(ctx, pod, node, snap);
  },
};
