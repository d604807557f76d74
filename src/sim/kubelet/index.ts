// The simulated kubelet: runs the pods bound to each node. A new pod gets its sandbox (pod IP),
// then its init containers in order and its containers (containers.ts: pull, start, run, exit,
// restart with back-off, probes); the pod's phase and conditions follow the containers. A deleted
// pod has its containers stopped within the grace period and goes away.
import { node as nodeKind } from '../../api/kinds/node';
import { pod as podKind } from '../../api/kinds/pod';
import { isPodTerminal } from '../../api/pod/status';
import { deepEqual } from '../../api/meta/equal';
import { parseTime, rfc3339 } from '../../api/time';
import type { Condition, Container, ContainerStatus, Node, ObjectKey, Pod, PodStatus } from '../../api/types';
import { COMPONENTS } from '../../client/client';
import type { WatchEvent } from '../../client/client';
import { keyOfObject } from '../../client/informer';
import { podInformer, podViewsOnNode } from '../../client/podindex';
import type { Controller, ReconcileContext } from '../../engine/controller';
import { allocatePodIP } from '../network/ipam';
import { type ContainerSync, type PodRun, isSidecar, nextWake, nodeIP, podRun, restartPolicyOf, stopContainer, stopsAt, syncContainer, terminated } from './containers';
import { type SyncOutcome, forgetPodMemory, forgetPods, notDueFor, scheduleNext } from './podworker';
import { killContainers, endedStatuses } from '../node/kill';
import { admitPod } from './eviction';
import { kubeletRunning } from './nodestate';
import { forgetPod, getRecord, podsOnDisk } from './records';
import { phaseOf, podConditions, waitingStatus } from './status';
import { unmountableVolumes } from './volumes';

/** One drain's view: the pod IPs in use on each node, gathered when a node first allocates one. */
interface Drain {
  usedIPs(node: string): Set<string>;
}

function drainView(ctx: ReconcileContext): Drain {
  const used = new Map<string, Set<string>>();
  return {
    usedIPs(node) {
      let ips = used.get(node);
      if (!ips) {
        ips = new Set();
        for (const p of podViewsOnNode(ctx.informers, node)) if (p.status.podIP && !p.spec.hostNetwork) ips.add(p.status.podIP);
        used.set(node, ips);
      }
      return ips;
    },
  };
}

