// The verdicts of pods that did not fit, reused for identical pods (the replicas of one template)
// while the scheduler's cache has not changed: one attempt stands for ten thousand Pending
// replicas. Pods are first filed by what is cheap to read (namespace, labels, nominated node,
// controller), then compared spec to spec; the one part of a replica's spec that differs from
// its siblings' — the name the ServiceAccount admission gives its token volume
// (kube-api-access-xxxxx, in `volumes` and `volumeMounts`) — does not count: no plugin looks at
// what a volume is called.
import { controllerRef } from '../../api/meta/ownerrefs';
import type { Pod } from '../../api/types';

const TOKEN_VOLUME = /^kube-api-access-[a-z0-9]{5}$/;

export class Verdicts {
  private readonly filed = new Map<string, { spec: Pod['spec']; message: string }[]>();

  /** The verdict of an earlier pod this one is identical to, for scheduling. */
  get(pod: Pod): string | undefined {
    for (const v of this.filed.get(fileKey(pod)) ?? []) if (sameForScheduling(v.spec, pod.spec)) return v.message;
    return undefined;
  }

  set(pod: Pod, message: string): void {
    const key = fileKey(pod);
    const list = this.filed.get(key);
    if (list) list.push({ spec: pod.spec, message });
    else this.filed.set(key, [{ spec: pod.spec, message }]);
  }

  /** The cache changed (a pod was bound, victims chosen): every verdict is void. */
  clear(): void {
    this.filed.clear();
  }
}

function fileKey(pod: Pod): string {
  return JSON.stringify([pod.metadata.namespace, pod.metadata.labels ?? {}, pod.status?.nominatedNodeName ?? '', controllerRef(pod)?.uid ?? '']);
}

/** JSON equality, except that two token volume names count as the same. */
export function sameForScheduling(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return TOKEN_VOLUME.test(a) && TOKEN_VOLUME.test(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameForScheduling(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let count = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    count++;
    if (!sameForScheduling(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) count--;
  return count === 0;
}
