// kube-proxy as kubeadm installs it (phases/addons/proxy): its ServiceAccount, the ConfigMap of
// its component config and kubeconfig (signed with kubeadm's component-config hash), and the
// DaemonSet that runs it on every Linux node, on the node's network, tolerating every taint.
import { sha256Hex } from '../../api/sha256';
import type { ConfigMap, DaemonSet, ServiceAccount } from '../../api/types';

const NS = 'kube-system';
const LABELS = { 'k8s-app': 'kube-proxy' };

/** KubeProxyConfiguration as kubeadm marshals it: every field of kubeproxy.config.k8s.io/v1alpha1, mostly zero. */
function proxyConfiguration(podSubnet: string): string {
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: ${podSubnet}
configSyncPeriod: 0s
conntrack:
  maxPerCore: null
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: ""
  interfaceNamePrefix: ""
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: ""
mode: ""
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForVersion: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""`;
}

/** The kubeconfig kube-proxy reads: the API server, with its ServiceAccount's token and CA. */
function proxyKubeconfig(endpoint: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: https://${endpoint}
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token`;
}

/** kubeadm's ChecksumForConfigMap: SHA-256 over the values in key order. */
function configMapChecksum(data: Record<string, string>): string {
  return `sha256:${sha256Hex(Object.keys(data).sort().map((k) => data[k]).join(''))}`;
}

export function kubeProxyObjects(opts: { podSubnet: string; endpoint: string; image: string }): { serviceAccount: ServiceAccount; configMap: ConfigMap; daemonSet: DaemonSet } {
  const data = { 'config.conf': proxyConfiguration(opts.podSubnet), 'kubeconfig.conf': proxyKubeconfig(opts.endpoint) };
  return {
    serviceAccount: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kube-proxy', namespace: NS } },
    configMap: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-proxy', namespace: NS, labels: { app: 'kube-proxy' }, annotations: { 'kubeadm.kubernetes.io/component-config.hash': configMapChecksum(data) } },
      data,
    },
    daemonSet: {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kube-proxy', namespace: NS, labels: { ...LABELS } },
      spec: {
        selector: { matchLabels: { ...LABELS } },
        updateStrategy: { type: 'RollingUpdate' },
        template: {
          metadata: { labels: { ...LABELS } },
          spec: {
            containers: [
              {
                name: 'kube-proxy',
                image: opts.image,
                imagePullPolicy: 'IfNotPresent',
                command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
                securityContext: { privileged: true },
                volumeMounts: [
                  { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
                  { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
                  { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
                ],
                env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
              },
            ],
            hostNetwork: true,
            priorityClassName: 'system-node-critical',
            serviceAccountName: 'kube-proxy',
            volumes: [
              { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
              { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
              { name: 'lib-modules', hostPath: { path: '/lib/modules' } },
            ],
            tolerations: [{ operator: 'Exists' }],
            nodeSelector: { 'kubernetes.io/os': 'linux' },
          },
        },
      },
    } as DaemonSet,
  };
}
