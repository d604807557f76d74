// The simulated kubelet: runs the pods bound to each node. A new pod gets its sandbox (pod IP),
// then its init containers in order and its containers (containers.ts: pull, start, run, exit,
// restart with back-off, probes); the pod's phase and conditions follow the containers. A deleted
// pod has its containers stopped within the grace period and goes away.
import { node as nodeKind } from '../../api/kinds/node';
import { pod as podKind } from '../../api/kinds/pod';
import { isPodTerminal } from '../../api/pod/status';
import { deepEqual } from '../../api/meta/equal';
import { rfc3339 } from '../../api/time';
import type { Container, ContainerStatus, Node, Pod, PodStatus } from '../../api/types';
import { COMPONENTS } from '../../client/client';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { allocatePodIP } from '../network/ipam';
import { type ContainerSync, type PodRun, isSidecar, nextWake, nodeIP, restartPolicyOf, stopContainer, stopsAt, syncContainer } from './containers';
import { type SyncOutcome, forgetPods, notDueFor, scheduleNext } from './podworker';
import { admitPod } from './eviction';
import { kubeletRunning } from './nodestate';
import { forgetPod, getRecord, podsOnDisk } from './records';
import { phaseOf, podConditions, waitingStatus } from './status';
import { unmountableVolumes } from './volumes';

interface Snapshot {
  nodes: Map<string, Node>;
  usedIPs: Map<string, Set<string>>;
  pods: Pod[];
  /** Every pod in the API, terminal ones included (their logs stay until they are deleted). */
  allUids: string[];
}

function snapshot(ctx: ReconcileContext): Snapshot {
  const nodes = new Map(ctx.client.list<Node>(nodeKind.type).map((n) => [n.metadata.name!, n]));
  const usedIPs = new Map<string, Set<string>>();
  const pods: Pod[] = [];
  const allUids: string[] = [];
  for (const p of ctx.client.list<Pod>(podKind.type)) {
    allUids.push(p.metadata.uid!);
    const nodeName = p.spec.nodeName;
    if (!nodeName || !nodes.has(nodeName)) continue;
    if (p.status?.podIP && !p.spec.hostNetwork) {
      if (!usedIPs.has(nodeName)) usedIPs.set(nodeName, new Set());
      usedIPs.get(nodeName)!.add(p.status.podIP);
    }
    if (!isPodTerminal(p) || p.metadata.deletionTimestamp) pods.push(p);
  }
  return { nodes, usedIPs, pods, allUids };
}

