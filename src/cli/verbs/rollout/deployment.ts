// Rollouts of Deployments, as kubectl drives them: progress from the status, history from the
// ReplicaSets' revision annotations, rollback as a JSON patch of the template and annotations.
import { ANNOTATIONS_TO_SKIP, CHANGE_CAUSE, POD_TEMPLATE_HASH, REVISION, deploymentReplicaSets, equalIgnoreHash } from '../../../api/apps/replicasets';
import { deployment as deploymentKind } from '../../../api/kinds/deployment';
import { replicaset as replicasetKind } from '../../../api/kinds/replicaset';
import { clone } from '../../../api/meta/equal';
import type { Deployment, KubeObject, PodTemplateSpec, ReplicaSet } from '../../../api/types';
import type { Client } from '../../../client/client';
import { podTemplateText } from '../../../printers/describe';
import { DESCRIBE_TABWRITER, tabwrite } from '../../../printers/tabwriter';
import { CliError } from '../../errors';
import { type HistoryViewer, RefusedError, type RolloutKind } from './kind';

const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** deploymentutil.Revision: a missing annotation is revision 0; a malformed one an error. */
function revisionOf(obj: KubeObject): number {
  const v = obj.metadata.annotations?.[REVISION];
  if (v === undefined) return 0;
  if (!/^[+-]?[0-9]+$/.test(v)) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  return parseInt(v, 10);
}

/** GetAllReplicaSets: the old ones in list order, then the new one. */
function replicaSetsOf(client: Client, d: Deployment): ReplicaSet[] {
  const { newRS, old } = deploymentReplicaSets(d, client.list<ReplicaSet>(replicasetKind.type, d.metadata.namespace));
  return newRS ? [...old, newRS] : old;
}

function status(obj: KubeObject, revision: number): { message: string; done: boolean } {
  const d = obj as Deployment;
  const name = JSON.stringify(d.metadata.name);
  if (revision > 0) {
    let current: number;
    try {
      current = revisionOf(d);
    } catch (e) {
      throw new CliError(`cannot get the revision of deployment ${name}: ${(e as Error).message}`);
    }
    if (revision !== current) throw new CliError(`desired revision (${revision}) is different from the running revision (${current})`);
  }
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  if (s.conditions?.find((c) => c.type === 'Progressing')?.reason === TIMED_OUT_REASON)
    throw new CliError(`deployment ${name} exceeded its progress deadline`);
  const want = d.spec.replicas;
  const updated = s.updatedReplicas ?? 0;
  const waiting = (what: string) => ({ message: `Waiting for deployment ${name} rollout to finish: ${what}...\n`, done: false });
  if (want !== undefined && updated < want) return waiting(`${updated} out of ${want} new replicas have been updated`);
  if ((s.replicas ?? 0) > updated) return waiting(`${(s.replicas ?? 0) - updated} old replicas are pending termination`);
  if ((s.availableReplicas ?? 0) < updated) return waiting(`${s.availableReplicas ?? 0} of ${updated} updated replicas are available`);
  return { message: `deployment ${name} successfully rolled out\n`, done: true };
}

const history: HistoryViewer = {
  history(client, obj, warn) {
    const d = obj as Deployment;
    const out = new Map<number, KubeObject>();
    for (const rs of replicaSetsOf(client, d)) {
      try {
        out.set(revisionOf(rs), rs);
      } catch (e) {
        warn(`unable to get revision from replicaset ${rs.metadata.name} for deployment ${d.metadata.name} in namespace ${d.metadata.namespace}: ${(e as Error).message}`);
      }
    }
    return out;
  },

  view(client, obj, revision, warn) {
    // Each revision's template, with its ReplicaSet's change-cause among the annotations.
    const templates = new Map<number, PodTemplateSpec>();
    for (const [rev, rs] of this.history(client, obj, warn)) {
      const t = clone((rs as ReplicaSet).spec.template);
      const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
      t.metadata = { ...t.metadata, annotations: { ...(t.metadata?.annotations ?? {}), ...(cause ? { [CHANGE_CAUSE]: cause } : {}) } };
      templates.set(rev, t);
    }
    if (!templates.size) return 'No rollout history found.';
    if (revision > 0) {
      const t = templates.get(revision);
      if (!t) throw new CliError('unable to find the specified revision');
      return podTemplateText(t);
    }
    let table = 'REVISION\tCHANGE-CAUSE\n';
    for (const rev of [...templates.keys()].sort((a, b) => a - b)) table += `${rev}\t${templates.get(rev)!.metadata?.annotations?.[CHANGE_CAUSE] || '<none>'}\n`;
    return tabwrite(table, DESCRIBE_TABWRITER);
  },
};

