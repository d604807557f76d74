// NodeAffinity: nodeSelector and required node affinity must match the node's labels.
import { nodeMatchesPod } from '../../../api/pod/nodeaffinity';
import type { FilterPlugin } from '../framework';

export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, info) {
    return nodeMatchesPod(pod, info.node) ? null : { reasons: ["node(s) didn't match Pod's node affinity/selector"], resolvable: false };
  },
};
