// Pulling a container's image on a node, as the kubelet does: an image already there is used
// (unless imagePullPolicy is Always); a missing one is pulled; one that does not exist fails with
// ErrImagePull, and further attempts wait out a back-off (10s, doubling to 5m) during which the
// container shows ImagePullBackOff.
import { node as nodeKind } from '../../api/kinds/node';
import type { Container, Node, Pod } from '../../api/types';
import { COMPONENTS } from '../../client/client';
import type { ReconcileContext } from '../../engine/controller';
import { type ImageRef, fullName, imageDigest, imageSize, parseImage, pullDurationMs, pullError } from '../runtime/images';

const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
/** How soon the kubelet looks at a pod again after a failed pull (and reports the back-off). */
const RESYNC_AFTER_FAILURE_MS = 1_000;

/** Go's time.Duration printing at millisecond precision: "850ms", "1.437s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  return `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;
}

interface BackOff {
  failures: number;
  failedAt: number;
  retryAt: number;
}

export type PullResult =
  | { ok: true }
  | { ok: false; reason: 'ErrImagePull' | 'ImagePullBackOff'; message: string; requeueAfterMs: number };

function hasImage(node: Node, ref: ImageRef): boolean {
  const name = fullName(ref);
  return (node.status?.images ?? []).some((i) => i.names.includes(name));
}

/** The back-off entries of pods that are gone are forgotten. */
export function forgetPulls(ctx: ReconcileContext, livePodUids: Set<string>): void {
  for (const key of ctx.memory.keys()) if (key.startsWith('pull/') && !livePodUids.has(key.split('/')[1])) ctx.memory.set(key, undefined);
}

/**
 * Gets the image for `c` onto the node, recording the kubelet's events. `waitingReason` is the
 * container's current waiting reason, so each state change is reported once.
 */
export function pullImage(ctx: ReconcileContext, pod: Pod, c: Container, nodeName: string, waitingReason: string | undefined): PullResult {
  const ref = parseImage(c.image ?? '');
  const fieldPath = `spec.containers{${c.name}}`;
  const image = JSON.stringify(c.image);
  const event = (type: 'Normal' | 'Warning', reason: string, message: string) => ctx.events.event(pod, type, reason, message, { fieldPath, host: nodeName });
  const node = ctx.client.get<Node>(nodeKind.type, undefined, nodeName);
  const present = hasImage(node, ref);
  if (present && c.imagePullPolicy !== 'Always') {
    event('Normal', 'Pulled', `Container image ${image} already present on machine`);
    return { ok: true };
  }
  const error = pullError(ref);
  if (error) {
    const key = `pull/${pod.metadata.uid}/${c.image}`;
    const now = ctx.clock.now();
    const backOff = ctx.memory.get<BackOff>(key);
    // Right after a failure the container shows ErrImagePull until the kubelet looks again.
    if (backOff && now < backOff.failedAt + RESYNC_AFTER_FAILURE_MS)
      return { ok: false, reason: 'ErrImagePull', message: error, requeueAfterMs: backOff.failedAt + RESYNC_AFTER_FAILURE_MS - now };
    if (backOff && now < backOff.retryAt) {
      if (waitingReason !== 'ImagePullBackOff') {
        event('Normal', 'BackOff', `Back-off pulling image ${image}`);
        event('Warning', 'Failed', 'Error: ImagePullBackOff');
      }
      return { ok: false, reason: 'ImagePullBackOff', message: `Back-off pulling image ${image}`, requeueAfterMs: backOff.retryAt - now };
    }
    const failures = (backOff?.failures ?? 0) + 1;
    const wait = Math.min(BACKOFF_INITIAL_MS * 2 ** (failures - 1), BACKOFF_MAX_MS);
    ctx.memory.set(key, { failures, failedAt: now, retryAt: now + wait });
    event('Normal', 'Pulling', `Pulling image ${image}`);
    event('Warning', 'Failed', `Failed to pull image ${image}: ${error}`);
    event('Warning', 'Failed', 'Error: ErrImagePull');
    return { ok: false, reason: 'ErrImagePull', message: error, requeueAfterMs: RESYNC_AFTER_FAILURE_MS };
  }
  event('Normal', 'Pulling', `Pulling image ${image}`);
  const took = formatDuration(pullDurationMs(ref));
  event('Normal', 'Pulled', `Successfully pulled image ${image} in ${took} (${took} including waiting). Image size: ${imageSize(ref)} bytes.`);
  if (!present) {
    const images = [...(node.status?.images ?? []), { names: [`${ref.registry}/${ref.repository}@${imageDigest(ref)}`, fullName(ref)], sizeBytes: imageSize(ref) }];
    ctx.client.as(COMPONENTS.node(nodeName)).updateStatus(nodeKind.type, { ...node, status: { ...node.status, images } });
  }
  return { ok: true };
}
