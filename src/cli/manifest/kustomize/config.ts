// kustomize's builtin field specs (api/konfig/builtinpluginconsts) as data: where labels,
// annotations, replicas and name references live in each kind.
import type { FieldSpec } from './fieldspec';

const fs = (path: string, kind: string, group?: string, create = true, version?: string): FieldSpec => ({ path, kind, group, create, version });

const AFFINITY = [
  'spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
];

/** commonLabels and labels with includeSelectors: metadata, selectors and templates. */
export const COMMON_LABELS: readonly FieldSpec[] = [
  { path: 'metadata/labels', create: true },
  fs('spec/selector', 'Service', undefined, true, 'v1'),
  fs('spec/selector', 'ReplicationController', undefined, true, 'v1'),
  fs('spec/template/metadata/labels', 'ReplicationController', undefined, true, 'v1'),
  fs('spec/selector/matchLabels', 'Deployment'),
  fs('spec/template/metadata/labels', 'Deployment'),
  ...AFFINITY.map((p) => fs(p, 'Deployment', 'apps', false)),
  fs('spec/selector/matchLabels', 'ReplicaSet'),
  fs('spec/template/metadata/labels', 'ReplicaSet'),
  fs('spec/selector/matchLabels', 'DaemonSet'),
  fs('spec/template/metadata/labels', 'DaemonSet'),
  fs('spec/selector/matchLabels', 'StatefulSet', 'apps'),
  fs('spec/template/metadata/labels', 'StatefulSet', 'apps'),
  ...AFFINITY.map((p) => fs(p, 'StatefulSet', 'apps', false)),
  fs('spec/volumeClaimTemplates[]/metadata/labels', 'StatefulSet', 'apps'),
  fs('spec/selector/matchLabels', 'Job', 'batch', false),
  fs('spec/template/metadata/labels', 'Job', 'batch'),
  fs('spec/jobTemplate/spec/selector/matchLabels', 'CronJob', 'batch', false),
  fs('spec/jobTemplate/metadata/labels', 'CronJob', 'batch'),
  fs('spec/jobTemplate/spec/template/metadata/labels', 'CronJob', 'batch'),
  fs('spec/selector/matchLabels', 'PodDisruptionBudget', 'policy', false),
  fs('spec/podSelector/matchLabels', 'NetworkPolicy', 'networking.k8s.io', false),
  fs('spec/ingress/from/podSelector/matchLabels', 'NetworkPolicy', 'networking.k8s.io', false),
  fs('spec/egress/to/podSelector/matchLabels', 'NetworkPolicy', 'networking.k8s.io', false),
];

/** labels with includeTemplates: metadata and pod templates, no selectors. */
export const TEMPLATE_LABELS: readonly FieldSpec[] = [
  { path: 'metadata/labels', create: true },
  fs('spec/template/metadata/labels', 'ReplicationController', undefined, true, 'v1'),
  fs('spec/template/metadata/labels', 'Deployment'),
  fs('spec/template/metadata/labels', 'ReplicaSet'),
  fs('spec/template/metadata/labels', 'DaemonSet'),
  fs('spec/template/metadata/labels', 'StatefulSet', 'apps'),
  fs('spec/volumeClaimTemplates[]/metadata/labels', 'StatefulSet', 'apps'),
  fs('spec/template/metadata/labels', 'Job', 'batch'),
  fs('spec/jobTemplate/metadata/labels', 'CronJob', 'batch'),
  fs('spec/jobTemplate/spec/template/metadata/labels', 'CronJob', 'batch'),
];

export const METADATA_LABELS: readonly FieldSpec[] = [{ path: 'metadata/labels', create: true }];

export const COMMON_ANNOTATIONS: readonly FieldSpec[] = [
  { path: 'metadata/annotations', create: true },
  fs('spec/template/metadata/annotations', 'ReplicationController', undefined, true, 'v1'),
  fs('spec/template/metadata/annotations', 'Deployment'),
  fs('spec/template/metadata/annotations', 'ReplicaSet'),
  fs('spec/template/metadata/annotations', 'DaemonSet'),
  fs('spec/template/metadata/annotations', 'StatefulSet'),
  fs('spec/template/metadata/annotations', 'Job', 'batch'),
  fs('spec/jobTemplate/metadata/annotations', 'CronJob', 'batch'),
  fs('spec/jobTemplate/spec/template/metadata/annotations', 'CronJob', 'batch'),
];

export const REPLICAS: readonly FieldSpec[] = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'].map((k) => fs('spec/replicas', k));

/** A referred-to kind and the fields of other kinds that name it. */
export interface NameReference {
  kind: string;
  group?: string;
  version?: string;
  referrers: FieldSpec[];
}

const ref = (path: string, kind: string, group?: string, version?: string): FieldSpec => ({ path, kind, group, version });
const WORKLOADS = ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job'];

/** The pod spec paths of a configMap/secret reference, for Pods, workloads and CronJobs. */
function podRefs(podPaths: string[]): FieldSpec[] {
  return [
    ...podPaths.map((p) => ref(`spec/${p}`, 'Pod', undefined, 'v1')),
    ...WORKLOADS.flatMap((k) => podPaths.map((p) => ref(`spec/template/spec/${p}`, k))),
    ...podPaths.map((p) => ref(`spec/jobTemplate/spec/template/spec/${p}`, 'CronJob')),
  ];
}

