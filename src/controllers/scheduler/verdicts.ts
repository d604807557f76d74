// The verdicts of pods that did not fit, reused for identical pods (the replicas of one template)
// while the scheduler's cache has not changed: one attempt stands for ten thousand Pending
// replicas. Pods are matched by their cache views (api/pod/view.ts): namespace, labels,
// nominated node, controller, and the digest of their spec in which the one part of a replica's
// spec that differs from its siblings' — the name the ServiceAccount admission gives its token
// volume (kube-api-access-xxxxx) — does not count: no plugin looks at what a volume is called.
// Matching views, not pods, lets the scheduler pass over a replica whose status already carries
// the verdict without reading the pod.
import { controllerRef } from '../../api/meta/ownerrefs';
import { type PodView, verdictDigest } from '../../api/pod/view';

export class Verdicts {
  private readonly filed = new Map<string, { message: string; digest: string }>();

  /** The verdict of an earlier pod this one is identical to, for scheduling. */
  get(pod: PodView): string | undefined {
    return this.filed.get(fileKey(pod))?.message;
  }

  /** Whether the pod's status already carries the verdict of the pods it is identical to. */
  carried(pod: PodView): boolean {
    const verdict = this.filed.get(fileKey(pod));
    return verdict !== undefined && pod.scheduling?.verdict === verdict.digest;
  }

  set(pod: PodView, message: string): void {
    this.filed.set(fileKey(pod), { message, digest: verdictDigest(message) });
  }

  /** The cache changed (a pod was bound, victims chosen): every verdict is void. */
  clear(): void {
    this.filed.clear();
  }
}

/** Labels as text, once per labels object: replicas read from the store share theirs (store/viewdelta.ts). */
const labelTexts = new WeakMap<object, string>();

function fileKey(pod: PodView): string {
  const labels = pod.metadata.labels ?? {};
  let text = labelTexts.get(labels);
  if (text === undefined) labelTexts.set(labels, (text = JSON.stringify(labels)));
  return `${pod.metadata.namespace}\0${text}\0${pod.status.nominatedNodeName ?? ''}\0${controllerRef(pod)?.uid ?? ''}\0${pod.scheduling?.spec ?? ''}`;
}
