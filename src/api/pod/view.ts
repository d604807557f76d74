// What the control plane's caches keep of a pod: the fields read by the controllers that look at
// many pods at once (ownership, phase, readiness, restarts, node, what the scheduler's verdict
// depends on), as a client-go informer keeps objects through a transform; its metadata is what a
// metadata informer keeps (the garbage collector's graph). The store keeps each
// pod's view beside it (store/collection.ts), so a controller that must look at ten thousand
// replicas reads a twentieth of their bytes and fetches whole only the pods it writes.
//
// It is also a pod as the pods table reads it (printers/table/pod.ts: printPod's READY, STATUS,
// RESTARTS, IP, NODE, NOMINATED NODE and READINESS GATES), so `get pods` prints a table of ten
// thousand from their views alone, as the API server answers kubectl's Table request without
// handing out the objects; a test prints pods in every state both ways and compares.
import type { Condition, ContainerState, ContainerStatus, ObjectMeta, OwnerReference, Pod, PodSpec } from '../types';
import { type HostPort, type Resources, hostPorts, podRequests } from './footprint';

/** Raised whenever `podView` changes what it keeps: views stored by an older build are then recomputed. */
export const POD_VIEW_VERSION = 5;

/** An owner reference as a view keeps it: the owner's uid and how it owns (its kind and name are the object's to read). */
export type OwnerRefView = Pick<OwnerReference, 'uid' | 'controller' | 'blockOwnerDeletion'>;

/** A container's status as the table reads it: its state without dates, when it last ended. */
export type ContainerStatusView = Pick<ContainerStatus, 'name' | 'ready' | 'restartCount' | 'started'> & {
  state?: ContainerState;
  lastState?: { terminated: { finishedAt?: string } };
};

export interface PodView {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: Pick<ObjectMeta, 'name' | 'namespace' | 'uid' | 'labels' | 'finalizers' | 'creationTimestamp' | 'deletionTimestamp'> & { ownerReferences?: OwnerRefView[] };
  spec: Pick<PodSpec, 'nodeName' | 'schedulerName' | 'priority' | 'hostNetwork'> & {
    schedulingGates?: unknown[];
    readinessGates?: unknown[];
    /** Only the names: the table counts them. */
    containers: { name: string }[];
    initContainers?: { name: string; restartPolicy?: string }[];
  };
  status: {
    phase?: NonNullable<Pod['status']>['phase'];
    reason?: string;
    /** The pod's IP (the kubelet allocates the next one free on its node). */
    podIP?: string;
    podIPs?: { ip: string }[];
    nominatedNodeName?: string;
    /** Each condition's type, status and reason; Ready's also when it last changed. */
    conditions?: Condition[];
    containerStatuses?: ContainerStatusView[];
    initContainerStatuses?: ContainerStatusView[];
  };
  /** For a pod not bound yet: what scheduling it depends on. */
  scheduling?: SchedulingFacts;
  /** For a pod bound to a node: what it takes there, for the scheduler's cache. */
  placed?: Placement;
}

/** What a bound pod takes of its node, as the scheduler's plugins count it (api/pod/footprint.ts). */
export interface Placement {
  requests: Resources;
  /** The same with the scheduler's defaults for containers that request no cpu or memory. */
  nonZeroRequests: Resources;
  hostPorts?: HostPort[];
  /** It has pod affinity or anti-affinity terms, which the scheduler reads from the whole pod. */
  podAffinity?: true;
}

export interface SchedulingFacts {
  /** A digest of the spec as the scheduler's plugins see it: equal digests, equal verdicts. */
  spec: string;
  /** Required pod affinity or a hard spread constraint: a newly bound pod may help it. */
  waitsForPods?: true;
  /** The digest of the verdict its status carries (PodScheduled False, Unschedulable: its message). */
  verdict?: string;
}

/** The token volume the ServiceAccount admission names per pod (kube-api-access-xxxxx): no plugin looks at the name. */
const TOKEN_NAME = /^kube-api-access-[a-z0-9]{5}$/;
const TOKEN_NAME_LENGTH = 21;

const memo = new WeakMap<object, PodView>();

/** The view of a pod; stored objects are frozen, so one view per object is computed once. */
export function podView(pod: Pod): PodView {
  let view = memo.get(pod);
  if (!view) {
    view = computeView(pod);
    if (Object.isFrozen(pod)) memo.set(pod, view);
  }
  return view;
}

