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
    if (message !== undefined) c.message = message;
    c.reason = reason;
  }
  return c;
}

/**
 * The pod-level conditions the kubelet maintains, keeping the scheduler's PodScheduled
 * (pkg/kubelet/status/generate.go): a terminal pod is no longer ready (PodCompleted/PodFailed)
 * and its sandbox is gone.
 */
export function podConditions(pod: Pod, init: ContainerStatus[], statuses: ContainerStatus[], sandboxReady: boolean, phase: PodStatus['phase'], now: number): Condition[] {
  const prev = new Map((pod.status?.conditions ?? []).map((c) => [c.type, c]));
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const sidecars = new Set((pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const unready = [...init.filter((s) => sidecars.has(s.name)), ...statuses].filter((s) => !s.ready).map((s) => s.name);
  const incomplete = (pod.spec.initContainers ?? [])
    .filter((c) => {
      const s = init.find((i) => i.name === c.name);
      return sidecars.has(c.name) ? !s?.started : !s?.state.terminated || s.state.terminated.exitCode !== 0;
    })
    .map((c) => c.name);
  const anyStarted = statuses.some((s) => s.state.running || s.state.terminated || s.lastState.terminated);
  const initialized = phase === 'Succeeded' || anyStarted || !incomplete.length;
  const ready = !terminal && unready.length === 0 && statuses.length > 0;
  const terminalReason = phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
  const notReady = (type: string) =>
    terminal ? condition(type, false, now, prev.get(type), terminalReason) : condition(type, ready, now, prev.get(type), 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`);
  const init_ = condition('Initialized', initialized, now, prev.get('Initialized'), 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`);
  if (phase === 'Succeeded' && initialized) init_.reason = 'PodCompleted';
  const list: Condition[] = [
    condition('PodReadyToStartContainers', sandboxReady && !terminal, now, prev.get('PodReadyToStartContainers')),
    init_,
    notReady('Ready'),
    notReady('ContainersReady'),
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

/** The kubelet's getPhase: from the init and regular containers' states and the restart policy. */
export function phaseOf(pod: Pod, init: ContainerStatus[], statuses: ContainerStatus[]): NonNullable<PodStatus['phase']> {
  let pendingInit = 0;
  let failedInit = 0;
  let pendingSidecars = 0;
  const initByName = new Map(init.map((s) => [s.name, s]));
  for (const c of pod.spec.initContainers ?? []) {
    const s = initByName.get(c.name);
    if (c.restartPolicy === 'Always') {
      // A sidecar that has run and stopped is ignored; one not yet started or running is pending.
      if (s?.state.running ? !s.started : !s?.state.terminated && !s?.lastState.terminated) pendingSidecars++;
      continue;
    }
    if (!s || s.state.running) pendingInit++;
    else if (s.state.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++;
    } else if (s.lastState.terminated) {
      if (s.lastState.terminated.exitCode !== 0) failedInit++;
    } else pendingInit++;
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState.terminated) stopped++;
    else waiting++;
  }
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  if (pendingInit > 0 || (pendingSidecars > 0 && running === 0)) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
