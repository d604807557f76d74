// Pure pieces of the kubelet's pod status: conditions in the kubelet's order, container states.
import { rfc3339 } from '../../api/time';
import type { Condition, Container, ContainerStatus, Pod, PodStatus } from '../../api/types';

const CONDITION_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

function condition(type: string, status: boolean, now: number, previous?: Condition, reason?: string, message?: string): Condition {
  const s = status ? 'True' : 'False';
  const c: Condition = {
    lastProbeTime: null,
    lastTransitionTime: previous?.status === s ? previous.lastTransitionTime : rfc3339(now),
    status: s,
    type,
  };
  if (!status && reason) {
    c.message = message;
    c.reason = reason;
  }
  return c;
}

/** The pod-level conditions the kubelet maintains, keeping the scheduler's PodScheduled. */
/** `pendingInit` names the init containers that have not completed. */
export function podConditions(pod: Pod, statuses: ContainerStatus[], sandboxReady: boolean, now: number, pendingInit: string[] = []): Condition[] {
  const prev = new Map((pod.status?.conditions ?? []).map((c) => [c.type, c]));
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const notReadyMsg = `containers with unready status: [${unready.join(' ')}]`;
  const ready = unready.length === 0 && statuses.length > 0;
  const list: Condition[] = [
    condition('PodReadyToStartContainers', sandboxReady, now, prev.get('PodReadyToStartContainers')),
    condition('Initialized', !pendingInit.length, now, prev.get('Initialized'), 'ContainersNotInitialized', `containers with incomplete status: [${pendingInit.join(' ')}]`),
    condition('Ready', ready, now, prev.get('Ready'), 'ContainersNotReady', notReadyMsg),
    condition('ContainersReady', ready, now, prev.get('ContainersReady'), 'ContainersNotReady', notReadyMsg),
  ];
  const scheduled = prev.get('PodScheduled');
  if (scheduled) list.push(scheduled);
  return list.sort((a, b) => CONDITION_ORDER.indexOf(a.type) - CONDITION_ORDER.indexOf(b.type));
}

export function waitingStatus(c: Container, reason: string, imageName: string, message?: string): ContainerStatus {
  const waiting: { reason: string; message?: string } = { reason };
  if (message) waiting.message = message;
  return { image: imageName, imageID: '', lastState: {}, name: c.name, ready: false, restartCount: 0, started: false, state: { waiting } };
}

/** Phase from container states: Running once every container has started. */
export function phaseOf(statuses: ContainerStatus[]): PodStatus['phase'] {
  return statuses.length > 0 && statuses.every((s) => s.state.running) ? 'Running' : 'Pending';
}
