// What a command gets to work with: streams, the kubeconfig, global flags and lazy access to the
// cluster (opening it costs a store read, so commands that do not need it never pay).
import type { UserInfo } from '../client/client';
import type { Client } from '../client/client';
import type { KubeadmHome } from './commands/kubeadm/host';
import type { StoreHome } from './commands/store/host';
import type { IO } from './io';
import { Kubeconfig } from './kubeconfig';

export type ClusterMode = 'read' | 'write';

export interface Cluster {
  client: Client;
  now(): number;
  converge(): void;
  /** Moves simulated time to `target`, firing timers on the way; stops early once `until` holds. */
  advanceTo(target: number, until?: () => boolean): boolean;
  /** When the next pending timer fires; undefined when nothing is scheduled. */
  nextTimer(): number | undefined;
  /** The simulated machines behind the nodes, for `pocketkube node` (not part of the API). */
  machines(): MachineAccess;
}

/** What pocketkube simulates about a node's machine (see sim/kubelet/nodestate.ts). */
export interface MachineFacts {
  /** Set while the kubelet is stopped: when it stopped posting status (cluster ms). */
  kubeletStoppedAt?: number;
  /** memory.available and nodefs.available forced to a quantity; measured when unset. */
  memoryAvailable?: string;
  diskAvailable?: string;
  /** Extended resources advertised by device plugins, as counts. */
  devices?: Record<string, string>;
}

export interface MachineAccess {
  get(nodeName: string): MachineFacts;
  set(nodeName: string, facts: MachineFacts): void;
}

/** Who is calling: the kubeconfig and the context (--context) whose user's token to present. */
export interface Credentials {
  kubeconfig: Kubeconfig | undefined;
  context?: string;
}

export interface ClusterAccess {
  /** Credentials are read once the store is locked, so a concurrent first run's are seen. */
  open(mode: ClusterMode, credentials: () => Credentials, impersonate?: UserInfo): Cluster;
  /** The home as `pocketkube kubeadm` works on it (never bootstrapped by default). */
  kubeadm?(): KubeadmHome;
  /** The cluster's storage as `pocketkube store` works on it. */
  store?(): StoreHome;
}

export interface GlobalFlags {
  namespace?: string;
  context?: string;
  kubeconfig?: string;
  as?: string;
  asGroup?: string[];
}

export class CommandContext {
  private config?: Kubeconfig | null;

  constructor(
    readonly io: IO,
    readonly env: Readonly<Record<string, string | undefined>>,
    private readonly access: ClusterAccess,
    readonly kubeconfigPath: string,
    readonly flags: GlobalFlags = {},
  ) {}

  withFlags(flags: GlobalFlags): CommandContext {
    return new CommandContext(this.io, this.env, this.access, flags.kubeconfig ?? this.kubeconfigPath, { ...this.flags, ...flags });
  }

  /** The kubeconfig file, if there is one. */
  kubeconfig(): Kubeconfig | undefined {
    if (this.config === undefined) this.config = Kubeconfig.load(this.kubeconfigPath) ?? null;
    return this.config ?? undefined;
  }

  /**
   * The kubeconfig, for `config` verbs: on an empty home the default cluster is made first (as
   * any first command makes it), so its kubeconfig is there to read and edit. A kubeconfig named
   * by --kubeconfig is read as it is.
   */
  homeKubeconfig(): Kubeconfig | undefined {
    if (!this.kubeconfig() && this.flags.kubeconfig === undefined) {
      this.cluster('read');
      this.config = undefined;
    }
    return this.kubeconfig();
  }

  /** The namespace a command works in: -n, else the context's, else "default". */
  namespace(): string {
    if (this.flags.namespace) return this.flags.namespace;
    return this.kubeconfig()?.namespace(this.flags.context) ?? 'default';
  }

  /** True when -n was given explicitly (manifests must then agree with it). */
  get namespaceExplicit(): boolean {
    return !!this.flags.namespace;
  }

  kubeadm(): KubeadmHome {
    if (!this.access.kubeadm) throw new Error('kubeadm cannot reach this cluster');
    return this.access.kubeadm();
  }

  store(): StoreHome {
    if (!this.access.store) throw new Error('pocketkube store cannot reach this home');
    return this.access.store();
  }

  cluster(mode: ClusterMode): Cluster {
    const impersonate = this.flags.as ? { name: this.flags.as, groups: [...(this.flags.asGroup ?? []), 'system:authenticated'] } : undefined;
    return this.access.open(mode, () => ({ kubeconfig: Kubeconfig.load(this.kubeconfigPath), context: this.flags.context }), impersonate);
  }
}
