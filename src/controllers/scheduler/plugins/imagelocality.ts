// ImageLocality: prefers nodes that already hold the pod's images, weighted by image size and by
// how many nodes have them (so one node is not favoured for an image every node has).
import type { Container } from '../../../api/types';
import { MAX_NODE_SCORE, type NodeInfo, type ScorePlugin } from '../framework';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** The name the kubelet reports: an image without tag or digest is ":latest". */
export function normalizedImageName(image: string): string {
  return image.lastIndexOf(':') <= image.lastIndexOf('/') ? `${image}:latest` : image;
}

export function imageLocalityScore(sumScores: number, containers: number): number {
  const max = MAX_CONTAINER_THRESHOLD * containers;
  const clamped = Math.min(Math.max(sumScores, MIN_THRESHOLD), max);
  return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
}

/** Image name -> size and how many nodes have it; and each node's image names. */
interface NodeImages {
  states: Map<string, { size: number; nodes: number }>;
  perNode: Map<string, Set<string>>;
}

/** Per list of nodes (one drain's snapshot): the nodes' images do not change while it is used. */
const imagesOf = new WeakMap<readonly NodeInfo[], NodeImages>();

function nodeImages(nodes: readonly NodeInfo[]): NodeImages {
  let known = imagesOf.get(nodes);
  if (known) return known;
  const states = new Map<string, { size: number; nodes: number }>();
  const perNode = new Map<string, Set<string>>();
  for (const info of nodes) {
    const names = new Set<string>();
    for (const img of (info.node.status?.images ?? []) as { names?: string[]; sizeBytes?: number }[])
      for (const n of img.names ?? []) {
        names.add(n);
        const s = states.get(n) ?? { size: img.sizeBytes ?? 0, nodes: 0 };
        s.nodes++;
        states.set(n, s);
      }
    perNode.set(info.node.metadata.name!, names);
  }
  imagesOf.set(nodes, (known = { states, perNode }));
  return known;
}

export const imageLocality: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  preScore(cycle) {
    const total = cycle.nodes.length;
    const { states, perNode } = nodeImages(cycle.nodes);
    const containers: Container[] = [...(cycle.pod.spec.initContainers ?? []), ...(cycle.pod.spec.containers ?? [])];
    return {
      score(info) {
        const has = perNode.get(info.node.metadata.name!)!;
        let sum = 0;
        for (const c of containers) {
          const name = normalizedImageName(c.image ?? '');
          const s = states.get(name);
          if (has.has(name) && s) sum += Math.trunc((s.size * s.nodes) / total);
        }
        return imageLocalityScore(sum, containers.length);
      },
    };
  },
};
