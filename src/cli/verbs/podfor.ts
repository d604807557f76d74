// The pod a command about one workload acts on (kubectl's AttachablePodForObject): a pod is
// itself; a Deployment or ReplicaSet gives the first of the pods its selector matches, the
// running ones first, and kubectl tells which one it took when there were several.
import { fromLabelSelector, formatLabelSelector } from '../../api/meta/selector';
import { resolveResource, type ResourceType } from '../../api/registry';
import type { KubeObject, LabelSelector, Pod } from '../../api/types';
import type { Client } from '../../client/client';
import { CliError } from '../errors';

const podType = (): ResourceType => resolveResource('pods')!;

function rank(p: Pod): number {
  if (p.metadata.deletionTimestamp) return 3;
  if (p.status?.phase === 'Running') return 0;
  if (p.status?.phase === 'Pending') return 1;
  return 2;
}

/** The pod for `type`/`name`; notes on stderr which one when the workload had several. */
export function podForObject(client: Client, type: ResourceType, namespace: string, name: string, err: { write(s: string): void }): Pod {
  return attachablePod(client, type, client.get(type, namespace, name), err);
}

/** podForObject for an object already fetched. */
export function attachablePod(client: Client, type: ResourceType, found: KubeObject, err: { write(s: string): void }): Pod {
  const pods = podsForObject(client, type, found);
  if (pods.length > 1) err.write(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  return pods[0];
}

/**
 * Every pod behind an object, in the order kubectl takes them (logs --all-pods): the pod itself,
 * or the workload's pods, running ones first, then oldest first.
 */
export function podsForObject(client: Client, type: ResourceType, found: KubeObject): Pod[] {
  if (type.kind === 'Pod') return [found as Pod];
  const obj = found as KubeObject & { spec?: { selector?: LabelSelector } };
  const { namespace, name } = obj.metadata;
  const selector = obj.spec?.selector;
  if (!selector || !fromLabelSelector(selector)) throw new CliError(`cannot attach to ${type.kind}: selector for ${name} not implemented`);
  const pods = client.list<Pod>(podType(), namespace, { labelSelector: formatLabelSelector(selector) });
  if (!pods.length) throw new CliError(`timed out waiting for the condition`);
  return [...pods].sort((a, b) => rank(a) - rank(b) || (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
}

/** The container kubectl picks when none is named, with its "Defaulted container" note. */
export function defaultContainer(pod: Pod, err: { write(s: string): void }, quiet = false): string {
  const wanted = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const names = pod.spec.containers.map((c) => c.name);
  const init = (pod.spec.initContainers ?? []).map((c) => c.name);
  const ephemeral = ((pod.spec.ephemeralContainers ?? []) as { name: string }[]).map((c) => c.name);
  if (wanted && [...names, ...ephemeral, ...init].includes(wanted)) return wanted;
  // podcmd.FindOrDefaultContainerByName: the first container, noted when there was a choice.
  if (!quiet && (names.length > 1 || init.length > 0 || ephemeral.length > 0)) {
    const all = [...names, ...ephemeral.map((n) => `${n} (ephem)`), ...init.map((n) => `${n} (init)`)];
    err.write(`Defaulted container ${JSON.stringify(names[0])} out of: ${all.join(', ')}\n`);
  }
  return names[0];
}

/** POD or TYPE/NAME, as logs, exec and attach take it: a bare word is a pod's name. */
export function podOrTypeName(arg: string, typeOf: (word: string) => ResourceType): { type: ResourceType; name: string } {
  const slash = arg.indexOf('/');
  if (slash < 0) return { type: podType(), name: arg };
  return { type: typeOf(arg.slice(0, slash)), name: arg.slice(slash + 1) };
}
