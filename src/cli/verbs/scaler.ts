// Which kinds scale, and where their replica count lives (kubectl's scale subresource users).
import { StatusError } from '../../api/errors';
import type { ResourceType } from '../../api/registry';
import type { KubeObject } from '../../api/types';

export interface Scaler {
  replicas(obj: KubeObject): number;
}

const specReplicas: Scaler = { replicas: (o) => ((o.spec as { replicas?: number } | undefined)?.replicas ?? 1) };

const SCALERS: Record<string, Scaler> = {
  Deployment: specReplicas,
  ReplicaSet: specReplicas,
  StatefulSet: specReplicas,
  ReplicationController: specReplicas,
};

export function scalable(type: ResourceType): Scaler {
  const s = SCALERS[type.kind];
  if (!s)
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      code: 404,
    });
  return s;
}
