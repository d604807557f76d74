// One container of a pod through its life, as the kubelet and the runtime see it: start (pull,
// environment, create, start or StartError), run (the process advanced along the clock, its
// output in the log), exit (Completed, Error, OOMKilled), restart per restartPolicy with the
// CrashLoopBackOff back-off, and the ContainerStatus that describes where it is.
import { formatGoDuration } from '../../api/duration';
import { deepEqual } from '../../api/meta/equal';
import { rfc3339 } from '../../api/time';
import type { Container, ContainerStatus, Node, Pod } from '../../api/types';
import { COMPONENTS } from '../../client/client';
import type { ReconcileContext } from '../../engine/controller';
import { fullName, imageID, parseImage } from '../runtime/images';
import { currentBackOff, isInBackOffSince, nextBackOff } from '../../client/backoff';
import { ConfigError, expandRefs, specEnv } from './env';
import { type ContainerHost, containerHost, hostsFile } from './host';
import { podNetwork } from './network';
import { hasProbes, probe } from './probes';
import { exceedsMemoryLimit, injectedExit, injectedProbe } from './inject';
import { type SyncOutcome, podMemoryKey } from './podworker';
import { pullImage } from './pull';
import { type ContainerRecord, type Terminated, appendLog, dropLog, getRecord, putRecord, readLog, truncateLog } from './records';
import { waitingStatus } from './status';
import type { NodeView } from './view';
import { runtime } from './runtimeref';

/** The kubelet's version in probes' User-Agent. */
const KUBELET_MINOR = '1.32';

export function nodeIP(node: Node): string {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
}

/** The OOM killer strikes this long after a container over its memory limit starts. */
const OOM_AFTER_MS = 1_000;

export interface PodRun {
  ctx: ReconcileContext;
  view: NodeView;
  pod: Pod;
  node: Node;
  now: number;
  cpus: number;
}

/** One sync's view of a pod on its node, acting as that node's kubelet. */
export function podRun(ctx: ReconcileContext, pod: Pod, node: Node): PodRun {
  const now = ctx.clock.now();
  const client = ctx.client.as(COMPONENTS.node(node.metadata.name!));
  const cpus = Math.max(1, Math.floor(Number.parseFloat(String(node.status?.capacity?.cpu ?? '1'))));
  return { ctx, view: { client, disk: ctx.disk, now }, pod, node, now, cpus };
}

export interface ContainerSync {
  status: ContainerStatus;
  outcome: SyncOutcome;
  /** When this container next needs the kubelet: a process exits or wakes from a sleep. */
  wakeAt?: number;
  /** The live record after this sync (running or just ended), for probes. */
  record?: ContainerRecord;
}

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

export const isSidecar = (c: Container) => c.restartPolicy === 'Always';

/** The policy that decides a container's restarts (init containers never restart on success). */
export function restartPolicyOf(pod: Pod, c: Container, init: boolean): RestartPolicy {
  if (init) return isSidecar(c) ? 'Always' : pod.spec.restartPolicy === 'Never' ? 'Never' : 'OnFailure';
  return (pod.spec.restartPolicy as RestartPolicy | undefined) ?? 'Always';
}

const fieldPathOf = (pod: Pod, c: Container) =>
  (pod.spec.initContainers ?? []).some((i) => i.name === c.name) ? `spec.initContainers{${c.name}}` : `spec.containers{${c.name}}`;

