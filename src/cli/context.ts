// What a command gets to work with: streams, the kubeconfig, global flags and lazy access to the
// cluster (opening it costs a store read, so commands that do not need it never pay).
import type { UserInfo } from '../client/client';
import type { Client } from '../client/client';
import type { KubeadmHome } from './commands/kubeadm/host';
import type { StoreHome } from './commands/store/host';
import type { HelpEnv } from './help';
import type { IO } from './io';
import { type ClientConfig, Kubeconfig, KubeconfigChain, connectionRefused, resolveClientConfig, sameServer } from './kubeconfig';
import { CliError } from './errors';
import * as fs from 'node:fs';
import { klogError, klogInfo } from './klog';
import { parseRequestTimeout } from './flags/timeout';

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

/** Who is calling, and where to: what the resolved client configuration presents. */
export interface Credentials {
  /**
   * True when the command names its own kubeconfig or credentials (--kubeconfig, $KUBECONFIG, or
   * a flag over the context): they count even for the first command on an empty home, which
   * otherwise acts with the admin credentials it is making.
   */
  chosen: boolean;
  /** Resolves the client configuration (kubectl's configuration errors are thrown here). */
  present(): PresentedCredentials;
}

export interface PresentedCredentials {
  token?: string;
  /** Throws kubectl's failure when the configured server is not the cluster's endpoint. */
  reach(endpoint: string): void;
}

export interface ClusterAccess {
  /** Credentials are read once the store is locked, so a concurrent first run's are seen. */
  open(mode: ClusterMode, credentials: () => Credentials, impersonate?: UserInfo): Cluster;
  /**
   * The cluster as stored, for shell completion: never converged, bootstrapped, locked or saved
   * (undefined on an empty home).
   */
  peek?(credentials: () => Credentials, impersonate?: UserInfo): Cluster | undefined;
  /** The home as `pocketkube kubeadm` works on it (never bootstrapped by default). */
  kubeadm?(): KubeadmHome;
  /** The cluster's storage as `pocketkube store` works on it. */
  store?(): StoreHome;
}

export interface GlobalFlags {
  namespace?: string;
  context?: string;
  kubeconfig?: string;
  cluster?: string;
  user?: string;
  server?: string;
  token?: string;
  requestTimeout?: string;
  as?: string;
  asGroup?: string[];
  /** -v: klog's verbosity (6 and up log the REST requests). */
  v?: string;
  /** --warnings-as-errors: a command the server warned fails once it is done. */
  warningsAsErrors?: boolean;
  /** The command path being run ("create deployment"), for what kubectl names after it. */
  command?: string;
}

export class CommandContext {
  private chain?: KubeconfigChain;

  constructor(
    readonly io: IO,
    readonly env: Readonly<Record<string, string | undefined>>,
    private readonly access: ClusterAccess,
    /** The home's own kubeconfig, where its cluster's credentials are written. */
    readonly homeKubeconfigPath: string,
    readonly flags: GlobalFlags = {},
    /** Warnings the server sent, each once (shared by the contexts one command line makes). */
    private readonly warned = new Set<string>(),
  ) {}

  withFlags(flags: GlobalFlags): CommandContext {
    return new CommandContext(this.io, this.env, this.access, this.homeKubeconfigPath, { ...this.flags, ...flags }, this.warned);
  }

  /**
   * Prints warnings the API server sent with its answers as kubectl's warning handler does: each
   * distinct message once (it deduplicates), counted for --warnings-as-errors.
   */
  serverWarning(...texts: string[]): void {
    for (const t of texts) {
      if (this.warned.has(t)) continue;
      this.warned.add(t);
      this.io.err.write(`Warning: ${t}\n`);
    }
  }

  get serverWarnings(): number {
    return this.warned.size;
  }

  /** --as and --as-group: the user the command acts as, when it impersonates one. */
  private impersonated(): UserInfo | undefined {
    const f = this.flags;
    if (!f.as) return undefined;
    return { name: f.as, groups: [...(f.asGroup ?? []), 'system:authenticated'] };
  }

  /** The kubeconfig files this command loads: --kubeconfig, else $KUBECONFIG, else the home's. */
  kubeconfigChain(): KubeconfigChain {
    return (this.chain ??= KubeconfigChain.resolve(this.flags.kubeconfig, this.env.KUBECONFIG, this.homeKubeconfigPath));
  }

