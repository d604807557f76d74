// The kubelet's probe workers (pkg/kubelet/prober/worker.go) on the simulated clock: one per
// container and probe type, ticking every periodSeconds from the container's start, skipped
// during initialDelaySeconds; a verdict changes only after failureThreshold/successThreshold
// results in a row. Readiness starts failed, liveness successful, startup unknown (liveness and
// readiness wait for it). Every failure is an Unhealthy event; a liveness or startup failure that
// crosses the threshold asks for the container to be restarted.
import type { Container, Pod } from '../../api/types';
import type { Memory } from '../../engine/controller';
import { injectedProbe } from './inject';
import type { ContainerHost } from './host';
import type { ContainerRecord } from './records';
import { podMemoryKey } from './podworker';
import { runtime } from './runtimeref';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';

interface ProbeSpec {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string };
  tcpSocket?: { port: number | string; host?: string };
  grpc?: { port: number };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

interface WorkerState {
  containerID: string;
  nextAt: number;
  lastResult?: boolean;
  resultRun: number;
  /** The verdict the kubelet acts on; undefined = unknown. */
  verdict?: boolean;
  onHold?: boolean;
  /**
   * The last probe made, when, and after how many execs in the container: another sync at the
   * same moment reuses it (no second request), unless an exec may have changed the answer.
   */
  asked?: { at: number; execs: number; ok: boolean; message: string };
}

export interface ProbeResult {
  ready: boolean;
  started: boolean;
  /** Set when a liveness/startup failure means the container must be restarted. */
  restart?: { kind: 'liveness' | 'startup'; message: string };
  /** The next probe tick. */
  wakeAt?: number;
  /** Unhealthy events to record: [kind, message]. */
  failures: [ProbeKind, string][];
}

export interface ProbeTarget {
  pod: Pod;
  c: Container;
  rec: ContainerRecord;
  now: number;
  memory: Memory;
  /** A host in the container (exec probes) — built on demand, it costs. */
  host: () => ContainerHost;
  /** HTTP from the node to the pod. */
  http: ContainerHost['net']['http'];
}

const TITLE: Record<ProbeKind, string> = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' };

function portOf(c: Container, port: number | string): number {
  if (typeof port === 'number') return port;
  return c.ports?.find((p) => p.name === port)?.containerPort ?? Number(port);
}

