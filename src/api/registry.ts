// The kinds pocketkube serves, and the only place a user's word ("deploy", "deployments.apps",
// "Deployment") becomes a resource type.
import { apiservice } from './kinds/apiservice';
import { configmap } from './kinds/configmap';
import { controllerrevision } from './kinds/controllerrevision';
import { cronjob } from './kinds/cronjob';
import { daemonset } from './kinds/daemonset';
import { deployment } from './kinds/deployment';
import { event } from './kinds/event';
import { job } from './kinds/job';
import { type KindDef, type ResourceType, apiVersionOf } from './kinds/kind';
import { namespace } from './kinds/namespace';
import { node } from './kinds/node';
import { persistentvolumeclaim } from './kinds/persistentvolumeclaim';
import { pod } from './kinds/pod';
import { poddisruptionbudget } from './kinds/poddisruptionbudget';
import { replicaset } from './kinds/replicaset';
import { secret } from './kinds/secret';
import { serviceaccount } from './kinds/serviceaccount';
import { statefulset } from './kinds/statefulset';

export type { ResourceType, KindDef } from './kinds/kind';
export { apiVersionOf } from './kinds/kind';

const KINDS: readonly KindDef[] = [configmap, event, namespace, node, persistentvolumeclaim, pod, secret, serviceaccount, deployment, replicaset, daemonset, statefulset, controllerrevision, job, cronjob, poddisruptionbudget, apiservice];

/** Discovery order: the core group first, then groups by name; resources by name within a group. */
const ORDERED: readonly KindDef[] = [...KINDS].sort((a, b) => {
  if (a.type.group !== b.type.group) {
    if (!a.type.group) return -1;
    if (!b.type.group) return 1;
    return a.type.group < b.type.group ? -1 : 1;
  }
  return a.type.resource < b.type.resource ? -1 : 1;
});

export function allKinds(): readonly KindDef[] {
  return ORDERED;
}

export function allTypes(): ResourceType[] {
  return ORDERED.map((k) => k.type);
}

export function kindDef(t: ResourceType): KindDef {
  const k = ORDERED.find((d) => d.type === t);
  if (!k) throw new Error(`no kind definition for ${t.resource}`);
  return k;
}

/** The resource type for an object's apiVersion and kind, if served. */
export function typeForKind(apiVersion: string, kind: string): ResourceType | undefined {
  return ORDERED.find((k) => k.type.kind === kind && apiVersionOf(k.type) === apiVersion)?.type;
}

/** True when some served type has this kind in another version (a version mismatch, not an unknown kind). */
export function typesWithKind(kind: string): ResourceType[] {
  return ORDERED.filter((k) => k.type.kind === kind).map((k) => k.type);
}

function matchesName(t: ResourceType, name: string): boolean {
  return (
    t.resource === name || t.singular === name || t.kind.toLowerCase() === name || t.shortNames.includes(name)
  );
}

/**
 * Resolves "pods", "pod", "po", "Pod", "deployments.apps", "deploy.apps", "deployments.v1.apps".
 * The core group wins when a bare name is ambiguous.
 */
export function resolveResource(arg: string): ResourceType | undefined {
  const text = arg.toLowerCase();
  for (const k of ORDERED) if (matchesName(k.type, text)) return k.type;
  const dot = text.indexOf('.');
  if (dot < 0) return undefined;
  const name = text.slice(0, dot);
  const rest = text.slice(dot + 1);
  for (const k of ORDERED) {
    const t = k.type;
    if (!matchesName(t, name)) continue;
    if (rest === t.group || rest === `${t.version}.${t.group}` || (t.group === '' && (rest === t.version || rest === ''))) return t;
  }
  return undefined;
}

/** Types in a discovery category such as "all", in discovery order. */
export function typesInCategory(category: string): ResourceType[] {
  return ORDERED.filter((k) => k.type.categories?.includes(category)).map((k) => k.type);
}
