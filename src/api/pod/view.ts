// What the control plane's caches keep of a pod: the fields read by the controllers that look at
// many pods at once (ownership, phase, readiness, restarts, node, what the scheduler's verdict
// depends on), as a client-go informer keeps objects through a transform; its metadata is what a
// metadata informer keeps (the garbage collector's graph). The store keeps each
// pod's view beside it (store/collection.ts), so a controller that must look at ten thousand
// replicas reads a tenth of their bytes and fetches whole only the pods it writes.
import type * as Crypto from 'node:crypto';
import type { Condition, ObjectMeta, OwnerReference, Pod, PodSpec } from '../types';

/** Raised whenever `podView` changes what it keeps: views stored by an older build are then recomputed. */
export const POD_VIEW_VERSION = 1;

/** An owner reference as a view keeps it: the owner's uid and how it owns (its kind and name are the object's to read). */
export type OwnerRefView = Pick<OwnerReference, 'uid' | 'controller' | 'blockOwnerDeletion'>;

export interface PodView {
  metadata: Pick<ObjectMeta, 'name' | 'namespace' | 'uid' | 'labels' | 'finalizers' | 'creationTimestamp' | 'deletionTimestamp'> & { ownerReferences?: OwnerRefView[] };
  spec: Pick<PodSpec, 'nodeName' | 'schedulerName' | 'priority'> & { schedulingGates?: unknown[] };
  status: {
    phase?: NonNullable<Pod['status']>['phase'];
    nominatedNodeName?: string;
    /** Only the Ready condition: its status and when it last changed. */
    conditions?: Condition[];
    containerStatuses?: { restartCount: number }[];
  };
  /** For a pod not bound yet: what scheduling it depends on. */
  scheduling?: SchedulingFacts;
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
const TOKEN_VOLUME = '"kube-api-access-';
const TOKEN_SUFFIX = /^[a-z0-9]{5}"$/;
const COLON = 0x3a;

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
  const spec: PodView['spec'] = {};
  const s = pod.spec ?? ({} as PodSpec);
  if (s.nodeName) spec.nodeName = s.nodeName;
  if (s.schedulerName) spec.schedulerName = s.schedulerName;
  if (s.priority !== undefined) spec.priority = s.priority;
  if ((s.schedulingGates as unknown[] | undefined)?.length) spec.schedulingGates = s.schedulingGates as unknown[];
  const status: PodView['status'] = {};
  const st = pod.status;
  if (st?.phase) status.phase = st.phase;
  if (st?.nominatedNodeName) status.nominatedNodeName = st.nominatedNodeName;
  const ready = st?.conditions?.find((c) => c.type === 'Ready');
  if (ready) status.conditions = [{ type: 'Ready', status: ready.status, lastTransitionTime: ready.lastTransitionTime }];
  if (st?.containerStatuses?.length) status.containerStatuses = st.containerStatuses.map((c) => ({ restartCount: c.restartCount }));
  const view: PodView = { metadata, spec, status };
  if (!s.nodeName) view.scheduling = schedulingFacts(pod, s);
  return view;
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
    specDigest = digest(blankTokenNames(JSON.stringify(spec)));
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
    verdictDigests.set(message, (d = digest(message)));
  }
  return d;
}

/** A spec's JSON with every string value `kube-api-access-xxxxx` made one (searched, not matched: this runs for every pending pod). */
function blankTokenNames(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(TOKEN_VOLUME); at >= 0; at = text.indexOf(TOKEN_VOLUME, at + 1)) {
    const suffix = at + TOKEN_VOLUME.length;
    // A whole string value (not an object key: a key is followed by a colon).
    if (!TOKEN_SUFFIX.test(text.slice(suffix, suffix + 6)) || text.charCodeAt(suffix + 6) === COLON) continue;
    // Blanked to a NUL, which JSON text never holds raw: no other string can look the same.
    out += `${text.slice(from, suffix)}\0`;
    from = suffix + 5;
  }
  return from === 0 ? text : out + text.slice(from);
}

function digest(text: string): string {
  // Loaded here: node:crypto costs every command ~10 ms, and only a write or a scheduling needs a digest.
  return (require('node:crypto') as typeof Crypto).hash('sha1', text, 'base64url').slice(0, 16);
}

function waitsForPods(spec: PodSpec): boolean {
  const s = spec as { affinity?: { podAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: unknown[] } }; topologySpreadConstraints?: { whenUnsatisfiable?: string }[] };
  const affinity = s.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const spread = (s.topologySpreadConstraints ?? []).some((c) => c.whenUnsatisfiable !== 'ScheduleAnyway');
  return !!affinity?.length || spread;
}
