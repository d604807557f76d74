// What `pocketkube kubeadm` needs from the simulation, as the CLI sees it. The simulation
// (sim/cluster/kubeadm) implements it and the session hands it over; the CLI only parses flags
// and prints kubeadm's words. The data crossing it is declared once, in api/kubeadm.ts.
import type { BootstrapToken } from '../../../api/bootstraptoken';
import type {
  CertificateStatus,
  InitOptions,
  InitPreflight,
  InitReport,
  JoinOptions,
  JoinReport,
  KubeadmFailure,
  TokenRequest,
} from '../../../api/kubeadm';

/** The home as kubeadm sees it: never given the default cluster behind its back. */
export interface KubeadmHome {
  /** Opens the home for writing (under its lock), whatever it holds. */
  open(): KubeadmMachine;
  /** Removes the home's cluster (its store); the kubeconfig stays, as kubeadm leaves $HOME/.kube/config. */
  reset(): void;
}

export interface KubeadmMachine {
  /** kubeadm init ran on this home. */
  readonly initialised: boolean;
  now(): number;
  initPreflight(opts: InitOptions, ignorePreflightErrors: readonly string[]): InitPreflight;
  init(pre: InitPreflight, tokens?: readonly TokenRequest[]): InitReport;
  join(opts: JoinOptions): JoinReport;
  createToken(req: TokenRequest): string;
  /** Tokens, or the error text of a malformed token Secret. */
  listTokens(): (BootstrapToken | string)[];
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

/** By shape: the CLI may not import the simulation's KubeadmError class. */
export function isKubeadmFailure(e: unknown): e is KubeadmFailure {
  return e instanceof Error && typeof (e as Partial<KubeadmFailure>).validation === 'boolean';
}
