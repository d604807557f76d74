// The add-ons kubeadm installs: CoreDNS (its Deployment, ServiceAccount and Corefile).
import type { ConfigMap, Deployment, ServiceAccount } from '../../api/types';
import { IMAGES } from './topology';

export const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

export function corednsObjects(): { serviceAccount: ServiceAccount; configMap: ConfigMap; deployment: Deployment } {
  const labels = { 'k8s-app': 'kube-dns' };
  return {
    serviceAccount: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } },
    configMap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: COREFILE } },
    deployment: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
        template: {
          metadata: { labels },
          spec: {
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  {
                    podAffinityTerm: {
                      labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] },
                      topologyKey: 'kubernetes.io/hostname',
                    },
                    weight: 100,
                  },
                ],
              },
            },
            containers: [
              {
                args: ['-conf', '/etc/coredns/Corefile'],
                image: IMAGES.coredns,
                imagePullPolicy: 'IfNotPresent',
                livenessProbe: {
                  failureThreshold: 5,
                  httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
                  initialDelaySeconds: 60,
                  successThreshold: 1,
                  timeoutSeconds: 5,
                },
                name: 'coredns',
                ports: [
                  { containerPort: 53, name: 'dns', protocol: 'UDP' },
                  { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                  { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                ],
                readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
                resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
                  readOnlyRootFilesystem: true,
                },
                volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
              },
            ],
            dnsPolicy: 'Default',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'coredns',
            tolerations: [
              { key: 'CriticalAddonsOnly', operator: 'Exists' },
              { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
            ],
            volumes: [{ configMap: { items: [{ key: 'Corefile', path: 'Corefile' }], name: 'coredns' }, name: 'config-volume' }],
          },
        },
      },
    },
  };
}
