// apply --prune without an ApplySet (kubectl's pkg/cmd/apply/prune.go and pkg/util/prune): after
// applying, objects of the pruned kinds that were applied once (they carry the last-applied
// annotation), match the selector and were not among the objects just applied are deleted — in
// each namespace apply visited, then cluster-wide for cluster-scoped kinds.
import { isStatusError } from '../../api/errors';
import { LAST_APPLIED } from '../../api/patch/apply';
import { type ResourceType, allTypes } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { Client, PropagationPolicy } from '../../client/client';
import { CliError } from '../errors';

/** A kind to prune, as --prune-allowlist names it (group/version/kind). */
export interface PruneResource {
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
}

/** kubectl v1.32's default allowlist, namespaced kinds then cluster-scoped ones. */
const DEFAULT_PRUNE: readonly PruneResource[] = [
  ['', 'v1', 'ConfigMap'],
  ['', 'v1', 'Endpoints'],
  ['', 'v1', 'PersistentVolumeClaim'],
  ['', 'v1', 'Pod'],
  ['', 'v1', 'ReplicationController'],
  ['', 'v1', 'Secret'],
  ['', 'v1', 'Service'],
  ['batch', 'v1', 'Job'],
  ['batch', 'v1', 'CronJob'],
  ['networking.k8s.io', 'v1', 'Ingress'],
  ['apps', 'v1', 'DaemonSet'],
  ['apps', 'v1', 'Deployment'],
  ['apps', 'v1', 'ReplicaSet'],
  ['apps', 'v1', 'StatefulSet'],
  ['', 'v1', 'Namespace', false],
  ['', 'v1', 'PersistentVolume', false],
].map(([group, version, kind, namespaced]) => ({ group, version, kind, namespaced: namespaced !== false }) as PruneResource);

/** The served type of a group, version and kind (the kind in any case, as the REST mapper finds it). */
function mapping(group: string, version: string, kind: string): ResourceType | undefined {
  return allTypes().find((t) => t.group === group && t.version === version && t.kind.toLowerCase() === kind.toLowerCase());
}

/** The REST mapper's NoKindMatchError. */
function noMatch(group: string, version: string, kind: string): CliError {
  return new CliError(`no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(group ? `${group}/${version}` : version)}`);
}

/** --prune-allowlist's entries (prune.ParseResources): "core" is the core group. */
export function parsePruneAllowlist(entries: readonly string[]): PruneResource[] {
  return entries.map((entry) => {
    const gvk = entry.split('/');
    if (gvk.length !== 3) throw new CliError(`invalid GroupVersionKind format: ${entry}, please follow <group/version/kind>`);
    const [group, version, kind] = [gvk[0] === 'core' ? '' : gvk[0], gvk[1], gvk[2]];
    const type = mapping(group, version, kind);
    if (!type) throw noMatch(group, version, kind);
    return { group, version, kind, namespaced: type.namespaced };
  });
}

export interface PruneOptions {
  /** From --prune-allowlist; empty: the default allowlist, of which the kinds pocketkube serves. */
  allowlist: readonly PruneResource[];
  selector: string;
  /** UIDs of the objects just applied. */
  visitedUids: ReadonlySet<string | undefined>;
  /** Namespaces apply visited, in the order it first did (kubectl's set has no order). */
  visitedNamespaces: readonly string[];
  /** Deletes nothing (a client-side dry run). */
  local: boolean;
  serverDryRun: boolean;
  propagationPolicy: PropagationPolicy;
  /** --grace-period; negative: the object's own. */
  gracePeriod: number;
  /** Reports an object as pruned. */
  pruned(obj: KubeObject): void;
}

/** "apps/v1, Kind=Deployment", as Go prints a GroupVersionKind. */
const gvkText = (t: ResourceType) => `${t.group}/${t.version}, Kind=${t.kind}`;

/** Prunes; the first failure stops it, as kubectl's does. */
export function prune(client: Client, o: PruneOptions): void {
  const kinds = o.allowlist.length ? o.allowlist : DEFAULT_PRUNE.filter((r) => mapping(r.group, r.version, r.kind));
  const types = kinds.map((r) => ({ type: mapping(r.group, r.version, r.kind)!, namespaced: r.namespaced }));
  for (const ns of o.visitedNamespaces)
    for (const { type } of types.filter((t) => t.namespaced)) pruneOf(client, o, type, ns, `error pruning namespaced object ${gvkText(type)}`);
  for (const { type } of types.filter((t) => !t.namespaced)) pruneOf(client, o, type, undefined, `error pruning nonNamespaced object ${gvkText(type)}`);
}

function pruneOf(client: Client, o: PruneOptions, type: ResourceType, namespace: string | undefined, context: string): void {
  try {
    for (const obj of client.list(type, namespace, { labelSelector: o.selector })) {
      // Only what apply (or create --save-config) made is pruned.
      if (obj.metadata.annotations?.[LAST_APPLIED] === undefined) continue;
      if (o.visitedUids.has(obj.metadata.uid)) continue;
      if (!o.local)
        client.delete(type, namespace, obj.metadata.name!, {
          propagationPolicy: o.propagationPolicy,
          gracePeriodSeconds: o.gracePeriod >= 0 ? o.gracePeriod : undefined,
          dryRun: o.serverDryRun,
        });
      o.pruned(obj);
    }
  } catch (e) {
    if (!isStatusError(e)) throw e;
    throw new CliError(`${context}: ${e.message}`);
  }
}