/** Brings the pod's containers up to date and writes its status; says how the sync went. */
function syncPod(ctx: ReconcileContext, pod: Pod, node: Node, drain: Drain): { outcome: SyncOutcome; sandboxCreated: boolean; wakeAt?: number } {
  const now = ctx.clock.now();
  const nodeName = node.metadata.name!;
  const status: PodStatus = { ...(pod.status ?? {}) };
  const host = nodeIP(node);
  status.hostIP = host;
  status.hostIPs = [{ ip: host }];
  status.startTime ??= rfc3339(now);
  const client = ctx.client.as(COMPONENTS.node(nodeName));
  const write = (phase: NonNullable<PodStatus['phase']>, init: ContainerStatus[]) => {
    status.phase = phase;
    status.conditions = withPodScheduled(podConditions(pod, init, status.containerStatuses ?? [], !!status.podIP, phase, now), now);
    // Most syncs of a running pod change nothing: skip the API round trip then.
    if (!deepEqual(pod.status, status)) client.updateStatus(podKind.type, { ...pod, status });
  };
  // Volumes first: without them there is no sandbox (no IP) and no container. Once set up they
  // stay mounted: a configMap deleted later does not stop the pod (WaitForAttachAndMount passes).
  const mountErrors = status.podIP ? [] : unmountableVolumes(client, pod);
  if (mountErrors.length) {
    for (const m of mountErrors) ctx.events.event(pod, 'Warning', 'FailedMount', m, { host: nodeName });
    const waitingFor = (reason: string) => (c: Container) => waitingStatus(c, reason, c.image ?? '');
    if (pod.spec.initContainers?.length) status.initContainerStatuses = pod.spec.initContainers.map(waitingFor('PodInitializing'));
    status.containerStatuses = pod.spec.containers.map(waitingFor(pod.spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating'));
    write('Pending', status.initContainerStatuses ?? []);
    return { outcome: 'error', sandboxCreated: false };
  }
  const sandboxCreated = !status.podIP;
  if (!status.podIP) {
    const used = drain.usedIPs(nodeName);
    const ip = pod.spec.hostNetwork ? host : allocatePodIP(node.spec.podCIDR, used);
    if (ip) {
      used.add(ip);
      status.podIP = ip;
      status.podIPs = [{ ip }];
    }
  }
  const run = podRun(ctx, { ...pod, status }, node);
  const deadline = activeDeadline(pod, status);
  if (deadline !== undefined && now >= deadline) return failPastDeadline(run, status, write);
  // A failed pull or start makes the whole sync an error; a back-off alone does not.
  let outcome: SyncOutcome = 'done';
  const wakes: number[] = deadline !== undefined ? [deadline] : [];
  const note = (r: ContainerSync) => {
    if (r.outcome === 'error' || (r.outcome === 'backoff' && outcome === 'done')) outcome = r.outcome;
    if (r.wakeAt !== undefined) wakes.push(r.wakeAt);
    return r.status;
  };
  // Init containers run to completion, in order (sidecars start and keep running), before the
  // others; once a regular container has been created the pod stays initialized (a crashing
  // sidecar is only restarted).
  const uid = pod.metadata.uid!;
  const regularStarted = pod.spec.containers.some((c) => getRecord(ctx.disk, uid, c.name));
  let initialized = true;
  const initStatuses: ContainerStatus[] = [];
  for (const c of pod.spec.initContainers ?? []) {
    if (!initialized) {
      initStatuses.push(waitingStatus(c, 'PodInitializing', c.image ?? ''));
      continue;
    }
    // A sidecar stopped because the regular containers are done is not started again.
    const policy = isSidecar(c) && getRecord(ctx.disk, uid, c.name)?.stopping?.reason === stopSidecar(c) ? 'Never' : restartPolicyOf(pod, c, true);
    const s = note(syncContainer(run, c, policy));
    initStatuses.push(s);
    const done = isSidecar(c) ? !!s.started && !!s.state.running : s.state.terminated?.exitCode === 0;
    if (!done && !regularStarted) initialized = false;
  }
  if (initStatuses.length) status.initContainerStatuses = initStatuses;
  status.containerStatuses = pod.spec.containers.map((c) =>
    initialized ? note(syncContainer(run, c, restartPolicyOf(pod, c, false))) : waitingStatus(c, 'PodInitializing', c.image ?? ''),
  );
  let phase = phaseOf(pod, initStatuses, status.containerStatuses);
  if ((phase === 'Succeeded' || phase === 'Failed') && stopSidecars(run, initStatuses, wakes)) phase = 'Running';
  write(phase, initStatuses);
  if (phase === 'Succeeded' || phase === 'Failed') return { outcome: 'done', sandboxCreated };
  return { outcome, sandboxCreated, wakeAt: wakes.length ? Math.min(...wakes) : undefined };
}

const stopSidecar = (c: Container) => `Stopping container ${c.name}`;

/**
 * Once the regular containers are done for good (restartPolicy Never or OnFailure), the kubelet
 * stops the sidecars within the pod's grace period; the pod is terminal when they have stopped
 * (their exit codes do not count). Updates their statuses; says whether one is still stopping.
 */
function stopSidecars(run: PodRun, statuses: ContainerStatus[], wakes: number[]): boolean {
  const { pod, now } = run;
  const graceMs = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  let stopping = false;
  (pod.spec.initContainers ?? []).forEach((c, i) => {
    const rec = isSidecar(c) ? getRecord(run.ctx.disk, pod.metadata.uid!, c.name) : undefined;
    if (!rec || (rec.exit && rec.exit.at <= now)) return;
    const stopped = stopContainer(run, c, rec, stopSidecar(c), graceMs);
    if (stopped.exit && stopped.exit.at <= now) {
      statuses[i] = { ...statuses[i], ready: false, started: false, state: { terminated: terminated(stopped) } };
      return;
    }
    stopping = true;
    wakes.push(nextWake(stopped) ?? stopsAt(stopped));
  });
  return stopping;
}

/**
 * A pod failed by its deadline: its containers are stopped within the pod's own grace period (the
 * pod worker's calculateEffectiveGracePeriod), and its statuses follow them.
 */
function followKilled(ctx: ReconcileContext, pod: Pod, node: Node): { requeueAfterMs: number } | undefined {
  const now = ctx.clock.now();
  const last = killContainers(ctx, pod, node, (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000);
  const containerStatuses = endedStatuses(ctx, pod, pod.status?.containerStatuses);
  const status = { ...pod.status, containerStatuses };
  if (!deepEqual(pod.status, status)) ctx.client.as(COMPONENTS.node(node.metadata.name!)).updateStatus(podKind.type, { ...pod, status });
  return last > now ? { requeueAfterMs: last - now } : undefined;
}

/** The kubelet adds PodScheduled itself for a pod that was placed by spec.nodeName. */
function withPodScheduled(conditions: Condition[], now: number): Condition[] {
  if (conditions.some((c) => c.type === 'PodScheduled')) return conditions;
  return [...conditions, { lastProbeTime: null, lastTransitionTime: rfc3339(now), status: 'True', type: 'PodScheduled' }];
}

/** When spec.activeDeadlineSeconds runs out, counted from the pod's start on the node. */
function activeDeadline(pod: Pod, status: PodStatus): number | undefined {
  const seconds = pod.spec.activeDeadlineSeconds as number | undefined;
  const start = parseTime(status.startTime);
  return seconds === undefined || start === undefined ? undefined : start + seconds * 1000;
}

/** pkg/kubelet/active_deadline.go: the pod fails and its containers are killed. */
function failPastDeadline(
  run: PodRun,
  status: PodStatus,
  write: (phase: NonNullable<PodStatus['phase']>, init: ContainerStatus[]) => void,
): { outcome: SyncOutcome; sandboxCreated: boolean } {
  const message = 'Pod was active on the node longer than the specified deadline';
  run.ctx.events.event(run.pod, 'Warning', 'DeadlineExceeded', message, { host: run.node.metadata.name });
  status.reason = 'DeadlineExceeded';
  status.message = message;
  status.containerStatuses = (status.containerStatuses ?? []).map((s) => ({ ...s, ready: false }));
  write('Failed', status.initContainerStatuses ?? []);
  return { outcome: 'done', sandboxCreated: false };
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
  const run = podRun(ctx, pod, node);
  const { now, view } = run;
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
  view.client.delete(podKind.type, pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
  return undefined;
}

/** A pod bound to a node concerns its kubelet; a deleted one leaves its runtime state to forget. */
function podKeys(e: WatchEvent): ObjectKey[] {
  const pod = e.object as Pod;
  if (!pod.spec.nodeName) return [];
  return [e.type === 'DELETED' ? { ...keyOfObject(pod), uid: pod.metadata.uid } : keyOfObject(pod)];
}

/** What the node keeps of a pod that is gone: its schedule, back-offs and probes, its logs and files. */
function forgetGone(ctx: ReconcileContext, uid: string): void {
  forgetPodMemory(ctx, uid);
  forgetPod(ctx.disk, uid);
}

export const kubelet: Controller<Drain> = {
  name: 'kubelet',

  watches: [
    { type: podKind.type, keys: podKeys },
    // A node registering after its pods were bound: they start now.
    { type: nodeKind.type, keys: (e, informers) => (e.type === 'ADDED' ? podViewsOnNode(informers, e.object.metadata.name!).map(keyOfObject) : []) },
  ],

  /** The relist: the runtime's leftovers of pods that are gone go with them, and every pod is synced. */
  resync(ctx) {
    const pods = podInformer(ctx.informers).cached();
    const live = new Set(pods.map((p) => p.metadata.uid!));
    forgetPods(ctx, (uid) => live.has(uid));
    for (const uid of podsOnDisk(ctx.disk)) if (!live.has(uid)) forgetPod(ctx.disk, uid);
    return pods.filter((p) => p.spec.nodeName).map(keyOfObject);
  },

  prepare: drainView,

  reconcile(ctx, key, drain) {
    const pod = ctx.client.tryGet<Pod>(podKind.type, key.namespace, key.name);
    if (key.uid) {
      if (pod?.metadata.uid !== key.uid) forgetGone(ctx, key.uid);
      return;
    }
    if (!pod?.spec.nodeName) return;
    const node = ctx.informers.for<Node>(nodeKind.type).get(undefined, pod.spec.nodeName);
    if (!node) return;
    // A stopped kubelet does nothing (its pods stay as they are, Terminating ones included).
    if (!kubeletRunning(ctx, node.metadata.name!)) return;
    if (pod.metadata.deletionTimestamp) {
      const wait = terminatePod(ctx, pod, node);
      return wait !== undefined ? { requeueAfterMs: wait } : undefined;
    }
    if (isPodTerminal(pod)) return pod.status?.reason === 'DeadlineExceeded' ? followKilled(ctx, pod, node) : undefined;
    if (!pod.status?.startTime) {
      const rejected = admitPod(ctx, pod, node.metadata.name!);
      if (rejected) return rejectPod(ctx, pod, node, rejected);
    }
    // Between its syncs the kubelet leaves a pod alone.
    const wait = notDueFor(ctx, pod);
    if (wait !== undefined) return { requeueAfterMs: wait };
    const { outcome, sandboxCreated, wakeAt } = syncPod(ctx, pod, node, drain);
    const next = scheduleNext(ctx, pod, outcome, sandboxCreated, wakeAt);
    return next !== undefined ? { requeueAfterMs: next } : undefined;
  },
};
