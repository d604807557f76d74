// Which pods drain removes (kubectl's pkg/drain filters, applied in order, the first that keeps a
// pod deciding): pods already being deleted long enough are skipped, DaemonSet pods are never
// removed (an error unless --ignore-daemonsets), mirror pods are skipped, pods with emptyDir
// volumes need --delete-emptydir-data and pods without a controller need --force. Finished pods
// always go.
import { isStatusError } from '../../../api/errors';
import { controllerRef } from '../../../api/meta/ownerrefs';
import { typeForKind } from '../../../api/registry';
import { parseTime } from '../../../api/time';
import type { Pod } from '../../../api/types';
import type { Client } from '../../../client/client';

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
// kubectl words this one with "cannot delete" and then prefixes every error with it again.
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

export interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  /** --skip-wait-for-delete-timeout, in seconds; 0 never skips. */
  skipWaitForDeleteTimeout: number;
}

type Verdict = { delete: boolean; kind: 'okay' | 'skip' | 'warning' | 'error'; message?: string };

const okay: Verdict = { delete: true, kind: 'okay' };
const skip: Verdict = { delete: false, kind: 'skip' };
const warning = (del: boolean, message: string): Verdict => ({ delete: del, kind: 'warning', message });
const error = (message: string): Verdict => ({ delete: false, kind: 'error', message });

const finished = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** shouldSkipPod: deleted more than N seconds ago (the node may never confirm it). */
export function deletedLongAgo(p: Pod, seconds: number, now: number): boolean {
  const t = parseTime(p.metadata.deletionTimestamp);
  return seconds > 0 && t !== undefined && Math.trunc((now - t) / 1000) > seconds;
}

type Filter = (p: Pod) => Verdict;

function filters(client: Client, o: DrainOptions, now: number): Filter[] {
  return [
    (p) => (deletedLongAgo(p, o.skipWaitForDeleteTimeout, now) ? skip : okay),
    (p) => {
      const ref = controllerRef(p);
      if (!ref || ref.kind !== 'DaemonSet' || finished(p)) return okay;
      // DaemonSets may not be served yet: then the reference alone says the pod is managed.
      const type = typeForKind('apps/v1', 'DaemonSet');
      if (type) {
        try {
          client.get(type, p.metadata.namespace, ref.name);
        } catch (e) {
          if (isStatusError(e, 'NotFound') && o.force) return warning(true, e.message);
          return error((e as Error).message);
        }
      }
      return o.ignoreDaemonSets ? warning(false, DAEMONSET_WARNING) : error(DAEMONSET_FATAL);
    },
    (p) => (p.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined ? skip : okay),
    (p) => {
      if (!(p.spec.volumes ?? []).some((v) => v.emptyDir) || finished(p)) return okay;
      return o.deleteEmptyDirData ? warning(true, LOCAL_STORAGE_WARNING) : error(LOCAL_STORAGE_FATAL);
    },
    (p) => {
      if (finished(p) || controllerRef(p)) return okay;
      return o.force ? warning(true, UNMANAGED_WARNING) : error(UNMANAGED_FATAL);
    },
  ];
}

export interface PodDeleteList {
  /** The pods to evict or delete, in list order. */
  pods: Pod[];
  /** "<message>: ns/a, ns/b; <message>: ..." or empty. */
  warnings: string;
  /** "cannot delete <message>: ns/a, ns/b", one per message. */
  errors: string[];
}

/** Groups pods by message in the order messages first appear (kubectl iterates a Go map). */
function grouped(items: readonly { pod: Pod; message: string }[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const { pod, message } of items) {
    const list = groups.get(message) ?? [];
    list.push(`${pod.metadata.namespace}/${pod.metadata.name}`);
    groups.set(message, list);
  }
  return [...groups.entries()];
}

/** GetPodsForDeletion over pods already listed for the node. */
export function podsForDeletion(client: Client, pods: readonly Pod[], o: DrainOptions, now: number): PodDeleteList {
  const chain = filters(client, o, now);
  const verdicts = pods.map((pod) => {
    let v = okay;
    for (const f of chain) {
      v = f(pod);
      if (!v.delete) break;
    }
    return { pod, v };
  });
  const warnings = grouped(verdicts.filter((x) => x.v.kind === 'warning').map((x) => ({ pod: x.pod, message: x.v.message! })));
  const errors = grouped(verdicts.filter((x) => x.v.kind === 'error').map((x) => ({ pod: x.pod, message: x.v.message || 'unexpected error' })));
  return {
    pods: verdicts.filter((x) => x.v.delete).map((x) => x.pod),
    warnings: warnings.map(([m, list]) => `${m}: ${list.join(', ')}`).join('; '),
    errors: errors.map(([m, list]) => `cannot delete ${m}: ${list.join(', ')}`),
  };
}
