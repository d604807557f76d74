// pods: NAME READY STATUS RESTARTS AGE | IP NODE NOMINATED NODE READINESS GATES, with the server
// printer's STATUS and RESTARTS rules.
import { parseTime } from '../../api/time';
import type { ContainerStatus, Pod } from '../../api/types';
import { age, humanDuration } from '../age';
import type { TableDef } from './table';

function isSidecar(pod: Pod, name: string): boolean {
  return (pod.spec.initContainers ?? []).some((c) => c.name === name && c.restartPolicy === 'Always');
}

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/** The READY, STATUS and RESTARTS cells (printPod in pkg/printers/internalversion). */
export function podSummary(pod: Pod, now: number): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  // printPod keeps two dates: the latest restart of any container and of the sidecars alone
  // (once the pod is initialized, only sidecars and regular containers count).
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  const later = (cs: ContainerStatus, than: number | undefined) => {
    const t = parseTime(cs.lastState?.terminated?.finishedAt);
    return t !== undefined && (than === undefined || t > than) ? t : than;
  };
  const noteRestart = (cs: ContainerStatus) => {
    lastRestart = later(cs, lastRestart);
  };

  let reason: string = status.phase ?? '';
  if (status.reason) reason = status.reason;
  const scheduled = (status.conditions ?? []).find((c) => c.type === 'PodScheduled');
  if (scheduled?.reason === 'SchedulingGated') reason = 'SchedulingGated';

  for (const c of spec.initContainers ?? []) if (c.restartPolicy === 'Always') totalContainers++;

  let initializing = false;
  (status.initContainerStatuses ?? []).forEach((cs, i) => {
    if (initializing) return;
    restarts += cs.restartCount ?? 0;
    if (cs.lastState?.terminated) noteRestart(cs);
    const sidecar = isSidecar(pod, cs.name);
    if (sidecar) {
      restartableInitRestarts += cs.restartCount ?? 0;
      lastSidecarRestart = later(cs, lastSidecarRestart);
    }
    const t = cs.state?.terminated;
    const w = cs.state?.waiting;
    if (t && t.exitCode === 0) return;
    if (sidecar && cs.started) {
      if (cs.ready) readyContainers++;
      return;
    }
    if (t) {
      reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    } else if (w?.reason && w.reason !== 'PodInitializing') {
      reason = `Init:${w.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
  });

  const initialized = (status.conditions ?? []).find((c) => c.type === 'Initialized')?.status === 'True';
  if (!initializing || initialized) {
    restarts = restartableInitRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      if (cs.lastState?.terminated) noteRestart(cs);
      const w = cs.state?.waiting;
      const t = cs.state?.terminated;
      if (w?.reason) reason = w.reason;
      else if (t?.reason) reason = t.reason;
      else if (t) reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = (status.conditions ?? []).find((c) => c.type === 'Ready')?.status === 'True';
      reason = ready ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp) {
    if (status.reason === 'NodeLost') reason = 'Unknown';
    else if (status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  }

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) restartsText = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

function readinessGates(pod: Pod): string {
  const gates = (pod.spec.readinessGates as { conditionType: string }[] | undefined) ?? [];
  if (!gates.length) return '<none>';
  const trueCount = gates.filter((g) => (pod.status?.conditions ?? []).some((c) => c.type === g.conditionType && c.status === 'True')).length;
  return `${trueCount}/${gates.length}`;
}

/** READY, STATUS and RESTARTS come from one walk over the pod's statuses. */
const summaries = new WeakMap<Pod, PodSummary>();
function summary(p: Pod, now: number): PodSummary {
  let s = summaries.get(p);
  if (!s) summaries.set(p, (s = podSummary(p, now)));
  return s;
}

export const podTable: TableDef<Pod> = {
  columns: [
    { name: 'Name', cell: (p) => p.metadata.name ?? '' },
    { name: 'Ready', cell: (p, c) => summary(p, c.now).ready },
    { name: 'Status', cell: (p, c) => summary(p, c.now).status },
    { name: 'Restarts', cell: (p, c) => summary(p, c.now).restarts },
    { name: 'Age', cell: (p, c) => age(p.metadata.creationTimestamp, c.now) },
    { name: 'IP', priority: 1, cell: (p) => p.status?.podIPs?.[0]?.ip || '<none>' },
    { name: 'Node', priority: 1, cell: (p) => p.spec.nodeName || '<none>' },
    { name: 'Nominated Node', priority: 1, cell: (p) => p.status?.nominatedNodeName || '<none>' },
    { name: 'Readiness Gates', priority: 1, cell: readinessGates },
  ],
};
