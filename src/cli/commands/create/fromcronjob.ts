// kubectl create job NAME --from=cronjob/CJ: a Job made by hand from a CronJob's job template,
// marked as a manual instantiation and owned by the CronJob (controller, but without
// blockOwnerDeletion, which would need the cronjobs/finalizers permission).
import { clone } from '../../../api/meta/equal';
import type { CronJob, KubeObject } from '../../../api/types';
import type { CommandContext } from '../../context';
import { CliError } from '../../errors';
import { select } from '../../resource/builder';

const INSTANTIATE = 'cronjob.kubernetes.io/instantiate';

export async function jobFromCronJob(c: CommandContext, name: string, from: string): Promise<KubeObject> {
  const selection = await select(c, [from], {}, { latest: true });
  const client = c.cluster('write').client;
  const infos = selection.infos(client);
  selection.throwErrors();
  if (infos.length !== 1) throw new CliError('from must be an existing cronjob');
  const { obj, type } = infos[0]!;
  if (type.kind !== 'CronJob' || type.group !== 'batch') throw new CliError(`unknown object type *${type.version}.${type.kind}`);
  const cj = obj as CronJob;
  const template = cj.spec.jobTemplate;
  const metadata: KubeObject['metadata'] = { name, creationTimestamp: null as unknown as string };
  if (template.metadata?.labels) metadata.labels = { ...template.metadata.labels };
  metadata.annotations = { [INSTANTIATE]: 'manual', ...(template.metadata?.annotations ?? {}) };
  metadata.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name!, uid: cj.metadata.uid!, controller: true }];
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: clone(template.spec), status: {} } as KubeObject;
}
