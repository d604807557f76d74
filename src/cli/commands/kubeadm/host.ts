// What `pocketkube kubeadm` needs from the simulation, as the CLI sees it. The simulation
// (sim/cluster/kubeadm) implements it and the session hands it over; the CLI only parses flags
// and prints kubeadm's words.

/** The home as kubeadm sees it: never given the default cluster behind its back. */
export interface KubeadmHome {
  /** Opens the home for writing (under its lock), whatever it holds. */
  open(): KubeadmMachine;
  /** Removes the home's cluster (its store); the kubeconfig stays, as kubeadm leaves $HOME/.kube/config. */
  reset(): void;
}

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

export interface TokenRequest {
  token?: string;
  description?: string;
  ttlMs?: number;
  usages?: string[];
  groups?: string[];
}

export interface ClusterConfig {
  kubernetesVersion: string;
  controlPlaneEndpoint: string;
  nodeName: string;
  advertiseAddress: string;
}

export interface InitPreflight {
  config: ClusterConfig;
  lines: string[];
  error?: Error;
  reuse: boolean;
}

export interface InitReport {
  config: ClusterConfig;
  certs: { baseName: string; existing: boolean; sans?: { dns: string[]; ips: string[] } }[];
  kubeconfigs: { file: string; existing: boolean }[];
  tokens: string[];
  caCertHash: string;
  endpoint: string;
  kubeletHealthyNs: number;
  apiServerHealthyNs: number;
}

export interface JoinOptions {
  endpoint?: string;
  nodeName?: string;
  token?: string;
  caCertHashes: string[];
  unsafeSkipCAVerification: boolean;
}

export interface BootstrapTokenInfo {
  id: string;
  secret: string;
  description?: string;
  expires?: number;
  usages: string[];
  groups: string[];
}

export interface CertificateStatus {
  name: string;
  ca?: string;
  notAfter: number;
}

export interface KubeadmMachine {
  /** kubeadm init ran on this home. */
  readonly initialised: boolean;
  now(): number;
  initPreflight(opts: InitOptions, ignorePreflightErrors: readonly string[]): InitPreflight;
  init(pre: InitPreflight, tokens?: readonly TokenRequest[]): InitReport;
  join(opts: JoinOptions): { nodeName: string; kubeletHealthyNs: number };
  createToken(req: TokenRequest): string;
  /** Tokens, or the error text of a malformed token Secret. */
  listTokens(): (BootstrapTokenInfo | string)[];
  deleteToken(idOrToken: string): string;
  generateToken(): string;
  joinInfo(): { endpoint: string; caCertHash: string };
  certificates(): { certs: CertificateStatus[]; cas: CertificateStatus[] };
  renew(names: readonly string[]): string[];
  /** Whether the cluster has nodes besides the control plane. */
  workerCount(): number;
  /** Lets cluster time pass, firing what falls due (kubeadm waiting on the machine). */
  elapse(ms: number): void;
}

/** A failure kubeadm reports: in a phase ("error execution phase <phase>: ..."), or a config that did not validate. */
export interface KubeadmFailure extends Error {
  phase?: string;
  validation: boolean;
}

export function isKubeadmFailure(e: unknown): e is KubeadmFailure {
  return e instanceof Error && typeof (e as Partial<KubeadmFailure>).validation === 'boolean';
}