const CONFIGMAP_PATHS = [
  'volumes/configMap/name',
  'containers/env/valueFrom/configMapKeyRef/name',
  'initContainers/env/valueFrom/configMapKeyRef/name',
  'containers/envFrom/configMapRef/name',
  'initContainers/envFrom/configMapRef/name',
  'volumes/projected/sources/configMap/name',
];
const SECRET_PATHS = [
  'volumes/secret/secretName',
  'containers/env/valueFrom/secretKeyRef/name',
  'initContainers/env/valueFrom/secretKeyRef/name',
  'containers/envFrom/secretRef/name',
  'initContainers/envFrom/secretRef/name',
  'imagePullSecrets/name',
  'volumes/projected/sources/secret/name',
];
const POD_KINDS = ['StatefulSet', 'Deployment', 'ReplicationController', 'CronJob', 'Job', 'DaemonSet'];
const podField = (field: string) => [
  ref(`spec/${field}`, 'Pod'),
  ...POD_KINDS.map((k) => ref(k === 'CronJob' ? `spec/jobTemplate/spec/template/spec/${field}` : `spec/template/spec/${field}`, k)),
];

export const NAME_REFERENCES: readonly NameReference[] = [
  ...['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet'].map((kind) => ({ kind, referrers: [ref('spec/scaleTargetRef/name', 'HorizontalPodAutoscaler')] })),
  {
    kind: 'ConfigMap',
    version: 'v1',
    referrers: [
      ...podRefs(CONFIGMAP_PATHS),
      ref('template/spec/volumes/configMap/name', 'PodTemplate'),
      ref('spec/configSource/configMap', 'Node'),
      ref('rules/resourceNames', 'Role'),
      ref('rules/resourceNames', 'ClusterRole'),
      ref('metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap', 'Ingress'),
    ],
  },
  {
    kind: 'Secret',
    version: 'v1',
    referrers: [
      ...podRefs(SECRET_PATHS),
      ref('spec/tls/secretName', 'Ingress'),
      ref('metadata/annotations/ingress.kubernetes.io\\/auth-secret', 'Ingress'),
      ref('metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret', 'Ingress'),
      ref('metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret', 'Ingress'),
      ref('imagePullSecrets/name', 'ServiceAccount'),
      ...['secretName', 'adminSecretName', 'userSecretName', 'secretRef'].map((p) => ref(`parameters/${p}`, 'StorageClass')),
      ref('rules/resourceNames', 'Role'),
      ref('rules/resourceNames', 'ClusterRole'),
      ref('spec/template/spec/containers/env/valueFrom/secretKeyRef/name', 'Service', 'serving.knative.dev', 'v1'),
      ref('spec/azureFile/secretName', 'PersistentVolume'),
    ],
  },
  {
    kind: 'Service',
    version: 'v1',
    referrers: [
      ref('spec/serviceName', 'StatefulSet', 'apps'),
      ref('spec/rules/http/paths/backend/serviceName', 'Ingress'),
      ref('spec/backend/serviceName', 'Ingress'),
      ref('spec/rules/http/paths/backend/service/name', 'Ingress'),
      ref('spec/defaultBackend/service/name', 'Ingress'),
      ref('spec/service/name', 'APIService', 'apiregistration.k8s.io'),
      ref('webhooks/clientConfig/service', 'ValidatingWebhookConfiguration', 'admissionregistration.k8s.io'),
      ref('webhooks/clientConfig/service', 'MutatingWebhookConfiguration', 'admissionregistration.k8s.io'),
    ],
  },
  { kind: 'Role', group: 'rbac.authorization.k8s.io', referrers: [ref('roleRef/name', 'RoleBinding', 'rbac.authorization.k8s.io')] },
  {
    kind: 'ClusterRole',
    group: 'rbac.authorization.k8s.io',
    referrers: [ref('roleRef/name', 'RoleBinding', 'rbac.authorization.k8s.io'), ref('roleRef/name', 'ClusterRoleBinding', 'rbac.authorization.k8s.io')],
  },
  {
    kind: 'ServiceAccount',
    version: 'v1',
    referrers: [
      ref('subjects', 'RoleBinding', 'rbac.authorization.k8s.io'),
      ref('subjects', 'ClusterRoleBinding', 'rbac.authorization.k8s.io'),
      ...podField('serviceAccountName'),
    ],
  },
  { kind: 'PersistentVolumeClaim', version: 'v1', referrers: podField('volumes/persistentVolumeClaim/claimName') },
  { kind: 'PersistentVolume', version: 'v1', referrers: [ref('spec/volumeName', 'PersistentVolumeClaim'), ref('rules/resourceNames', 'ClusterRole')] },
  {
    kind: 'StorageClass',
    version: 'v1',
    group: 'storage.k8s.io',
    referrers: [ref('spec/storageClassName', 'PersistentVolume'), ref('spec/storageClassName', 'PersistentVolumeClaim'), ref('spec/volumeClaimTemplates/spec/storageClassName', 'StatefulSet')],
  },
  { kind: 'PriorityClass', version: 'v1', group: 'scheduling.k8s.io', referrers: podField('priorityClassName') },
  { kind: 'IngressClass', version: 'v1', group: 'networking.k8s.io/v1', referrers: [ref('spec/ingressClassName', 'Ingress')] },
];