/** "name_namespace(uid)", the kubelet's format.Pod. */
export const podRef = (pod: Pod) => `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;

function event(run: PodRun, c: Container, type: 'Normal' | 'Warning', reason: string, message: string): void {
  run.ctx.events.event(run.pod, type, reason, message, { fieldPath: fieldPathOf(run.pod, c), host: run.node.metadata.name });
}

export function terminated(rec: ContainerRecord): Terminated {
  const exit = rec.exit!;
  const t: Terminated = {
    containerID: rec.id,
    exitCode: exit.code,
    finishedAt: rfc3339(exit.at),
    reason: exit.reason ?? (exit.code === 0 ? 'Completed' : 'Error'),
    startedAt: exit.reason === 'StartError' ? rfc3339(0) : rfc3339(rec.startedAt),
  };
  if (exit.message) t.message = exit.message;
  return t;
}

function baseStatus(c: Container, rec: ContainerRecord): Omit<ContainerStatus, 'state' | 'ready'> {
  const ref = parseImage(c.image ?? '');
  return {
    containerID: rec.id,
    image: fullName(ref),
    imageID: imageID(ref),
    lastState: rec.lastTermination ? { terminated: rec.lastTermination } : {},
    name: c.name,
    restartCount: rec.instance,
    started: false,
  };
}

/** Runs the process on to `now`, logging what it prints; notes its exit (or a forced one). Says whether it ran. */
function catchUp(run: PodRun, c: Container, rec: ContainerRecord): boolean {
  if (rec.exit || rec.computedUntil >= run.now) return false;
  // Processes run up to the clock, never ahead: what they write must not show before its time.
  let until = run.now;
  const forced = rec.forcedExit;
  if (forced && forced.at < until) until = forced.at;
  if (rec.process.kind === 'shell' && !rec.process.forever) {
    const host = containerHost({ ...run.view, now: rec.computedUntil }, run.pod, c, run.node, rec);
    const step = runtime().advance(rec.process, host, until);
    host.flush();
    appendLog(run.view.disk, run.pod.metadata.uid!, c.name, rec.instance, step.output);
    rec.process = step.record;
    rec.wakeAt = step.wakeAt;
    if (step.exit && (!forced || step.exit.at <= forced.at)) rec.exit = step.exit;
  }
  rec.computedUntil = until;
  if (!rec.exit && forced && forced.at <= until) rec.exit = { code: forced.code, at: forced.at, reason: forced.reason };
  return true;
}

/** When the kubelet must look at a live container again. */
export function nextWake(rec: ContainerRecord): number | undefined {
  if (rec.exit) return rec.exit.at;
  const times = [rec.wakeAt, rec.forcedExit?.at].filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

/** Starts instance `instance` of the container, or says why it is waiting. */
function startInstance(run: PodRun, c: Container, policy: RestartPolicy, instance: number, previous?: ContainerRecord): ContainerSync {
  const { ctx, pod, now } = run;
  const uid = pod.metadata.uid!;
  const lastState = previous?.exit ? { terminated: terminated(previous) } : {};
  const waiting = (reason: string, message: string | undefined, outcome: SyncOutcome): ContainerSync => {
    const status = waitingStatus(c, reason, c.image ?? '', message);
    status.lastState = lastState;
    status.restartCount = previous?.instance ?? 0;
    return { status, outcome };
  };
  const pull = pullImage(ctx, pod, c, run.node.metadata.name!);
  if (!pull.ok) return waiting(pull.reason, pull.message, pull.reason === 'ImagePullBackOff' ? 'backoff' : 'error');

  const profile = runtime().imageProfile(parseImage(c.image ?? ''));
  let env: Record<string, string>;
  try {
    env = specEnv(ctx.client, pod, c, run.node);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    event(run, c, 'Warning', 'Failed', `Error: ${e.message}`);
    return waiting('CreateContainerConfigError', e.message, 'error');
  }
  const nonRoot = runAsNonRootProblem(pod, c);
  if (nonRoot) {
    event(run, c, 'Warning', 'Failed', `Error: ${nonRoot}`);
    return waiting('CreateContainerConfigError', nonRoot, 'error');
  }
  const argv = runtime().containerArgv(c, profile).map((a) => expandRefs(a, env));
  const rec: ContainerRecord = {
    id: `containerd://${ctx.random.string(64, '0123456789abcdef')}`,
    instance,
    image: c.image ?? '',
    env,
    startedAt: now,
    process: { kind: 'server', server: 'opaque', viaEntrypoint: false },
    computedUntil: now,
    layer: { files: {}, dirs: [] },
    ports: [],
    nextPid: 7,
  };
  if (previous?.exit) rec.lastTermination = terminated(previous);
  event(run, c, 'Normal', 'Created', `Created container ${c.name}`);
  const host = containerHost(run.view, pod, c, run.node, rec);
  const launch = runtime().classify(argv, profile);
  const step = runtime().startProcess(launch, { at: now, host, podIP: pod.status?.podIP ?? '', cpus: run.cpus }, now);
  host.flush();
  if ('message' in step) {
    event(run, c, 'Warning', 'Failed', `Error: ${step.message}`);
    rec.exit = { code: 128, at: now, reason: 'StartError', message: step.message };
  } else {
    event(run, c, 'Normal', 'Started', `Started container ${c.name}`);
    appendLog(run.view.disk, uid, c.name, instance, step.output);
    rec.process = step.record;
    rec.wakeAt = step.wakeAt;
    rec.ports = runtime().listeningPorts(step.record, (c.ports ?? []).map((p) => p.containerPort));
    const forced = injectedExit(pod, c.name);
    if (exceedsMemoryLimit(pod, c)) rec.forcedExit = { code: 137, at: now + OOM_AFTER_MS, reason: 'OOMKilled' };
    else if (forced) rec.forcedExit = { code: forced.code, at: now + forced.afterMs };
    if (step.exit && (!rec.forcedExit || step.exit.at <= rec.forcedExit.at)) rec.exit = step.exit;
    else if (rec.forcedExit && rec.forcedExit.at <= rec.computedUntil) {
      rec.exit = { ...rec.forcedExit };
      rec.computedUntil = rec.forcedExit.at;
    }
  }
  // The runtime keeps the log of the previous instance only.
  if (instance >= 2) dropLog(run.view.disk, uid, c.name, instance - 2);
  putRecord(run.view.disk, uid, c.name, rec);
  const hookError = rec.exit ? undefined : postStartFailure(run, c, rec);
  if (hookError) {
    // The hook's output stays out of the event (it may hold secrets), as the kubelet does.
    event(run, c, 'Warning', 'FailedPostStartHook', 'PostStartHook failed');
    const grace = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const killed = describe(run, c, stopContainer(run, c, rec, 'FailedPostStartHook', grace), 'error');
    const ended = killed.status.state.terminated;
    // A container that will be restarted shows the sync's error (the kubelet's reason cache).
    if (!ended || !(policy === 'Always' || (policy === 'OnFailure' && ended.exitCode !== 0))) return killed;
    return { ...killed, status: { ...killed.status, lastState: { terminated: ended }, state: { waiting: { message: hookError, reason: 'PostStartHookError' } } } };
  }
  return describe(run, c, rec, 'done');
}

