// kubeadm's data as it crosses between `pocketkube kubeadm` (cli) and the simulation that runs it
// (sim/cluster/kubeadm): both layers may import api, so the shapes live here once. Types only.

/** What a user may set, from flags or a config file (undefined: kubeadm's default). */
export interface InitOptions {
  kubernetesVersion?: string;
  controlPlaneEndpoint?: string;
  podSubnet?: string;
  serviceSubnet?: string;
  dnsDomain?: string;
  clusterName?: string;
  nodeName?: string;
  advertiseAddress?: string;
}

/** A bootstrap token to create (`kubeadm token create`, or an InitConfiguration's bootstrapTokens). */
export interface TokenRequest {
  /** The token to create; a random one when absent. */
  token?: string;
  description?: string;
  /** Go duration in ms; 0 never expires, absent is kubeadm's default of 24h. */
  ttlMs?: number;
  usages?: string[];
  groups?: string[];
}

/** The effective configuration, as kept by the control plane (and uploaded to kubeadm-config). */
export interface ClusterConfig {
  kubernetesVersion: string;
  controlPlaneEndpoint: string;
  clusterName: string;
  podSubnet: string;
  serviceSubnet: string;
  dnsDomain: string;
  nodeName: string;
  advertiseAddress: string;
  bindPort: number;
}

/** A failure kubeadm reports: in a phase ("error execution phase <phase>: ..."), or a config that did not validate. */
export interface KubeadmFailure extends Error {
  phase?: string;
  validation: boolean;
}

/** Init's pre-flight result; handed back to init, so its config is the full one init runs on. */
export interface InitPreflight {
  config: ClusterConfig;
  /** Warning lines of the checks, printed as they run. */
  lines: string[];
  error?: KubeadmFailure;
  /** The machine already runs a control plane (every check was ignored). */
  reuse: boolean;
}

export interface InitReport {
  config: ClusterConfig;
  certs: { baseName: string; existing: boolean; sans?: { dns: string[]; ips: string[] } }[];
  kubeconfigs: { file: string; existing: boolean }[];
  tokens: string[];
  caCertHash: string;
  endpoint: string;
  /** How long the kubelet and the API server took to become healthy (ns), as kubeadm reports. */
  kubeletHealthyNs: number;
  apiServerHealthyNs: number;
}

export interface JoinOptions {
  /** The API server endpoint given on the command line ("host:port"). */
  endpoint?: string;
  nodeName?: string;
  token?: string;
  caCertHashes: string[];
  unsafeSkipCAVerification: boolean;
}

export interface JoinReport {
  nodeName: string;
  kubeletHealthyNs: number;
}

export interface CertificateStatus {
  name: string;
  /** The signing CA; undefined for a CA. */
  ca?: string;
  notAfter: number;
  /** What `kubeadm certs renew` calls it. */
  longName: string;
}
