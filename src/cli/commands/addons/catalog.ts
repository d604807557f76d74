// The add-ons pocketkube can install, as the objects they are made of (minikube keeps its add-ons
// as manifests the same way). metrics-server is its v0.7.2 release (manifests/base, with the
// `k8s-app: metrics-server` label kustomize adds to everything) less what pocketkube does not
// serve yet: its Service (the APIService's backend is found by that label, apiserver/metrics.ts)
// and its RBAC objects (pocketkube has no RBAC).
import { apiservice } from '../../../api/kinds/apiservice';
import { deployment } from '../../../api/kinds/deployment';
import { serviceaccount } from '../../../api/kinds/serviceaccount';
import type { ResourceType } from '../../../api/kinds/kind';
import { METRICS_APISERVICE, METRICS_GROUP, METRICS_VERSION } from '../../../api/metrics';
import type { KubeObject } from '../../../api/types';

/** Marks every object an add-on installed (as minikube's `kubernetes.io/minikube-addons` label does). */
export const ADDON_LABEL = 'pocketkube.io/addon';

export interface Addon {
  name: string;
  description: string;
  /** What it installs, in the order it is created (and removed in reverse). */
  objects(): { type: ResourceType; object: KubeObject }[];
}

const METRICS_SERVER_IMAGE = 'registry.k8s.io/metrics-server/metrics-server:v0.7.2';

function metricsServer(): { type: ResourceType; object: KubeObject }[] {
  const labels = { 'k8s-app': 'metrics-server', [ADDON_LABEL]: 'metrics-server' };
  const probe = (path: string) => ({ httpGet: { path, port: 'https', scheme: 'HTTPS' }, periodSeconds: 10, failureThreshold: 3 });
  return [
    { type: serviceaccount.type, object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'metrics-server', namespace: 'kube-system', labels } } },
    {
      type: deployment.type,
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'metrics-server', namespace: 'kube-system', labels },
        spec: {
          selector: { matchLabels: { 'k8s-app': 'metrics-server' } },
          strategy: { rollingUpdate: { maxUnavailable: 0 } },
          template: {
            metadata: { labels: { 'k8s-app': 'metrics-server' } },
            spec: {
              serviceAccountName: 'metrics-server',
              volumes: [{ name: 'tmp-dir', emptyDir: {} }],
              priorityClassName: 'system-cluster-critical',
              containers: [
                {
                  name: 'metrics-server',
                  image: METRICS_SERVER_IMAGE,
                  imagePullPolicy: 'IfNotPresent',
                  args: ['--cert-dir=/tmp', '--secure-port=10250', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--kubelet-use-node-status-port', '--metric-resolution=15s'],
                  resources: { requests: { cpu: '100m', memory: '200Mi' } },
                  ports: [{ name: 'https', containerPort: 10250, protocol: 'TCP' }],
                  readinessProbe: { ...probe('/readyz'), initialDelaySeconds: 20 },
                  livenessProbe: probe('/livez'),
                  securityContext: {
                    readOnlyRootFilesystem: true,
                    runAsNonRoot: true,
                    runAsUser: 1000,
                    allowPrivilegeEscalation: false,
                    seccompProfile: { type: 'RuntimeDefault' },
                    capabilities: { drop: ['ALL'] },
                  },
                  volumeMounts: [{ name: 'tmp-dir', mountPath: '/tmp' }],
                },
              ],
              nodeSelector: { 'kubernetes.io/os': 'linux' },
            },
          },
        },
      },
    },
    {
      type: apiservice.type,
      object: {
        apiVersion: 'apiregistration.k8s.io/v1',
        kind: 'APIService',
        metadata: { name: METRICS_APISERVICE, labels },
        spec: {
          service: { name: 'metrics-server', namespace: 'kube-system' },
          group: METRICS_GROUP,
          version: METRICS_VERSION,
          insecureSkipTLSVerify: true,
          groupPriorityMinimum: 100,
          versionPriority: 100,
        },
      },
    },
  ];
}

export const ADDONS: readonly Addon[] = [{ name: 'metrics-server', description: 'Resource metrics for kubectl top (metrics.k8s.io)', objects: metricsServer }];