/** Runs the postStart hook; the kubelet's message when it failed. */
function postStartFailure(run: PodRun, c: Container, rec: ContainerRecord): string | undefined {
  const hook = (c.lifecycle as { postStart?: Hook } | undefined)?.postStart;
  if (!hook?.exec) return undefined;
  const command = hook.exec.command ?? [];
  const host = containerHost(run.view, run.pod, c, run.node, rec);
  const r = runtime().runToEnd(command, host, run.now, 30_000);
  host.flush();
  putRecord(run.view.disk, run.pod.metadata.uid!, c.name, rec);
  if (r.code === 0) return undefined;
  const out = r.output.map((o) => o.text).join('');
  return `Exec lifecycle hook ([${command.join(' ')}]) for Container ${JSON.stringify(c.name)} in Pod ${JSON.stringify(podRef(run.pod))} failed - error: command '${command.join(' ')}' exited with ${r.code}: ${out}, message: ${JSON.stringify(out)}`;
}

/** How much of the log FallbackToLogsOnError takes: the kubelet's 80 lines, at most 2048 bytes. */
const FALLBACK_LINES = 80;
const FALLBACK_BYTES = 2048;

/**
 * The terminated state's message: what the process left in its terminationMessagePath, or with
 * FallbackToLogsOnError after a failure, the end of its log.
 */
