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
import { fullName, imageID, parseImage } from '../runtime/images';
import { pullImage } from './pull';
import { type SyncOutcome, forgetPods, notDueFor, scheduleNext } from './podworker';
import { phaseOf, podConditions, waitingStatus } from './status';

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

function containerID(ctx: ReconcileContext): string {
  return `containerd://${ctx.random.string(64, '0123456789abcdef')}`;
}

function nodeIP(node: Node): string {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
}

/** Starts a container once its image is there; while the image cannot be pulled it waits. */
function startContainer(ctx: ReconcileContext, pod: Pod, c: Container, nodeName: string, now: number): { status: ContainerStatus; outcome: SyncOutcome } {
  const pull = pullImage(ctx, pod, c, nodeName);
  if (!pull.ok) return { status: waitingStatus(c, pull.reason, c.image ?? '', pull.message), outcome: pull.reason === 'ErrImagePull' ? 'error' : 'backoff' };
  const ref = parseImage(c.image ?? '');
  const fieldPath = `spec.containers{${c.name}}`;
  ctx.events.event(pod, 'Normal', 'Created', `Created container ${c.name}`, { fieldPath, host: nodeName });
  ctx.events.event(pod, 'Normal', 'Started', `Started container ${c.name}`, { fieldPath, host: nodeName });
  return {
    status: {
      containerID: containerID(ctx),
      image: fullName(ref),
      imageID: imageID(ref),
      lastState: {},
      name: c.name,
      ready: true,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: rfc3339(now) } },
    },
    outcome: 'done',
  };
}

/** Moves a pod to its next state (writing nothing when it is already there); says how it went. */
function syncPod(ctx: ReconcileContext, pod: Pod, node: Node, snap: Snapshot): { outcome: SyncOutcome; sandboxCreated: boolean } {
  const now = ctx.clock.now();
  const nodeName = node.metadata.name!;
  const status: PodStatus = { ...(pod.status ?? {}) };
  const host = nodeIP(node);
  status.hostIP = host;
  status.hostIPs = [{ ip: host }];
  status.startTime ??= rfc3339(now);
  const sandboxCreated = !status.podIP;
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
  const client = ctx.client.as(COMPONENTS.node(nodeName));
  // A failed pull makes the whole sync an error; a back-off alone does not.
  let outcome: SyncOutcome = 'done';
  const note = (o: SyncOutcome) => {
    if (o === 'error' || (o === 'backoff' && outcome === 'done')) outcome = o;
  };
  // Init containers run to completion, in order, before the others start.
  let initialized = true;
  if (pod.spec.initContainers?.length) {
    const previousInit = new Map((pod.status?.initContainerStatuses ?? []).map((s) => [s.name, s]));
    status.initContainerStatuses = [];
    for (const c of pod.spec.initContainers) {
      const prev = previousInit.get(c.name);
      if (prev?.state.terminated) {
        status.initContainerStatuses.push(prev);
        continue;
      }
      if (!initialized) {
        status.initContainerStatuses.push(waitingStatus(c, 'PodInitializing', c.image ?? ''));
        continue;
      }
      const run = startContainer(ctx, pod, c, nodeName, now);
      note(run.outcome);
      if (!run.status.state.running) {
        status.initContainerStatuses.push(run.status);
        initialized = false;
        continue;
      }
      status.initContainerStatuses.push({
        ...run.status,
        ready: true,
        started: false,
        state: { terminated: { containerID: run.status.containerID, exitCode: 0, finishedAt: rfc3339(now), reason: 'Completed', startedAt: rfc3339(now) } },
      });
    }
  }
  const previous = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  const statuses = pod.spec.containers.map((c) => {
    const prev = previous.get(c.name);
    if (prev?.state.running) return prev;
    if (!initialized) return waitingStatus(c, 'PodInitializing', c.image ?? '');
    const run = startContainer(ctx, pod, c, nodeName, now);
    note(run.outcome);
    return run.status;
  });
  status.containerStatuses = statuses;
  status.phase = phaseOf(statuses);
  const pendingInit = (status.initContainerStatuses ?? []).filter((s) => !s.state.terminated).map((s) => s.name);
  status.conditions = podConditions(pod, statuses, !!status.podIP, now, pendingInit);
  client.updateStatus(podKind.type, { ...pod, status });
  return { outcome, sandboxCreated };
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

  prepare(ctx) {
    const snap = snapshot(ctx);
    forgetPods(ctx, new Set(snap.pods.map((p) => p.metadata.uid!)));
    return snap;
  },

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
    // Between its syncs the kubelet leaves a pod alone.
    const wait = notDueFor(ctx, pod);
    if (wait !== undefined) return { requeueAfterMs: wait };
    const { outcome, sandboxCreated } = syncPod(ctx, pod, node, snap);
    const next = scheduleNext(ctx, pod, outcome, sandboxCreated);
    return next !== undefined ? { requeueAfterMs: next } : undefined;
  },
};