/** deploymentRevision: the ReplicaSet of `toRevision`, or of the revision before the latest. */
function replicaSetForRevision(client: Client, d: Deployment, toRevision: number): ReplicaSet {
  let latest: { rev: number; rs?: ReplicaSet } = { rev: -1 };
  let previous: { rev: number; rs?: ReplicaSet } = { rev: -1 };
  for (const rs of replicaSetsOf(client, d)) {
    let v: number;
    try {
      v = revisionOf(rs);
    } catch {
      continue;
    }
    if (toRevision > 0) {
      if (v === toRevision) return rs;
    } else if (latest.rev < v) {
      previous = latest;
      latest = { rev: v, rs };
    } else if (previous.rev < v) previous = { rev: v, rs };
  }
  if (toRevision > 0) throw revisionNotFound(toRevision);
  if (!previous.rs) throw new CliError(`no rollout history found for deployment ${JSON.stringify(d.metadata.name)}`);
  return previous.rs;
}

function revisionNotFound(revision: number): CliError {
  return new CliError(`unable to find specified revision ${revision} in history`);
}

function rollback(client: Client, obj: KubeObject, toRevision: number, dryRun: 'none' | 'client' | 'server'): string {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const name = obj.metadata.name!;
  let d: Deployment;
  try {
    d = client.get<Deployment>(deploymentKind.type, obj.metadata.namespace, name);
  } catch (e) {
    throw new CliError(`failed to retrieve Deployment ${name}: ${(e as Error).message}`);
  }
  const rs = replicaSetForRevision(client, d, toRevision);
  if (dryRun === 'client') return podTemplateText(rs.spec.template);
  if (d.spec.paused) throw new CliError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (equalIgnoreHash(rs.spec.template, d.spec.template)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const template = clone(rs.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH];
  // The Deployment keeps its own bookkeeping annotations and takes the rest from the ReplicaSet.
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const patch = [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
  try {
    client.patch(deploymentKind.type, d.metadata.namespace, name, 'json', patch, { dryRun: dryRun === 'server' });
  } catch (e) {
    throw new CliError(`failed restoring revision ${toRevision}: ${(e as Error).message}`);
  }
  return 'rolled back';
}

function withSpec(d: Deployment, spec: Partial<Deployment['spec']>): Deployment {
  return { ...d, spec: { ...d.spec, ...spec } };
}

/** Go's time.Format(time.RFC3339) in the local zone: "2026-11-26T12:00:00Z" or "...+01:00". */
export function rfc3339Local(ms: number): string {
  const t = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = -t.getTimezoneOffset();
  const zone = off === 0 ? 'Z' : `${off > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}${zone}`;
}

export const deploymentRollout: RolloutKind = {
  status,
  history,
  rollback,
  pause(obj) {
    const d = obj as Deployment;
    if (d.spec.paused) throw new RefusedError('is already paused');
    return withSpec(d, { paused: true });
  },
  resume(obj) {
    const d = obj as Deployment;
    if (!d.spec.paused) throw new RefusedError('is not paused');
    const { paused: _paused, ...spec } = d.spec;
    return { ...d, spec };
  },
  restart(obj, now) {
    const d = obj as Deployment;
    if (d.spec.paused) throw new RefusedError("can't restart paused deployment (run rollout resume first)");
    const meta = d.spec.template.metadata ?? {};
    const template = { ...d.spec.template, metadata: { ...meta, annotations: { ...(meta.annotations ?? {}), [RESTARTED_AT]: rfc3339Local(now) } } };
    return withSpec(d, { template });
  },
};