function computeView(pod: Pod): PodView {
  const m = pod.metadata;
  const metadata: PodView['metadata'] = { name: m.name, namespace: m.namespace, uid: m.uid };
  if (m.labels) metadata.labels = m.labels;
  if (m.ownerReferences?.length) metadata.ownerReferences = m.ownerReferences.map(ownerRefView);
  if (m.creationTimestamp) metadata.creationTimestamp = m.creationTimestamp;
  if (m.deletionTimestamp) metadata.deletionTimestamp = m.deletionTimestamp;
  if (m.finalizers?.length) metadata.finalizers = m.finalizers;
  const s = pod.spec ?? ({} as PodSpec);
  const spec: PodView['spec'] = { containers: (s.containers ?? []).map((c) => ({ name: c.name })) };
  if (s.initContainers?.length) spec.initContainers = s.initContainers.map((c) => (c.restartPolicy ? { name: c.name, restartPolicy: c.restartPolicy } : { name: c.name }));
  if ((s.readinessGates as unknown[] | undefined)?.length) spec.readinessGates = s.readinessGates as unknown[];
  if (s.nodeName) spec.nodeName = s.nodeName;
  if (s.schedulerName) spec.schedulerName = s.schedulerName;
  if (s.priority !== undefined) spec.priority = s.priority;
  if (s.hostNetwork) spec.hostNetwork = true;
  if ((s.schedulingGates as unknown[] | undefined)?.length) spec.schedulingGates = s.schedulingGates as unknown[];
  const status: PodView['status'] = {};
  const st = pod.status;
  if (st?.phase) status.phase = st.phase;
  if (st?.reason) status.reason = st.reason;
  if (st?.podIP) status.podIP = st.podIP;
  if (st?.podIPs?.length) status.podIPs = st.podIPs.map((p) => ({ ip: p.ip }));
  if (st?.nominatedNodeName) status.nominatedNodeName = st.nominatedNodeName;
  if (st?.conditions?.length) status.conditions = st.conditions.map(conditionView);
  if (st?.containerStatuses?.length) status.containerStatuses = st.containerStatuses.map(containerStatusView);
  if (st?.initContainerStatuses?.length) status.initContainerStatuses = st.initContainerStatuses.map(containerStatusView);
  const view: PodView = { apiVersion: 'v1', kind: 'Pod', metadata, spec, status };
  if (!s.nodeName) view.scheduling = schedulingFacts(pod, s);
  else view.placed = placementOf(pod, s);
  return view;
}

/** A bound pod's placement, once per spec object (a status write keeps the stored spec). */
const placements = new WeakMap<object, Placement>();

export function placementOf(pod: Pod, spec: PodSpec = pod.spec): Placement {
  let placed = placements.get(spec);
  if (!placed) {
    placed = { requests: podRequests(pod), nonZeroRequests: podRequests(pod, true) };
    const ports = hostPorts(pod);
    if (ports.length) placed.hostPorts = ports;
    const a = spec.affinity as { podAffinity?: unknown; podAntiAffinity?: unknown } | undefined;
    if (a?.podAffinity || a?.podAntiAffinity) placed.podAffinity = true;
    if (Object.isFrozen(spec)) placements.set(spec, placed);
  }
  return placed;
}

function conditionView(c: Condition): Condition {
  const v: Condition = { type: c.type, status: c.status };
  if (c.reason) v.reason = c.reason;
  if (c.type === 'Ready') v.lastTransitionTime = c.lastTransitionTime;
  return v;
}

/** A running container's state is kept without its start: pods alike have views alike (viewdelta.ts). */
function containerStatusView(c: ContainerStatus): ContainerStatusView {
  const v: ContainerStatusView = { name: c.name, ready: c.ready, restartCount: c.restartCount };
  if (c.started !== undefined) v.started = c.started;
  const { running, waiting, terminated } = c.state ?? {};
  if (running || waiting || terminated) {
    const state: ContainerState = (v.state = {});
    if (running) state.running = {};
    if (waiting) state.waiting = waiting.reason ? { reason: waiting.reason } : {};
    if (terminated) state.terminated = terminatedView(terminated);
  }
  const finishedAt = c.lastState?.terminated?.finishedAt;
  if (c.lastState?.terminated) v.lastState = { terminated: finishedAt ? { finishedAt } : {} };
  return v;
}

function terminatedView(t: NonNullable<ContainerState['terminated']>): NonNullable<ContainerState['terminated']> {
  const v = { exitCode: t.exitCode } as NonNullable<ContainerState['terminated']>;
  if (t.reason) v.reason = t.reason;
  if (t.signal) v.signal = t.signal;
  return v;
}

