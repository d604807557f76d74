// The configuration kubeadm init works from: what the user gave (flags or an InitConfiguration /
// ClusterConfiguration file) with kubeadm's defaults, checked as ValidateInitConfiguration does,
// and what follows from it (service IPs, the endpoint joins use).
import type { ClusterConfig, InitOptions } from '../../../api/kubeadm';
import { CLUSTER_NAME, CONTROL_PLANE, KUBERNETES_VERSION, POD_SUBNET, SERVICE_SUBNET } from '../topology';
import { indexedIP, parseSubnet, type Subnet } from './cidr';
import { KubeadmError } from './errors';

/** kubeadm v1.32 deploys control planes of v1.31.0 and later. */
export const MINIMUM_CONTROL_PLANE_VERSION = '1.31.0';
const KUBEADM_MINOR = 32;

function semver(v: string): [number, number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function lessThan(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/** kubeadm's KubernetesReleaseVersion and NormalizeKubernetesVersion, without the network. */
export function normalizeVersion(given: string | undefined): string {
  if (!given || /^(stable|latest)(-\d+(\.\d+)?)?$/.test(given)) return KUBERNETES_VERSION;
  const v = semver(given);
  if (!v) throw new KubeadmError(`version ${JSON.stringify(given)} doesn't match patterns for neither semantic version nor labels (stable, latest, ...)`);
  const text = given.startsWith('v') ? given : `v${given}`;
  if (lessThan(v, semver(MINIMUM_CONTROL_PLANE_VERSION)!))
    throw new KubeadmError(
      `this version of kubeadm only supports deploying clusters with the control plane version >= ${MINIMUM_CONTROL_PLANE_VERSION}. Current version: ${text}`,
    );
  return text;
}

/** The preflight warning for a control plane newer than kubeadm (KubernetesVersionCheck). */
export function versionWarning(version: string): string | undefined {
  const v = semver(version)!;
  if (v[0] > 1 || v[1] > KUBEADM_MINOR)
    return `Kubernetes version is greater than kubeadm version. Please consider to upgrade kubeadm. Kubernetes version: ${version.replace(/^v/, '')}. Kubeadm version: 1.${KUBEADM_MINOR}.x`;
  return undefined;
}

/** "host:port", with the API server's port when none is given (as kubeadm's GetControlPlaneEndpoint). */
function withPort(endpoint: string, port: number): string {
  if (/^\[.*\]:\d+$/.test(endpoint) || /^[^:]+:\d+$/.test(endpoint)) return endpoint;
  return `${endpoint}:${port}`;
}

/** Defaults, then ValidateClusterConfiguration's networking checks (a validation error lists them all). */
export function resolveConfig(opts: InitOptions): ClusterConfig {
  const podSubnet = opts.podSubnet ?? POD_SUBNET;
  const serviceSubnet = opts.serviceSubnet ?? SERVICE_SUBNET;
  const errors: string[] = [];
  const pod = parseSubnet(podSubnet);
  if (!pod) errors.push(`networking.podSubnet: Invalid value: ${JSON.stringify(podSubnet)}: couldn't parse subnet`);
  else if (pod.prefix > 24)
    errors.push(`networking.podSubnet: Invalid value: ${JSON.stringify(podSubnet)}: the size of pod subnet with mask ${pod.prefix} is smaller than the size of node subnet with mask 24`);
  const svc = parseSubnet(serviceSubnet);
  if (!svc) errors.push(`networking.serviceSubnet: Invalid value: ${JSON.stringify(serviceSubnet)}: couldn't parse subnet`);
  const advertise = opts.advertiseAddress ?? CONTROL_PLANE.ip;
  if (opts.advertiseAddress !== undefined && !/^\d+\.\d+\.\d+\.\d+$/.test(advertise))
    errors.push(`localAPIEndpoint.advertiseAddress: Invalid value: ${JSON.stringify(advertise)}: cannot parse IP address`);
  if (errors.length) throw new KubeadmError(errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`, { validation: true });
  const bindPort = 6443;
  return {
    kubernetesVersion: normalizeVersion(opts.kubernetesVersion),
    controlPlaneEndpoint: opts.controlPlaneEndpoint ? withPort(opts.controlPlaneEndpoint, bindPort) : '',
    clusterName: opts.clusterName ?? CLUSTER_NAME,
    podSubnet,
    serviceSubnet,
    dnsDomain: opts.dnsDomain ?? 'cluster.local',
    nodeName: (opts.nodeName ?? CONTROL_PLANE.name).toLowerCase(),
    advertiseAddress: advertise,
    bindPort,
  };
}

export function subnets(cfg: ClusterConfig): { pod: Subnet; service: Subnet } {
  return { pod: parseSubnet(cfg.podSubnet)!, service: parseSubnet(cfg.serviceSubnet)! };
}

/** The address joins and kubeconfigs use: the control-plane endpoint, else the advertise address. */
export function apiEndpoint(cfg: ClusterConfig): string {
  return cfg.controlPlaneEndpoint || `${cfg.advertiseAddress}:${cfg.bindPort}`;
}

/** The "kubernetes" Service's IP (first of the service subnet) and the cluster DNS IP (tenth). */
export function serviceIPs(cfg: ClusterConfig): { apiserver: string; dns: string } {
  const svc = subnets(cfg).service;
  return { apiserver: indexedIP(svc, 1), dns: indexedIP(svc, 10) };
}

/** The ClusterConfiguration kubeadm uploads to kube-system/kubeadm-config (v1beta4, as YAML). */
export function clusterConfigurationYAML(cfg: ClusterConfig): string {
  return [
    'apiServer: {}',
    'apiVersion: kubeadm.k8s.io/v1beta4',
    'caCertificateValidityPeriod: 87600h0m0s',
    'certificateValidityPeriod: 8760h0m0s',
    'certificatesDir: /etc/kubernetes/pki',
    `clusterName: ${cfg.clusterName}`,
    ...(cfg.controlPlaneEndpoint ? [`controlPlaneEndpoint: ${cfg.controlPlaneEndpoint}`] : []),
    'controllerManager: {}',
    'dns: {}',
    'encryptionAlgorithm: ECDSA-P256',
    'etcd:',
    '  local:',
    '    dataDir: /var/lib/etcd',
    'imageRepository: registry.k8s.io',
    'kind: ClusterConfiguration',
    `kubernetesVersion: ${cfg.kubernetesVersion}`,
    'networking:',
    `  dnsDomain: ${cfg.dnsDomain}`,
    `  podSubnet: ${cfg.podSubnet}`,
    `  serviceSubnet: ${cfg.serviceSubnet}`,
    'proxy: {}',
    'scheduler: {}',
    '',
  ].join('\n');
}

/** The KubeletConfiguration kubeadm uploads to kube-system/kubelet-config. */
export function kubeletConfigurationYAML(cfg: ClusterConfig): string {
  return [
    'apiVersion: kubelet.config.k8s.io/v1beta1',
    'authentication:',
    '  anonymous:',
    '    enabled: false',
    '  webhook:',
    '    cacheTTL: 0s',
    '    enabled: true',
    '  x509:',
    '    clientCAFile: /etc/kubernetes/pki/ca.crt',
    'authorization:',
    '  mode: Webhook',
    '  webhook:',
    '    cacheAuthorizedTTL: 0s',
    '    cacheUnauthorizedTTL: 0s',
    'cgroupDriver: systemd',
    'clusterDNS:',
    `- ${serviceIPs(cfg).dns}`,
    `clusterDomain: ${cfg.dnsDomain}`,
    'containerRuntimeEndpoint: ""',
    'cpuManagerReconcilePeriod: 0s',
    'crashLoopBackOff: {}',
    'evictionPressureTransitionPeriod: 0s',
    'fileCheckFrequency: 0s',
    'healthzBindAddress: 127.0.0.1',
    'healthzPort: 10248',
    'httpCheckFrequency: 0s',
    'imageMaximumGCAge: 0s',
    'imageMinimumGCAge: 0s',
    'kind: KubeletConfiguration',
    'logging:',
    '  flushFrequency: 0',
    '  options:',
    '    json:',
    '      infoBufferSize: "0"',
    '    text:',
    '      infoBufferSize: "0"',
    '  verbosity: 0',
    'memorySwap: {}',
    'nodeStatusReportFrequency: 0s',
    'nodeStatusUpdateFrequency: 0s',
    'resolvConf: /run/systemd/resolve/resolv.conf',
    'rotateCertificates: true',
    'runtimeRequestTimeout: 0s',
    'shutdownGracePeriod: 0s',
    'shutdownGracePeriodCriticalPods: 0s',
    'staticPodPath: /etc/kubernetes/manifests',
    'streamingConnectionIdleTimeout: 0s',
    'syncFrequency: 0s',
    'volumeStatsAggPeriod: 0s',
    '',
  ].join('\n');
}