/** Brings the pod's containers up to date and writes its status; says how the sync went. */
function syncPod(ctx: ReconcileContext, pod: Pod, node: Node, snap: Snapshot): { outcome: SyncOutcome; sandboxCreated: boolean; wakeAt?: number } {
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
  const run: PodRun = { ctx, view: { client, disk: ctx.disk, now }, pod: { ...pod, status }, node, now, cpus: cpusOf(node) };
  // A failed pull or start makes the whole sync an error; a back-off alone does not.
  let outcome: SyncOutcome = 'done';
  const wakes: number[] = [];
  const note = (r: ContainerSync) => {
    if (r.outcome === 'error' || (r.outcome === 'backoff' && outcome === 'done')) outcome = r.outcome;
    if (r.wakeAt !== undefined) wakes.push(r.wakeAt);
    return r.status;
  };
  // Volumes first: without them no container is created.
  const mountErrors = unmountableVolumes(client, pod);
  if (mountErrors.length) {
    for (const m of mountErrors) ctx.events.event(pod, 'Warning', 'FailedMount', m, { host: nodeName });
    const waitingFor = (reason: string) => (c: Container) => waitingStatus(c, reason, c.image ?? '');
    if (pod.spec.initContainers?.length) status.initContainerStatuses = pod.spec.initContainers.map(waitingFor('PodInitializing'));
    status.containerStatuses = pod.spec.containers.map(waitingFor(pod.spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating'));
    status.phase = 'Pending';
    status.conditions = podConditions(pod, status.initContainerStatuses ?? [], status.containerStatuses, !!status.podIP, 'Pending', now);
    client.updateStatus(podKind.type, { ...pod, status });
    return { outcome: 'error', sandboxCreated };
  }
  // Init containers run to completion, in order (sidecars start and keep running), before the others.
  let initialized = true;
  const initStatuses: ContainerStatus[] = [];
  for (const c of pod.spec.initContainers ?? []) {
    if (!initialized) {
      initStatuses.push(waitingStatus(c, 'PodInitializing', c.image ?? ''));
      continue;
    }
    const s = note(syncContainer(run, c, restartPolicyOf(pod, c, true)));
    initStatuses.push(s);
    const done = isSidecar(c) ? !!s.started && !!s.state.running : s.state.terminated?.exitCode === 0;
    if (!done) initialized = false;
  }
  if (initStatuses.length) status.initContainerStatuses = initStatuses;
  status.containerStatuses = pod.spec.containers.map((c) =>
    initialized ? note(syncContainer(run, c, restartPolicyOf(pod, c, false))) : waitingStatus(c, 'PodInitializing', c.image ?? ''),
  );
  const phase = phaseOf(pod, initStatuses, status.containerStatuses);
  status.phase = phase;
  status.conditions = podConditions(pod, initStatuses, status.containerStatuses, !!status.podIP, phase, now);
  // Most syncs of a running pod change nothing: skip the API round trip then.
  if (!deepEqual(pod.status, status)) client.updateStatus(podKind.type, { ...pod, status });
  if (phase === 'Succeeded' || phase === 'Failed') return { outcome: 'done', sandboxCreated };
  return { outcome, sandboxCreated, wakeAt: wakes.length ? Math.min(...wakes) : undefined };
}

function cpusOf(node: Node): number {
  return Math.max(1, Math.floor(Number.parseFloat(String(node.status?.capacity?.cpu ?? '1'))));
}

/** The kubelet's admission refused the pod (a node under pressure): it fails without running. */
function rejectPod(ctx: ReconcileContext, pod: Pod, node: Node, why: { reason: string; message: string }): void {
  const now = ctx.clock.now();
  ctx.events.event(pod, 'Warning', why.reason, why.message, { host: node.metadata.name });
  const status: PodStatus = { ...(pod.status ?? {}), phase: 'Failed', reason: why.reason, message: why.message, startTime: rfc3339(now) };
  ctx.client.as(COMPONENTS.node(node.metadata.name!)).updateStatus(podKind.type, { ...pod, status });
}

/**
 * A deleted pod: every live container gets its preStop hook and SIGTERM, and SIGKILL when the
 * grace period ends; once all have stopped the kubelet removes the pod from the API.
 */
function terminatePod(ctx: ReconcileContext, pod: Pod, node: Node): number | undefined {
  const nodeName = node.metadata.name!;
  const now = ctx.clock.now();
  const client = ctx.client.as(COMPONENTS.node(nodeName));
  const run: PodRun = { ctx, view: { client, disk: ctx.disk, now }, pod, node, now, cpus: cpusOf(node) };
  const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  // The earliest moment a container still running needs the kubelet (a wake, its exit, SIGKILL).
  let next = Infinity;
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    const rec = getRecord(ctx.disk, pod.metadata.uid!, c.name);
    if (!rec || (rec.exit && rec.exit.at <= now)) continue;
    const stopped = stopContainer(run, c, rec, `Stopping container ${c.name}`, graceMs);
    if (!stopped.exit || stopped.exit.at > now) next = Math.min(next, nextWake(stopped) ?? stopsAt(stopped));
  }
  if (next < Infinity) return Math.max(1, next - now);
  forgetPod(ctx.disk, pod.metadata.uid!);
  client.delete(podKind.type, pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
  return undefined;
}

export const kubelet: Controller<Snapshot> = {
  name: 'kubelet',

  prepare(ctx) {
    const snap = snapshot(ctx);
    const live = new Set(snap.allUids);
    forgetPods(ctx, live);
    // The runtime's leftovers of pods that are gone (logs, files) go with them.
    for (const uid of podsOnDisk(ctx.disk)) if (!live.has(uid)) forgetPod(ctx.disk, uid);
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
    // A stopped kubelet does nothing (its pods stay as they are, Terminating ones included).
    if (!kubeletRunning(ctx, node.metadata.name!)) return;
    if (pod.metadata.deletionTimestamp) {
      const wait = terminatePod(ctx, pod, node);
      return wait !== undefined ? { requeueAfterMs: wait } : undefined;
    }
    if (isPodTerminal(pod)) return;
    if (!pod.status?.startTime) {
      const rejected = admitPod(ctx, pod, node.metadata.name!);
      if (rejected) return rejectPod(ctx, pod, node, rejected);
    }
    // Between its syncs the kubelet leaves a pod alone.
    const wait = notDueFor(ctx, pod);
    if (wait !== undefined) return { requeueAfterMs: wait };
    const { outcome, sandboxCreated, wakeAt } = syncPod(ctx, pod, node, snap);
    const next = scheduleNext(ctx, pod, outcome, sandboxCreated, wakeAt);
    return next !== undefined ? { requeueAfterMs: next } : undefined;
  },
};