/** One probe: success, or the failure's message as the kubelet words it. */
function probeOnce(t: ProbeTarget, spec: ProbeSpec, at: number): { ok: boolean; message: string } {
  const ip = t.pod.status?.podIP ?? '';
  if (spec.exec) {
    const r = runtime().runToEnd(spec.exec.command ?? [], t.host(), at, (spec.timeoutSeconds ?? 1) * 1000);
    const out = r.output.map((o) => o.text).join('');
    if (r.timedOut) return { ok: false, message: `command ${JSON.stringify((spec.exec.command ?? []).join(' '))} timed out` };
    return { ok: r.code === 0, message: out };
  }
  if (spec.httpGet) {
    const g = spec.httpGet;
    const port = portOf(t.c, g.port);
    const host = g.host ?? ip;
    const path = g.path ?? '/';
    const url = `${(g.scheme ?? 'HTTP').toLowerCase()}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`;
    const r = t.http('GET', host, port, path, (spec.timeoutSeconds ?? 1) * 1000);
    if (!r.ok) {
      const why = r.error === 'refused' ? `dial tcp ${host}:${port}: connect: connection refused` : 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)';
      return { ok: false, message: `Get ${JSON.stringify(url)}: ${why}` };
    }
    if (r.status >= 200 && r.status < 400) return { ok: true, message: '' };
    return { ok: false, message: `HTTP probe failed with statuscode: ${r.status}` };
  }
  if (spec.tcpSocket) {
    const port = portOf(t.c, spec.tcpSocket.port);
    // The kubelet dials from the node: only the pod's own address reaches the container.
    const host = spec.tcpSocket.host ?? ip;
    if (host === ip && (t.rec.ports.includes(port) || runtime().isOpaque(t.rec.process))) return { ok: true, message: '' };
    return { ok: false, message: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (spec.grpc) return t.rec.ports.includes(spec.grpc.port) ? { ok: true, message: '' } : { ok: false, message: `timeout: failed to connect service "${ip}:${spec.grpc.port}" within 1s: context deadline exceeded` };
  return { ok: true, message: '' };
}

const INITIAL: Record<ProbeKind, boolean | undefined> = { readiness: false, liveness: true, startup: undefined };

/**
 * Runs the ticks of one probe worker that fell due by `now`. The container does not change
 * between two syncs of its pod, so one probe answers for all of them. Returns the worker's state
 * and when it must tick again: unless it passes and its verdict is already a pass (then it is
 * left alone until the pod syncs for another reason).
 */
function runWorker(t: ProbeTarget, kind: ProbeKind, spec: ProbeSpec, gate: boolean, failures: [ProbeKind, string][]): { w: WorkerState; wakeAt?: number } {
  const key = podMemoryKey(t.pod.metadata.uid!, 'probe', t.c.name, kind);
  let w = t.memory.get<WorkerState>(key);
  const period = (spec.periodSeconds ?? 10) * 1000;
  const delay = (spec.initialDelaySeconds ?? 0) * 1000;
  if (!w || w.containerID !== t.rec.id) w = { containerID: t.rec.id, nextAt: t.rec.startedAt, resultRun: 0, verdict: INITIAL[kind] };
  else w = { ...w };
  const forced = kind === 'startup' ? undefined : injectedProbe(t.pod, kind, t.c.name);
  let answer: { ok: boolean; message: string } | undefined;
  const probeNow = () => {
    const execs = t.rec.execs ?? 0;
    if (w!.asked?.at === t.now && w!.asked.execs === execs) return w!.asked;
    const r = probeOnce(t, spec, t.now);
    w!.asked = { at: t.now, execs, ok: r.ok, message: r.message };
    return r;
  };
  const ask = () => (answer ??= forced === undefined ? probeNow() : { ok: forced, message: forced ? '' : 'probe failed (pocketkube.io/ failure injection)' });
  const done = () => !gate || w!.onHold || (kind === 'startup' && w!.verdict === true);
  // Ticks inside the initial delay do nothing: skip them at once.
  if (w.nextAt - t.rec.startedAt < delay) w.nextAt = t.rec.startedAt + Math.ceil(delay / period) * period;
  // A worker left idle (its last answer agreed with a passing verdict) was not woken for its
  // ticks: the container had not changed before this sync, so the ticks it skipped passed.
  if (w.lastResult === true && w.verdict === true && w.nextAt < t.now) w.nextAt += Math.ceil((t.now - w.nextAt) / period) * period;
  while (w.nextAt <= t.now && !done()) {
    w.nextAt += period;
    const r = ask();
    if (!r.ok && failures.length < 10) failures.push([kind, `${TITLE[kind]} probe failed: ${r.message}`]);
    if (w.lastResult === r.ok) w.resultRun++;
    else {
      w.lastResult = r.ok;
      w.resultRun = 1;
    }
    if ((!r.ok && w.resultRun < (spec.failureThreshold ?? 3)) || (r.ok && w.resultRun < (spec.successThreshold ?? 1))) continue;
    w.verdict = r.ok;
    if (kind !== 'readiness' && !r.ok) {
      w.onHold = true;
      w.resultRun = 0;
    }
  }
  if (w.nextAt <= t.now) w.nextAt = t.now + period - ((t.now - t.rec.startedAt) % period);
  // A failing probe keeps ticking (each failure is an Unhealthy event); a passing one that agrees
  // with its verdict can wait for the pod's next sync. Before its first tick (the initial delay)
  // it is not asked: it ticks then.
  const wakeAt = done() || (w.lastResult !== undefined && w.verdict === true && ask().ok) ? undefined : w.nextAt;
  t.memory.set(key, w);
  return { w, wakeAt };
}

/** Probes a running container up to `now`. */
export function probe(t: ProbeTarget): ProbeResult {
  const failures: [ProbeKind, string][] = [];
  const specs = {
    startup: t.c.startupProbe as ProbeSpec | undefined,
    liveness: t.c.livenessProbe as ProbeSpec | undefined,
    readiness: t.c.readinessProbe as ProbeSpec | undefined,
  };
  const wakes: number[] = [];
  let started = true;
  const note = (wake: number | undefined) => wake !== undefined && wakes.push(wake);
  if (specs.startup) {
    const { w, wakeAt } = runWorker(t, 'startup', specs.startup, true, failures);
    started = w.verdict === true;
    if (w.verdict === false) return { ready: false, started: false, restart: { kind: 'startup', message: `Container ${t.c.name} failed startup probe, will be restarted` }, failures };
    note(wakeAt);
  }
  let ready = started;
  if (specs.liveness) {
    const { w, wakeAt } = runWorker(t, 'liveness', specs.liveness, started, failures);
    if (w.verdict === false) return { ready: false, started, restart: { kind: 'liveness', message: `Container ${t.c.name} failed liveness probe, will be restarted` }, failures };
    note(wakeAt);
  }
  const forcedReady = injectedProbe(t.pod, 'readiness', t.c.name);
  if (specs.readiness) {
    const { w, wakeAt } = runWorker(t, 'readiness', specs.readiness, started, failures);
    ready = started && w.verdict === true;
    note(wakeAt);
  } else if (forcedReady === false) ready = false;
  return { ready, started, wakeAt: wakes.length ? Math.min(...wakes) : undefined, failures };
}

/** Whether the container has any probe (a worker to run). */
export function hasProbes(c: Container): boolean {
  return !!(c.startupProbe || c.livenessProbe || c.readinessProbe);
}
