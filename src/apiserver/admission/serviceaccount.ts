// ServiceAccount admission: every pod runs as a service account (default "default"), which must
// exist, and gets the projected kube-api-access volume mounted into each container.
import { forbidden } from '../../api/errors';
import { serviceaccount as saKind } from '../../api/kinds/serviceaccount';
import type { Container, Pod, ServiceAccount } from '../../api/types';
import { deepFreeze } from '../freeze';
import type { AdmissionPlugin } from './plugin';

export const SA_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/**
 * The projected sources of every token volume: one frozen value shared by every pod (a stored
 * object is never changed in place), so ten thousand pods do not carry ten thousand copies.
 */
const TOKEN_SOURCES = deepFreeze([
  { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
  { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
  { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
]);

function tokenVolume(name: string) {
  return { name, projected: { defaultMode: 420, sources: TOKEN_SOURCES } };
}

function mount(c: Container, volume: string): void {
  const mounts = (c.volumeMounts ??= []);
  if (mounts.some((m) => m.mountPath === SA_MOUNT_PATH)) return;
  mounts.push({ mountPath: SA_MOUNT_PATH, name: volume, readOnly: true });
}

export const serviceAccountAdmission: AdmissionPlugin = {
  name: 'ServiceAccount',
  admit(req, ctx) {
    if (req.type.kind !== 'Pod' || req.operation !== 'CREATE' || req.subresource) return;
    const pod = req.object as Pod;
    // Mirror pods of static pods run without a service account.
    if (pod.metadata.annotations?.[MIRROR_ANNOTATION]) return;
    const spec = pod.spec;
    const saName = spec.serviceAccountName || spec.serviceAccount || 'default';
    const sa = ctx.read(saKind.type, req.namespace, saName) as ServiceAccount | undefined;
    if (!sa) {
      throw forbidden(
        { group: '', resource: 'pods' },
        req.name,
        `error looking up service account ${req.namespace}/${saName}: serviceaccount ${JSON.stringify(saName)} not found`,
      );
    }
    spec.serviceAccountName = saName;
    spec.serviceAccount = saName;
    const automount = spec.automountServiceAccountToken ?? sa.automountServiceAccountToken ?? true;
    if (!automount) return;
    const containers = [...(spec.initContainers ?? []), ...spec.containers];
    if (containers.every((c) => (c.volumeMounts ?? []).some((m) => m.mountPath === SA_MOUNT_PATH))) return;
    const volumeName = `kube-api-access-${ctx.random.string(5)}`;
    (spec.volumes ??= []).push(tokenVolume(volumeName));
    for (const c of containers) mount(c, volumeName);
  },
};