function terminationMessage(run: PodRun, c: Container, rec: ContainerRecord): string | undefined {
  const path = (c.terminationMessagePath as string | undefined) ?? '/dev/termination-log';
  const written = rec.layer.files[path];
  if (written) return written.slice(0, 4096);
  if (c.terminationMessagePolicy !== 'FallbackToLogsOnError' || rec.exit!.code === 0) return undefined;
  const log = readLog(run.view.disk, run.pod.metadata.uid!, c.name, rec.instance, run.now) ?? [];
  const text = log.slice(-FALLBACK_LINES).map((e) => e[2]).join('');
  return text ? Buffer.from(text).subarray(-FALLBACK_BYTES).toString() : undefined;
}

/** The record with its exit's termination message, once it has exited (saved when it changes). */
function settled(run: PodRun, c: Container, rec: ContainerRecord): ContainerRecord {
  if (!rec.exit || rec.exit.at > run.now || rec.exit.message !== undefined || rec.exit.reason === 'StartError') return rec;
  const message = terminationMessage(run, c, rec);
  if (message === undefined) return rec;
  const next = { ...rec, exit: { ...rec.exit, message } };
  putRecord(run.view.disk, run.pod.metadata.uid!, c.name, next);
  return next;
}

/**
 * kuberuntime's verifyRunAsNonRoot: runAsNonRoot with a root user refuses to start. Every image
 * of the catalog (and any other, as far as pocketkube knows) runs as root unless told otherwise.
 */
function runAsNonRootProblem(pod: Pod, c: Container): string | undefined {
  type Security = { runAsNonRoot?: boolean; runAsUser?: number };
  const own = c.securityContext as Security | undefined;
  const podLevel = pod.spec.securityContext as Security | undefined;
  if (!(own?.runAsNonRoot ?? podLevel?.runAsNonRoot)) return undefined;
  const user = own?.runAsUser ?? podLevel?.runAsUser;
  if (user === 0) return `container's runAsUser breaks non-root policy (pod: ${JSON.stringify(podRef(pod))}, container: ${c.name})`;
  if (user === undefined) return `container has runAsNonRoot and image will run as root (pod: ${JSON.stringify(podRef(pod))}, container: ${c.name})`;
  return undefined;
}

/** The status of a container whose record says where it is. */
function describe(run: PodRun, c: Container, given: ContainerRecord, outcome: SyncOutcome): ContainerSync {
  const rec = settled(run, c, given);
  const base = baseStatus(c, rec);
  if (rec.exit && rec.exit.at <= run.now) return { status: { ...base, ready: false, state: { terminated: terminated(rec) } }, outcome, record: rec };
  return { status: { ...base, ready: true, started: true, state: { running: { startedAt: rfc3339(rec.startedAt) } } }, outcome, wakeAt: nextWake(rec), record: rec };
}

/**
 * Brings one container up to date at `run.now`: starts it if it never ran, advances its process,
 * and after an exit restarts it (policy and back-off permitting) or leaves it terminated.
 */
