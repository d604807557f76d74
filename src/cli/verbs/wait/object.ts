// One object's wait (kubectl's IsDeleted and getObjAndCheckCondition): checked once with a zero
// timeout, otherwise listed and watched while the clock moves towards the shared deadline.
import { notFound } from '../../../api/errors';
import type { ResourceType } from '../../../api/registry';
import type { KubeObject } from '../../../api/types';
import type { Cluster } from '../../context';
import { CliError } from '../../errors';
import { TIMED_OUT, untilWithSync } from '../../watch';
import type { WaitFor } from './conditions';

/** info.ObjectName(): the plural resource and the name, without the group ("deployments/web"). */
function objectName(type: ResourceType, name: string): string {
  return `${type.resource}/${name}`;
}

/** Returns the object to print as "condition met", or throws why the wait failed. */
export function waitForObject(cluster: Cluster, waitFor: WaitFor, type: ResourceType, obj: KubeObject, t: { timeout: number; deadline: number }): KubeObject | undefined {
  const { client } = cluster;
  const name = obj.metadata.name;
  if (!name) throw new CliError('resource name must be provided');
  const ns = obj.metadata.namespace;
  if (waitFor.mode === 'create') return obj;
  const current = client.tryGet(type, ns, name);
  if (waitFor.mode === 'delete' && !current) return obj;
  if (t.timeout === 0) {
    if (!current) throw notFound(type, name);
    if (waitFor.mode === 'check' && waitFor.check(current)) return current;
    throw new CliError(`condition not met for ${objectName(type, name)}`);
  }
  const timedOut = new CliError(`${TIMED_OUT} on ${objectName(type, name)}`);
  if (cluster.now() >= t.deadline) throw timedOut;
  const list = { fieldSelector: `metadata.name=${name}` };
  const initial = client.list(type, ns, list);
  if (!initial.length) {
    if (waitFor.mode === 'delete') return current ?? obj;
    throw notFound(type, name);
  }
  let last: KubeObject | undefined;
  const met = untilWithSync(cluster, type, ns, list, { deadline: t.deadline, initial }, (event) => {
    if (waitFor.mode === 'delete') return event.type === 'DELETED';
    if (event.type === 'DELETED') return false;
    last = event.object;
    return waitFor.check(event.object);
  });
  if (!met) throw timedOut;
  return waitFor.mode === 'delete' ? current : last;
}
