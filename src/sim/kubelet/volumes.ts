// The kubelet's volume manager, as far as a pod's start depends on it: every configMap and
// secret volume (not optional) must have its object, or the pod's containers stay in
// ContainerCreating with FailedMount events until it appears.
import { typeForKind } from '../../api/registry';
import type { KubeObject, Pod, Volume } from '../../api/types';
import type { Client } from '../../client/client';

/** MountVolume.SetUp's error for each volume that cannot be set up. */
export function unmountableVolumes(client: Client, pod: Pod): string[] {
  const ns = pod.metadata.namespace;
  const errors: string[] = [];
  const missing = (v: Volume, kind: 'ConfigMap' | 'Secret', name: string | undefined, optional: boolean | undefined) => {
    const type = typeForKind('v1', kind);
    if (!type || optional || client.tryGet<KubeObject>(type, ns, name ?? '')) return;
    errors.push(`MountVolume.SetUp failed for volume ${JSON.stringify(v.name)} : ${kind.toLowerCase()} ${JSON.stringify(name ?? '')} not found`);
  };
  for (const v of pod.spec.volumes ?? []) {
    const cm = v.configMap as { name?: string; optional?: boolean } | undefined;
    const secret = v.secret as { secretName?: string; optional?: boolean } | undefined;
    if (cm) missing(v, 'ConfigMap', cm.name, cm.optional);
    if (secret) missing(v, 'Secret', secret.secretName, secret.optional);
  }
  return errors;
}
