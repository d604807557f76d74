// Pulling a container's image on a node, as the kubelet's image manager does: an image already
// there is used (unless imagePullPolicy is Always); a missing one is pulled; one that does not
// exist fails with ErrImagePull and starts a back-off (10s, doubling to 5m, forgotten after 10m
// without failures) during which each sync of the pod reports ImagePullBackOff instead of pulling.
import { formatGoDuration } from '../../api/duration';
import { node as nodeKind } from '../../api/kinds/node';
import type { Container, Node, Pod } from '../../api/types';
import { COMPONENTS } from '../../client/client';
import type { ReconcileContext } from '../../engine/controller';
import { isInBackOffSinceUpdate, nextBackOff } from '../../client/backoff';
import { type ImageRef, fullName, imageDigest, imageSize, parseImage, pullDurationMs, pullError } from '../runtime/images';
import { podMemoryKey } from './podworker';

export type PullResult = { ok: true } | { ok: false; reason: 'ErrImagePull' | 'ImagePullBackOff' | 'ErrImageNeverPull' | 'InvalidImageName'; message: string };

/** Why the reference cannot be parsed (docker's reference grammar, the part people trip on). */
function invalidReference(image: string, ref: ImageRef): string | undefined {
  if (ref.repository !== ref.repository.toLowerCase())
    return `Failed to apply default image tag ${JSON.stringify(image)}: couldn't parse image name ${JSON.stringify(image)}: invalid reference format: repository name (${ref.repository}) must be lowercase`;
  if (!image || /\s/.test(image) || !/^[a-z0-9]/.test(ref.repository))
    return `Failed to apply default image tag ${JSON.stringify(image)}: couldn't parse image name ${JSON.stringify(image)}: invalid reference format`;
  return undefined;
}

function hasImage(node: Node, ref: ImageRef): boolean {
  const name = fullName(ref);
  return (node.status?.images ?? []).some((i) => i.names.includes(name));
}

/** Gets the image for `c` onto the node, recording the kubelet's events, once per pod sync. */
export function pullImage(ctx: ReconcileContext, pod: Pod, c: Container, nodeName: string): PullResult {
  const ref = parseImage(c.image ?? '');
  const fieldPath = `spec.containers{${c.name}}`;
  const image = JSON.stringify(c.image);
  const event = (type: 'Normal' | 'Warning', reason: string, message: string) => ctx.events.event(pod, type, reason, message, { fieldPath, host: nodeName });
  const invalid = invalidReference(c.image ?? '', ref);
  if (invalid) {
    event('Warning', 'InspectFailed', invalid);
    return { ok: false, reason: 'InvalidImageName', message: invalid };
  }
  const node = ctx.client.get<Node>(nodeKind.type, undefined, nodeName);
  const present = hasImage(node, ref);
  if (!present && c.imagePullPolicy === 'Never') {
    const message = `Container image ${image} is not present with pull policy of Never`;
    event('Warning', 'ErrImageNeverPull', message);
    return { ok: false, reason: 'ErrImageNeverPull', message };
  }
  if (present && c.imagePullPolicy !== 'Always') {
    event('Normal', 'Pulled', `Container image ${image} already present on machine`);
    return { ok: true };
  }
  const error = pullError(ref);
  if (error) {
    const key = podMemoryKey(pod.metadata.uid!, 'pull', c.image ?? '');
    const now = ctx.clock.now();
    if (isInBackOffSinceUpdate(ctx.memory, key, now)) {
      event('Normal', 'BackOff', `Back-off pulling image ${image}`);
      event('Warning', 'Failed', 'Error: ImagePullBackOff');
      return { ok: false, reason: 'ImagePullBackOff', message: `Back-off pulling image ${image}` };
    }
    nextBackOff(ctx.memory, key, now, now);
    event('Normal', 'Pulling', `Pulling image ${image}`);
    event('Warning', 'Failed', `Failed to pull image ${image}: ${error}`);
    event('Warning', 'Failed', 'Error: ErrImagePull');
    return { ok: false, reason: 'ErrImagePull', message: error };
  }
  event('Normal', 'Pulling', `Pulling image ${image}`);
  const took = formatGoDuration(pullDurationMs(ref));
  event('Normal', 'Pulled', `Successfully pulled image ${image} in ${took} (${took} including waiting). Image size: ${imageSize(ref)} bytes.`);
  if (!present) {
    const images = [...(node.status?.images ?? []), { names: [`${ref.registry}/${ref.repository}@${imageDigest(ref)}`, fullName(ref)], sizeBytes: imageSize(ref) }];
    ctx.client.as(COMPONENTS.node(nodeName)).updateStatus(nodeKind.type, { ...node, status: { ...node.status, images } });
  }
  return { ok: true };
}