function ownerRefView(r: OwnerReference): OwnerRefView {
  const v: OwnerRefView = { uid: r.uid };
  if (r.controller) v.controller = true;
  if (r.blockOwnerDeletion) v.blockOwnerDeletion = true;
  return v;
}

/**
 * The spec's digest, once per spec object: a status write keeps the stored spec object (the API
 * server copies only the status), so a pending pod's spec is digested once, not at every write.
 */
const specDigests = new WeakMap<object, string>();

function schedulingFacts(pod: Pod, spec: PodSpec): SchedulingFacts {
  let specDigest = specDigests.get(spec);
  if (specDigest === undefined) {
    specDigest = new Digest().value(spec).text();
    if (Object.isFrozen(spec)) specDigests.set(spec, specDigest);
  }
  const facts: SchedulingFacts = { spec: specDigest };
  if (waitsForPods(spec)) facts.waitsForPods = true;
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') facts.verdict = verdictDigest(scheduled.message ?? '');
  return facts;
}

/** Digests of recent verdicts: ten thousand replicas carry a handful of messages. */
const verdictDigests = new Map<string, string>();

/** How a view names the verdict (a FailedScheduling message) its pod's status carries. */
export function verdictDigest(message: string): string {
  let d = verdictDigests.get(message);
  if (d === undefined) {
    if (verdictDigests.size >= 64) verdictDigests.clear();
    verdictDigests.set(message, (d = new Digest().value(message).text()));
  }
  return d;
}

/** A whole string value that is the ServiceAccount admission's token volume name. */
const isTokenName = (s: string) => s.length === TOKEN_NAME_LENGTH && TOKEN_NAME.test(s);

/**
 * A 64-bit digest of a JSON value, walked rather than serialized (this runs for every pending
 * pod; serializing and hashing the text cost three times as much): two 32-bit lanes, FNV-1a (as
 * deployment/hash.ts, which hashes bytes) and a murmur-style mix, over a tagged walk — keys, strings, numbers, booleans, null, arrays and objects each
 * marked, strings ended — in which a string value that is a token volume's name counts as one
 * mark of its own (no plugin looks at what a volume is called). Equal digests stand for equal
 * specs for the verdict cache; two different specs meeting by chance (about one in 2^64) would
 * share a verdict.
 */
class Digest {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;

  value(v: unknown): this {
    if (v === null) return this.mark(0x6e);
    switch (typeof v) {
      case 'string':
        return isTokenName(v) ? this.mark(0x54) : this.string(v);
      case 'number':
        return this.mark(0x64).chars(String(v)).mark(0x3b);
      case 'boolean':
        return this.mark(v ? 0x74 : 0x66);
      case 'object':
        if (Array.isArray(v)) {
          this.mark(0x5b);
          for (let i = 0; i < v.length; i++) this.value(v[i] === undefined ? null : v[i]);
          return this.mark(0x5d);
        }
        this.mark(0x7b);
        // for-in: no array of keys per object (a spec inherits no enumerable keys).
        for (const k in v as object) {
          const x = (v as Record<string, unknown>)[k];
          if (x === undefined) continue;
          this.string(k).value(x);
        }
        return this.mark(0x7d);
      default:
        return this;
    }
  }

  text(): string {
    return (this.a >>> 0).toString(36).padStart(7, '0') + (this.b >>> 0).toString(36).padStart(7, '0');
  }

  private string(s: string): this {
    return this.mark(0x22).chars(s).mark(0x22);
  }

  private chars(s: string): this {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
    return this;
  }

  /** A mark no character of a string can be mistaken for: strings are fed as UTF-16 units, marks above them. */
  private mark(m: number): this {
    this.a = Math.imul(this.a ^ (0x10000 + m), 0x01000193);
    this.b = Math.imul(this.b ^ (0x10000 + m), 0x5bd1e995);
    this.b ^= this.b >>> 15;
    return this;
  }
}

function waitsForPods(spec: PodSpec): boolean {
  const s = spec as { affinity?: { podAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: unknown[] } }; topologySpreadConstraints?: { whenUnsatisfiable?: string }[] };
  const affinity = s.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const spread = (s.topologySpreadConstraints ?? []).some((c) => c.whenUnsatisfiable !== 'ScheduleAnyway');
  return !!affinity?.length || spread;
}
