// kubeadm's certificate tree as data: the CAs, the certificates each signs, their subjects, usages
// and SANs (cmd/kubeadm/app/phases/certs), and the kubeconfig files' client certificates.
import type { ClusterConfig } from '../../../api/kubeadm';
import { apiEndpoint, serviceIPs } from './config';

export interface CertDef {
  /** The name kubeadm's renewal and check-expiration use ("etcd-server", "admin.conf"). */
  name: string;
  /** The file under /etc/kubernetes/pki (without .crt), or the kubeconfig file. */
  baseName: string;
  /** The signing CA's name; undefined for a CA. */
  ca?: string;
  /** What `kubeadm certs renew` says it renewed. */
  longName: string;
  commonName: (cfg: ClusterConfig) => string;
  organizations?: readonly string[];
  usages?: readonly ('server' | 'client')[];
  /** Serving certificates' SANs, printed by the certs phase. */
  sans?: (cfg: ClusterConfig) => { dns: string[]; ips: string[] };
  /** A kubeconfig file embedding the certificate, and the user it names. */
  kubeconfig?: { user: (cfg: ClusterConfig) => string };
}

const CLUSTER_ADMINS = 'kubeadm:cluster-admins';

function isIP(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':');
}

/** GetAPIServerAltNames: the node, the kubernetes Service's names and IP, the advertise address and endpoint. */
function apiServerSANs(cfg: ClusterConfig): { dns: string[]; ips: string[] } {
  const dns = [cfg.nodeName, 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', `kubernetes.default.svc.${cfg.dnsDomain}`];
  const ips = [serviceIPs(cfg).apiserver, cfg.advertiseAddress];
  if (cfg.controlPlaneEndpoint) {
    const host = apiEndpoint(cfg).replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    (isIP(host) ? ips : dns).push(host);
  }
  return dedupe(dns, ips);
}

function etcdSANs(cfg: ClusterConfig): { dns: string[]; ips: string[] } {
  return dedupe([cfg.nodeName, 'localhost'], [cfg.advertiseAddress, '127.0.0.1', '::1']);
}

/** RemoveDuplicateAltNames: DNS names sorted and unique, IPs unique in order. */
function dedupe(dns: string[], ips: string[]): { dns: string[]; ips: string[] } {
  return { dns: [...new Set(dns)].sort(), ips: [...new Set(ips)] };
}

/** The CAs, each followed by the certificates it signs, in the order the certs phase creates them. */
export const PKI_CERTS: readonly CertDef[] = [
  { name: 'ca', baseName: 'ca', longName: 'self-signed Kubernetes CA to provision identities for other Kubernetes components', commonName: () => 'kubernetes' },
  {
    name: 'apiserver',
    baseName: 'apiserver',
    ca: 'ca',
    longName: 'certificate for serving the Kubernetes API',
    commonName: () => 'kube-apiserver',
    usages: ['server'],
    sans: apiServerSANs,
  },
  {
    name: 'apiserver-kubelet-client',
    baseName: 'apiserver-kubelet-client',
    ca: 'ca',
    longName: 'certificate for the API server to connect to kubelet',
    commonName: () => 'kube-apiserver-kubelet-client',
    organizations: [CLUSTER_ADMINS],
    usages: ['client'],
  },
  { name: 'front-proxy-ca', baseName: 'front-proxy-ca', longName: 'self-signed CA to provision identities for front proxy', commonName: () => 'front-proxy-ca' },
  {
    name: 'front-proxy-client',
    baseName: 'front-proxy-client',
    ca: 'front-proxy-ca',
    longName: 'certificate for the front proxy client',
    commonName: () => 'front-proxy-client',
    usages: ['client'],
  },
  { name: 'etcd-ca', baseName: 'etcd/ca', longName: 'self-signed CA to provision identities for etcd', commonName: () => 'etcd-ca' },
  {
    name: 'etcd-server',
    baseName: 'etcd/server',
    ca: 'etcd-ca',
    longName: 'certificate for serving etcd',
    commonName: (cfg) => cfg.nodeName,
    usages: ['server', 'client'],
    sans: etcdSANs,
  },
  {
    name: 'etcd-peer',
    baseName: 'etcd/peer',
    ca: 'etcd-ca',
    longName: 'certificate for etcd nodes to communicate with each other',
    commonName: (cfg) => cfg.nodeName,
    usages: ['server', 'client'],
    sans: etcdSANs,
  },
  {
    name: 'etcd-healthcheck-client',
    baseName: 'etcd/healthcheck-client',
    ca: 'etcd-ca',
    longName: 'certificate for liveness probes to healthcheck etcd',
    commonName: () => 'kube-etcd-healthcheck-client',
    usages: ['client'],
  },
  {
    name: 'apiserver-etcd-client',
    baseName: 'apiserver-etcd-client',
    ca: 'etcd-ca',
    longName: 'certificate the apiserver uses to access etcd',
    commonName: () => 'kube-apiserver-etcd-client',
    usages: ['client'],
  },
];

/** The kubeconfig files of the kubeconfig phase, in the order it writes them. */
export const KUBECONFIG_CERTS: readonly CertDef[] = [
  {
    name: 'admin.conf',
    baseName: 'admin.conf',
    ca: 'ca',
    longName: 'certificate embedded in the kubeconfig file for the admin to use and for kubeadm itself',
    commonName: () => 'kubernetes-admin',
    organizations: [CLUSTER_ADMINS],
    usages: ['client'],
    kubeconfig: { user: () => 'kubernetes-admin' },
  },
  {
    name: 'super-admin.conf',
    baseName: 'super-admin.conf',
    ca: 'ca',
    longName: 'certificate embedded in the kubeconfig file for the super-admin',
    commonName: () => 'kubernetes-super-admin',
    organizations: ['system:masters'],
    usages: ['client'],
    kubeconfig: { user: () => 'kubernetes-super-admin' },
  },
  {
    name: 'kubelet.conf',
    baseName: 'kubelet.conf',
    ca: 'ca',
    longName: 'certificate embedded in the kubeconfig file for the kubelet',
    commonName: (cfg) => `system:node:${cfg.nodeName}`,
    organizations: ['system:nodes'],
    usages: ['client'],
    kubeconfig: { user: (cfg) => `system:node:${cfg.nodeName}` },
  },
  {
    name: 'controller-manager.conf',
    baseName: 'controller-manager.conf',
    ca: 'ca',
    longName: 'certificate embedded in the kubeconfig file for the controller manager to use',
    commonName: () => 'system:kube-controller-manager',
    usages: ['client'],
    kubeconfig: { user: () => 'system:kube-controller-manager' },
  },
  {
    name: 'scheduler.conf',
    baseName: 'scheduler.conf',
    ca: 'ca',
    longName: 'certificate embedded in the kubeconfig file for the scheduler manager to use',
    commonName: () => 'system:kube-scheduler',
    usages: ['client'],
    kubeconfig: { user: () => 'system:kube-scheduler' },
  },
];

export const ALL_CERTS: readonly CertDef[] = [...PKI_CERTS, ...KUBECONFIG_CERTS];

export function certDef(name: string): CertDef | undefined {
  return ALL_CERTS.find((c) => c.name === name);
}

/**
 * Certificates `kubeadm certs` manages (check-expiration, renew), sorted by name; kubelet.conf is
 * left out because the kubelet rotates its own client certificate.
 */
export function renewable(): CertDef[] {
  return ALL_CERTS.filter((c) => c.ca && c.name !== 'kubelet.conf').sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function authorities(): CertDef[] {
  return PKI_CERTS.filter((c) => !c.ca).sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** kubeadm's validity periods: 365 days for certificates, ten times that for CAs. */
export const CERT_VALIDITY_MS = 365 * 24 * 3600 * 1000;
export const CA_VALIDITY_MS = 10 * CERT_VALIDITY_MS;
