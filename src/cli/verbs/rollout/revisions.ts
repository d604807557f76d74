// Rollouts of the kinds whose history is ControllerRevisions (DaemonSets, StatefulSets), as
// kubectl drives them: history from the revisions the object controls and its selector selects,
// rollback as a strategic merge patch of a revision's data, restart by the template's
// restartedAt annotation.
import { CHANGE_CAUSE } from '../../../api/apps/replicasets';
import { type TemplateOwner, revisionMatches, revisionTemplate } from '../../../api/apps/revisions';
import { controllerrevision as crKind } from '../../../api/kinds/controllerrevision';
import { controllerRef } from '../../../api/meta/ownerrefs';
import { fromLabelSelector, matches } from '../../../api/meta/selector';
import type { ResourceType } from '../../../api/registry';
import type { ControllerRevision, KubeObject, LabelSelector } from '../../../api/types';
import type { Client } from '../../../client/client';
import { podTemplateText } from '../../../printers/describe';
import { DESCRIBE_TABWRITER, tabwrite } from '../../../printers/tabwriter';
import { CliError } from '../../errors';
import { RESTARTED_AT, rfc3339Local } from './deployment';
import type { HistoryViewer, RolloutKind, RolloutStatus } from './kind';

type SelectingOwner = TemplateOwner & { spec: { selector?: LabelSelector } };

/** The object as it is now and the revisions it controls that its selector selects. */
function controlledHistory(client: Client, type: ResourceType, obj: KubeObject): { owner: SelectingOwner; revisions: ControllerRevision[] } {
  const owner = client.get<SelectingOwner>(type, obj.metadata.namespace, obj.metadata.name!);
  const selector = fromLabelSelector(owner.spec.selector) ?? [];
  const revisions = client
    .list<ControllerRevision>(crKind.type, owner.metadata.namespace)
    .filter((cr) => matches(selector, cr.metadata.labels) && controllerRef(cr)?.uid === owner.metadata.uid);
  return { owner, revisions };
}

export function revisionRollout(type: ResourceType, status: (obj: KubeObject) => RolloutStatus): RolloutKind {
  const history: HistoryViewer = {
    history(client, obj) {
      const out = new Map<number, KubeObject>();
      for (const cr of controlledHistory(client, type, obj).revisions) out.set(cr.revision, cr);
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
    const { owner, revisions } = controlledHistory(client, type, obj);
    if (toRevision < 0) throw new CliError(`unable to find specified revision ${toRevision} in history`);
    if (toRevision === 0 && revisions.length <= 1) throw new CliError('no last revision to roll back to');
    // The revision before the current one, or the one asked for.
    const sorted = [...revisions].sort((a, b) => a.revision - b.revision);
    const to = toRevision === 0 ? sorted[sorted.length - 2] : sorted.find((cr) => cr.revision === toRevision);
    if (!to) throw new CliError(`unable to find specified revision ${toRevision} in history`);
    if (dryRun === 'client') return `will roll back to ${podTemplateText(revisionTemplate(to))}`;
    if (revisionMatches(owner, to)) return `skipped rollback (current template already matches revision ${toRevision})`;
    try {
      client.patch(type, owner.metadata.namespace, owner.metadata.name!, 'strategic', to.data, { dryRun: dryRun === 'server' });
    } catch (e) {
      throw new CliError(`failed restoring revision ${toRevision}: ${(e as Error).message}`);
    }
    return 'rolled back';
  }

  return {
    status,
    history,
    rollback,
    restart(obj, now) {
      const o = obj as TemplateOwner;
      const meta = o.spec.template.metadata ?? {};
      const template = { ...o.spec.template, metadata: { ...meta, annotations: { ...(meta.annotations ?? {}), [RESTARTED_AT]: rfc3339Local(now) } } };
      return { ...o, spec: { ...o.spec, template } };
    },
  };
}
