// What the kubelet's helpers need of the node they run on: the API (as the node), its disk and
// the cluster time. Both the kubelet's reconcile and the node agent (exec, logs) provide it.
import type { Client } from '../../client/client';
import type { NodeDisk } from '../../engine/controller';

export interface NodeView {
  client: Client;
  disk: NodeDisk;
  now: number;
}