export function syncContainer(run: PodRun, c: Container, policy: RestartPolicy): ContainerSync {
  const uid = run.pod.metadata.uid!;
  const rec = getRecord(run.view.disk, uid, c.name);
  if (!rec) return withProbes(run, c, policy, startInstance(run, c, policy, 0));
  // Copy only when the process has something to run (records are read far more than written).
  const behind = !rec.exit && rec.computedUntil < run.now;
  const live = behind ? structuredClone(rec) : rec;
  if (behind && catchUp(run, c, live)) putRecord(run.view.disk, uid, c.name, live);
  if (!live.exit || live.exit.at > run.now) {
    if (!specChanged(c, live) || live.stopping) return withProbes(run, c, policy, describe(run, c, live, 'done'));
    // computePodActions: a running container whose spec changed (its image) is killed and
    // started again, whatever the restart policy.
    const grace = (run.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const stopped = stopContainer(run, c, live, definitionChanged(c), grace);
    if (stopped.exit && stopped.exit.at <= run.now) return afterExit(run, c, stopped, policy);
    const sync = describe(run, c, stopped, 'done');
    return { ...sync, status: { ...sync.status, ready: false } };
  }
  return afterExit(run, c, live, policy);
}

/** Whether the running instance was started from another spec (pods may change their images). */
const specChanged = (c: Container, rec: ContainerRecord) => rec.image !== undefined && rec.image !== (c.image ?? '');

/** The Killing event's message for a container whose definition changed. */
const definitionChanged = (c: Container) => `Container ${c.name} definition changed, will be restarted`;

/** The probes' verdicts on a running container; a failed liveness/startup probe stops it. */
function withProbes(run: PodRun, c: Container, policy: RestartPolicy, sync: ContainerSync): ContainerSync {
  const rec = sync.record;
  if (!rec || !sync.status.state.running || rec.stopping) return sync;
  if (!hasProbes(c) && injectedProbe(run.pod, 'readiness', c.name) === undefined) return sync;
  const hosts = hostsFile(run.pod, run.node);
  // Exec probes share one host, whose file changes are kept: the layer's in a copy (rec may be
  // the disk's own record), the volumes' by flush.
  let layer: ContainerRecord['layer'] | undefined;
  let host: ContainerHost | undefined;
  const result = probe({
    pod: run.pod,
    c,
    rec,
    now: run.now,
    memory: run.ctx.memory,
    host: () => (host ??= containerHost(run.view, run.pod, c, run.node, { layer: (layer = structuredClone(rec.layer)), env: rec.env })),
    http: podNetwork(run.view, run.pod, hosts, { ip: nodeIP(run.node), userAgent: `kube-probe/${KUBELET_MINOR}` }).http,
  });
  host?.flush();
  if (layer && !deepEqual(layer, rec.layer)) {
    const changed = { ...rec, layer };
    putRecord(run.view.disk, run.pod.metadata.uid!, c.name, changed);
    return withProbeResult(run, c, policy, { ...sync, record: changed }, result);
  }
  return withProbeResult(run, c, policy, sync, result);
}

/** Acts on the probes' verdicts: Unhealthy events, a restart, readiness and the next tick. */
function withProbeResult(run: PodRun, c: Container, policy: RestartPolicy, sync: ContainerSync, result: ReturnType<typeof probe>): ContainerSync {
  const rec = sync.record!;
  for (const [, message] of result.failures) event(run, c, 'Warning', 'Unhealthy', message);
  if (result.restart) {
    const grace = ((c[`${result.restart.kind}Probe`] as { terminationGracePeriodSeconds?: number } | undefined)?.terminationGracePeriodSeconds ?? run.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const stopped = stopContainer(run, c, rec, result.restart.message, grace);
    if (stopped.exit && stopped.exit.at <= run.now) return afterExit(run, c, stopped, policy);
    return { ...sync, status: { ...sync.status, ready: false }, wakeAt: nextWake(stopped), record: stopped };
  }
  const wakes = [sync.wakeAt, result.wakeAt].filter((t): t is number => t !== undefined);
  return {
    ...sync,
    status: { ...sync.status, ready: result.ready, started: result.started },
    wakeAt: wakes.length ? Math.min(...wakes) : undefined,
  };
}

/** After an exit: restart (now, or once the back-off allows) or stay terminated. */
function afterExit(run: PodRun, c: Container, exited: ContainerRecord, policy: RestartPolicy): ContainerSync {
  const uid = run.pod.metadata.uid!;
  const live = settled(run, c, exited);
  const exit = live.exit!;
  const changed = live.stopping?.reason === definitionChanged(c);
  const restart = changed || policy === 'Always' || (policy === 'OnFailure' && exit.code !== 0);
  if (!restart) return describe(run, c, live, 'done');
  // The back-off is kept per container spec (getStableKey hashes the container): a new image
  // starts without the old one's back-off.
  const key = podMemoryKey(uid, 'crash', c.name, c.image ?? '');
  const memory = run.ctx.memory;
  if (isInBackOffSince(memory, key, exit.at, run.now)) {
    event(run, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef(run.pod)}`);
    const message = `back-off ${formatGoDuration(currentBackOff(memory, key))} restarting failed container=${c.name} pod=${podRef(run.pod)}`;
    const base = baseStatus(c, live);
    return {
      status: { ...base, lastState: { terminated: terminated(live) }, ready: false, state: { waiting: { message, reason: 'CrashLoopBackOff' } } },
      outcome: 'error',
    };
  }
  nextBackOff(memory, key, exit.at, run.now);
  return withProbes(run, c, policy, startInstance(run, c, policy, live.instance + 1, live));
}

interface Hook {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; host?: string };
  sleep?: { seconds: number };
}

/** How long a preStop hook holds up SIGTERM (it runs within the grace period). */
function preStopDuration(run: PodRun, c: Container, rec: ContainerRecord, graceMs: number): number {
  const hook = (c.lifecycle as { preStop?: Hook } | undefined)?.preStop;
  if (!hook) return 0;
  if (hook.sleep) return Math.min(hook.sleep.seconds * 1000, graceMs);
  if (hook.exec) {
    const host = containerHost(run.view, run.pod, c, run.node, rec);
    const r = runtime().runToEnd(hook.exec.command ?? [], host, run.now, graceMs);
    host.flush();
    return Math.min(r.finishedAt - run.now, graceMs);
  }
  return 0;
}

/**
 * Stops a live container: preStop hook, then SIGTERM (a server exits at once; a shell that is
 * PID 1 ignores it unless it trapped it, and a trap runs once the foreground command is done),
 * then SIGKILL when the grace period ends. Called again on later syncs, it runs the stopping
 * process on to the clock. Returns the record as it now stands (saved); `stopsAt` says when it
 * will have stopped at the latest.
 */
export function stopContainer(run: PodRun, c: Container, rec: ContainerRecord, message: string, graceMs: number): ContainerRecord {
  const live = structuredClone(rec);
  const uid = run.pod.metadata.uid!;
  if (live.exit && live.exit.at <= run.now) return live;
  if (!live.stopping) {
    event(run, c, 'Normal', 'Killing', message);
    const termAt = run.now + preStopDuration(run, c, live, graceMs);
    const deadline = run.now + graceMs;
    live.stopping = { at: run.now, deadline, reason: message };
    // Nothing it would have printed after the signal stays in its log.
    truncateLog(run.view.disk, uid, c.name, live.instance, termAt);
    live.exit = undefined;
    const host = containerHost({ ...run.view, now: termAt }, run.pod, c, run.node, live);
    const step = runtime().signal(live.process, host, 'TERM', termAt, run.cpus);
    host.flush();
    appendLog(run.view.disk, uid, c.name, live.instance, step.output);
    live.process = step.record;
    live.wakeAt = step.wakeAt;
    live.computedUntil = Math.max(live.computedUntil, termAt);
    if (step.exit && step.exit.at <= deadline) live.exit = step.exit;
    // SIGKILL at the deadline unless the process ends first.
    else live.forcedExit = { code: 137, at: deadline };
  }
  catchUp(run, c, live);
  putRecord(run.view.disk, uid, c.name, live);
  return live;
}

/** When a stopping container will have stopped at the latest. */
export function stopsAt(rec: ContainerRecord): number {
  return rec.exit?.at ?? Math.min(rec.forcedExit?.at ?? Infinity, rec.stopping?.deadline ?? Infinity);
}
