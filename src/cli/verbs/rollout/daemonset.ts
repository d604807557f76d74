// Rollouts of DaemonSets, as kubectl drives them: progress from the status, history from the
// ControllerRevisions it controls, rollback as a strategic merge patch of a revision's data.
import { CHANGE_CAUSE } from '../../../api/apps/replicasets';
import { ownedRevisions, revisionMatches, revisionTemplate } from '../../../api/apps/daemonsets';
import { controllerrevision as crKind } from '../../../api/kinds/controllerrevision';
import { daemonset as dsKind } from '../../../api/kinds/daemonset';
import { fromLabelSelector, matches } from '../../../api/meta/selector';
import type { ControllerRevision, DaemonSet, KubeObject } from '../../../api/types';
import type { Client } from '../../../client/client';
import { podTemplateText } from '../../../printers/describe';
import { DESCRIBE_TABWRITER, tabwrite } from '../../../printers/tabwriter';
import { CliError } from '../../errors';
import { RESTARTED_AT, rfc3339Local } from './deployment';
import type { HistoryViewer, RolloutKind } from './kind';

function status(obj: KubeObject): { message: string; done: boolean } {
  const ds = obj as DaemonSet;
  if (ds.spec.updateStrategy?.type !== 'RollingUpdate') throw new CliError('rollout status is only available for RollingUpdate strategy type');
  const s = ds.status;
  if ((ds.metadata.generation ?? 0) > (s?.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const name = JSON.stringify(ds.metadata.name);
  const desired = s?.desiredNumberScheduled ?? 0;
  if ((s?.updatedNumberScheduled ?? 0) < desired)
    return { message: `Waiting for daemon set ${name} rollout to finish: ${s?.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
  if ((s?.numberAvailable ?? 0) < desired) return { message: `Waiting for daemon set ${name} rollout to finish: ${s?.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
  return { message: `daemon set ${name} successfully rolled out\n`, done: true };
}

/** daemonSetHistory: the DaemonSet as it is now and the revisions it controls. */
function daemonSetHistory(client: Client, obj: KubeObject): { ds: DaemonSet; revisions: ControllerRevision[] } {
  const ds = client.get<DaemonSet>(dsKind.type, obj.metadata.namespace, obj.metadata.name!);
  const selector = fromLabelSelector(ds.spec.selector) ?? [];
  const selected = client.list<ControllerRevision>(crKind.type, ds.metadata.namespace).filter((cr) => matches(selector, cr.metadata.labels));
  return { ds, revisions: ownedRevisions(ds, selected) };
}

const history: HistoryViewer = {
  history(client, obj) {
    const out = new Map<number, KubeObject>();
    for (const cr of daemonSetHistory(client, obj).revisions) out.set(cr.revision, cr);
    return out;
  },

  view(client, obj, revision) {
    const byRevision = this.history(client, obj, () => {}) as Map<number, ControllerRevision>;
    if (!byRevision.size) return 'No rollout history found.';
    if (revision > 0) {
      const cr = byRevision.get(revision);
      if (!cr) throw new CliError('unable to find the specified revision');
      return podTemplateText(revisionTemplate(cr));
    }
    let table = 'REVISION\tCHANGE-CAUSE\n';
    for (const rev of [...byRevision.keys()].sort((a, b) => a - b)) table += `${rev}\t${byRevision.get(rev)!.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`;
    return tabwrite(table, DESCRIBE_TABWRITER);
  },
};

function rollback(client: Client, obj: KubeObject, toRevision: number, dryRun: 'none' | 'client' | 'server'): string {
  const { ds, revisions } = daemonSetHistory(client, obj);
  if (toRevision === 0 && revisions.length <= 1) throw new CliError('no last revision to roll back to');
  // The revision before the current one, or the one asked for.
  const sorted = [...revisions].sort((a, b) => a.revision - b.revision);
  const to = toRevision === 0 ? sorted[sorted.length - 2] : sorted.find((cr) => cr.revision === toRevision);
  if (!to) throw new CliError(`unable to find specified revision ${toRevision} in history`);
  if (dryRun === 'client') return `will roll back to ${podTemplateText(revisionTemplate(to))}`;
  if (revisionMatches(ds, to)) return `skipped rollback (current template already matches revision ${toRevision})`;
  try {
    client.patch(dsKind.type, ds.metadata.namespace, ds.metadata.name!, 'strategic', to.data, { dryRun: dryRun === 'server' });
  } catch (e) {
    throw new CliError(`failed restoring revision ${toRevision}: ${(e as Error).message}`);
  }
  return 'rolled back';
}

export const daemonSetRollout: RolloutKind = {
  status,
  history,
  rollback,
  restart(obj, now) {
    const ds = obj as DaemonSet;
    const meta = ds.spec.template.metadata ?? {};
    const template = { ...ds.spec.template, metadata: { ...meta, annotations: { ...(meta.annotations ?? {}), [RESTARTED_AT]: rfc3339Local(now) } } };
    return { ...ds, spec: { ...ds.spec, template } };
  },
};