  /** The merged kubeconfig, if any of its files exists. */
  kubeconfig(): Kubeconfig | undefined {
    const chain = this.kubeconfigChain();
    return chain.exists() ? chain.merged() : undefined;
  }

  /**
   * The kubeconfig files, for `config` verbs: on an empty home the default cluster is made first
   * (as any first command makes it), so its kubeconfig is there to read and edit. Files named by
   * --kubeconfig or $KUBECONFIG are read as they are.
   */
  configChain(): KubeconfigChain {
    const chain = this.kubeconfigChain();
    if (this.flags.kubeconfig === undefined && !this.env.KUBECONFIG && !chain.exists()) {
      this.cluster('read');
      this.chain = undefined;
    }
    return this.kubeconfigChain();
  }

  /** The client configuration: the context and its cluster, user and namespace, with the flags over them. */
  clientConfig(config = this.kubeconfig()): ClientConfig {
    const f = this.flags;
    return resolveClientConfig(config, { context: f.context, cluster: f.cluster, user: f.user, server: f.server, token: f.token, namespace: f.namespace });
  }

  /** What help texts need of the environment: $HOME, and the plugins on PATH. */
  helpEnv(): HelpEnv {
    return {
      home: this.env.HOME ?? '',
      plugins: () => (require('./commands/plugin') as typeof import('./commands/plugin')).pluginFiles(this.env),
    };
  }

  /** The namespace a command works in: -n, else the context's, else "default". */
  namespace(): string {
    // Read even under -n: kubectl's loader reads (and so refuses a broken) kubeconfig first.
    const config = this.kubeconfig();
    if (this.flags.namespace) return this.flags.namespace;
    return config?.namespace(this.flags.context || undefined) ?? 'default';
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
    const impersonate = this.impersonated();
    const chain = this.kubeconfigChain();
    chain.checkExplicit();
    const level = Number(this.flags.v) || 0;
    if (level >= 6) for (const file of chain.files) if (fs.existsSync(file)) klogInfo(this, 'loader.go:402', `Config loaded from file:  ${file}`);
    const cluster = this.access.open(mode, () => this.credentials(), impersonate);
    return level >= 6 ? this.traced(cluster, level) : cluster;
  }

  /** The cluster with its client logging each request as -v asks (the controllers' own calls are not the command's). */
  private traced(cluster: Cluster, level: number): Cluster {
    const verb = (this.flags.command ?? '').split(' ')[0];
    const fieldManager = verb === 'apply' ? 'kubectl-client-side-apply' : `kubectl-${verb}`;
    // Loaded only for -v: the common path never pays for it.
    const { TracingClient } = require('../client/tracing') as typeof import('../client/tracing');
    const { requestLogger } = require('./verbose') as typeof import('./verbose');
    const client = new TracingClient(cluster.client, requestLogger(this, level, this.clientConfig().server), fieldManager);
    return new Proxy(cluster, {
      get: (target, prop) => {
        if (prop === 'client') return client;
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** The cluster as stored, read-only (shell completion); undefined when the home has none. */
  peekCluster(): Cluster | undefined {
    const impersonate = this.impersonated();
    this.kubeconfigChain().checkExplicit();
    return this.access.peek?.(() => this.credentials(), impersonate);
  }

  /** Read once the store is locked (a concurrent first run may be writing the kubeconfig). */
  private credentials(): Credentials {
    const f = this.flags;
    return {
      chosen: !!(f.kubeconfig || this.env.KUBECONFIG || f.context || f.cluster || f.user || f.server || f.token),
      present: () => {
        const resolved = this.clientConfig(KubeconfigChain.resolve(f.kubeconfig, this.env.KUBECONFIG, this.homeKubeconfigPath).merged());
        if (resolved.promptForUser) {
          // client-go asks for the basic-auth credentials of a user no kubeconfig holds; none come.
          this.io.out.write('Please enter Username: Please enter Password: ');
          throw new CliError('error reading input for Password');
        }
        return {
          token: resolved.token,
          reach: (endpoint) => {
            if (sameServer(resolved.server, endpoint)) return;
            throw connectionRefused(resolved.server, parseRequestTimeout(f.requestTimeout), (source, message) => klogError(this, source, message));
          },
        };
      },
    };
  }
}
