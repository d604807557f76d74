// pocketkube kubeadm init: builds a control plane (no workers) on an empty home, as kubeadm init
// does on a machine, printing its phases; the cluster's options come from flags or --config.
import type { Command } from '../../command';
import { DEFAULT_DESCRIPTION } from '../../../api/bootstraptoken';
import type { InitOptions, InitPreflight, InitReport, TokenRequest } from '../../../api/kubeadm';
import type { CommandContext } from '../../context';
import { RawError } from '../../errors';
import { durationFlag } from '../../flags/duration';
import { klogWarning } from '../../klog';
import { collectSlice } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { checkTokenForm } from './common';
import { type ConfigFile, isConfigError, readConfigFile } from './config';
import { goDurationNs, joinCommand, kubeadmError, kubeadmFail, kubeadmStep } from './output';

/** Flags kubeadm accepts beside --config (ValidateMixedArguments' allow list, as far as we have them). */
const ALLOWED_WITH_CONFIG = new Set(['config', 'ignore-preflight-errors', 'node-name', 'v']);

const FLAG_OPTIONS: Record<string, keyof InitOptions> = {
  'kubernetes-version': 'kubernetesVersion',
  'control-plane-endpoint': 'controlPlaneEndpoint',
  'pod-network-cidr': 'podSubnet',
  'service-cidr': 'serviceSubnet',
  'service-dns-domain': 'dnsDomain',
  'node-name': 'nodeName',
  'apiserver-advertise-address': 'advertiseAddress',
};

function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The flags given on the command line, by name, sorted (pflag's Visit order). */
function givenFlags(cmd: Command): string[] {
  return cmd.options
    .map((o) => o.long!.replace(/^--/, ''))
    .filter((name) => cmd.getOptionValueSource(camel(name)) === 'cli')
    .sort();
}

export interface KubeadmInitOptions {
  /** --config's file, if any. */
  config?: string;
  /** The flags given on the command line, by name, sorted: kubeadm checks them against --config. */
  given: string[];
  /** The cluster's options the flags gave (only --node-name counts beside --config). */
  cluster: InitOptions;
  token?: string;
  /** --token-ttl in milliseconds. */
  tokenTtl?: number;
  ignorePreflightErrors: string[];
}

/** The cluster's options and tokens from --config's file, its warnings logged as kubeadm logs them; --node-name still counts. */
function fromConfig(c: CommandContext, config: string, nodeName: string | undefined): ConfigFile {
  let file;
  try {
    file = readConfigFile(config);
  } catch (e) {
    if (isConfigError(e) || e instanceof Error) throw kubeadmFail(e.message);
    throw e;
  }
  for (const w of file.warnings) klogWarning(c, 'common.go:101', w);
  if (nodeName !== undefined) file.options.nodeName = nodeName;
  return file;
}

/** Without --config: the flags' options, and a token when --token or --token-ttl asks for one. */
function fromFlags(o: KubeadmInitOptions): { options: InitOptions; tokens: TokenRequest[] } {
  const token: TokenRequest = {};
  if (o.token !== undefined) token.token = o.token;
  if (o.tokenTtl !== undefined) token.ttlMs = o.tokenTtl;
  return { options: o.cluster, tokens: o.token !== undefined || o.tokenTtl !== undefined ? [{ description: DEFAULT_DESCRIPTION, ...token }] : [] };
}

function preflightText(pre: InitPreflight): string {
  return `[init] Using Kubernetes version: ${pre.config.kubernetesVersion}\n[preflight] Running pre-flight checks\n`;
}

const PULLING = [
  '[preflight] Pulling images required for setting up a Kubernetes cluster',
  '[preflight] This might take a minute or two, depending on the speed of your internet connection',
  "[preflight] You can also perform this action beforehand using 'kubeadm config images pull'",
];

const RBAC = [
  '[bootstrap-token] Configuring bootstrap tokens, cluster-info ConfigMap, RBAC Roles',
  '[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to get nodes',
  '[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to post CSRs in order for nodes to get long term certificate credentials',
  '[bootstrap-token] Configured RBAC rules to allow the csrapprover controller automatically approve CSRs from a Node Bootstrap Token',
  '[bootstrap-token] Configured RBAC rules to allow certificate rotation for all node client certificates in the cluster',
];

/** The phases' output, in kubeadm init's order. */
export function initPhasesText(r: InitReport): string {
  const cfg = r.config;
  const lines: string[] = [...PULLING, '[certs] Using certificateDir folder "/etc/kubernetes/pki"'];
  for (const c of r.certs) {
    const ca = !c.baseName.includes('/') ? ['ca', 'front-proxy-ca'].includes(c.baseName) : c.baseName === 'etcd/ca';
    if (c.existing) lines.push(ca ? `[certs] Using existing ${c.baseName} certificate authority` : `[certs] Using existing ${c.baseName} certificate and key on disk`);
    else {
      lines.push(`[certs] Generating "${c.baseName}" certificate and key`);
      if (c.sans) lines.push(`[certs] ${c.baseName} serving cert is signed for DNS names [${c.sans.dns.join(' ')}] and IPs [${c.sans.ips.join(' ')}]`);
    }
  }
  lines.push(r.certs.some((c) => c.existing) ? '[certs] Using the existing "sa" key' : '[certs] Generating "sa" key and public key');
  lines.push('[kubeconfig] Using kubeconfig folder "/etc/kubernetes"');
  for (const k of r.kubeconfigs)
    lines.push(k.existing ? `[kubeconfig] Using existing kubeconfig file: "/etc/kubernetes/${k.file}"` : `[kubeconfig] Writing "${k.file}" kubeconfig file`);
  lines.push(
    '[etcd] Creating static Pod manifest for local etcd in "/etc/kubernetes/manifests"',
    '[control-plane] Using manifest folder "/etc/kubernetes/manifests"',
    ...['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((c) => `[control-plane] Creating static Pod manifest for "${c}"`),
    '[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"',
    '[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"',
    '[kubelet-start] Starting the kubelet',
    '[wait-control-plane] Waiting for the kubelet to boot up the control plane as static Pods from directory "/etc/kubernetes/manifests"',
    '[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s',
    `[kubelet-check] The kubelet is healthy after ${goDurationNs(r.kubeletHealthyNs)}`,
    '[api-check] Waiting for a healthy API server. This can take up to 4m0s',
    `[api-check] The API server is healthy after ${goDurationNs(r.apiServerHealthyNs)}`,
    '[upload-config] Storing the configuration used in ConfigMap "kubeadm-config" in the "kube-system" Namespace',
    '[kubelet] Creating a ConfigMap "kubelet-config" in namespace kube-system with the configuration for the kubelets in the cluster',
    '[upload-certs] Skipping phase. Please see --upload-certs',
    `[mark-control-plane] Marking the node ${cfg.nodeName} as control-plane by adding the labels: [node-role.kubernetes.io/control-plane node.kubernetes.io/exclude-from-external-load-balancers]`,
    `[mark-control-plane] Marking the node ${cfg.nodeName} as control-plane by adding the taints [node-role.kubernetes.io/control-plane:NoSchedule]`,
    ...r.tokens.map((t) => `[bootstrap-token] Using token: ${t}`),
    ...RBAC,
    '[bootstrap-token] Creating the "cluster-info" ConfigMap in the "kube-public" namespace',
    '[kubelet-finalize] Updating "/etc/kubernetes/kubelet.conf" to point to a rotatable kubelet client certificate and key',
    '[addons] Applied essential addon: CoreDNS',
    '[addons] Applied essential addon: kube-proxy',
  );
  return lines.map((l) => `${l}\n`).join('');
}

/** showjoincommand's template, once per token. */
export function initDoneText(r: InitReport, token: string): string {
  const controlPlane = r.config.controlPlaneEndpoint
    ? `You can now join any number of control-plane nodes by copying certificate authorities
and service account keys on each node and then running the following as root:

  ${joinCommand(r.endpoint, token, r.caCertHash, true)}

`
    : '';
  return `
Your Kubernetes control-plane has initialized successfully!

To start using your cluster, you need to run the following as a regular user:

  mkdir -p $HOME/.kube
  sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config
  sudo chown $(id -u):$(id -g) $HOME/.kube/config

Alternatively, if you are the root user, you can run:

  export KUBECONFIG=/etc/kubernetes/admin.conf

You should now deploy a pod network to the cluster.
Run "kubectl apply -f [podnetwork].yaml" with one of the options listed at:
  https://kubernetes.io/docs/concepts/cluster-administration/addons/

${controlPlane}Then you can join any number of worker nodes by running the following on each as root:

${joinCommand(r.endpoint, token, r.caCertHash)}
`;
}

const initVerb: Verb<KubeadmInitOptions> = {
  complete(_c, _args, f, cmd) {
    const given = givenFlags(cmd);
    const cluster: InitOptions = {};
    for (const [flag, key] of Object.entries(FLAG_OPTIONS)) if (given.includes(flag)) cluster[key] = f[camel(flag)];
    return { config: f.config, given, cluster, token: f.token, tokenTtl: f.tokenTtl, ignorePreflightErrors: f.ignorePreflightErrors ?? [] };
  },
  validate(o) {
    checkTokenForm(o.token);
    if (o.config === undefined) return;
    const mixed = o.given.filter((f) => !ALLOWED_WITH_CONFIG.has(f));
    if (mixed.length) throw kubeadmFail(`can not mix '--config' with arguments [${mixed.join(' ')}]`);
  },
  run(c, o) {
    const { options: init, tokens } = o.config !== undefined ? fromConfig(c, o.config, o.cluster.nodeName) : fromFlags(o);
    const machine = c.kubeadm().open();
    const pre = kubeadmStep(() => machine.initPreflight(init, o.ignorePreflightErrors));
    c.io.out.write(preflightText(pre));
    if (pre.lines.length) c.io.err.write(pre.lines.join(''));
    if (pre.error) throw kubeadmError(pre.error);
    let report: InitReport;
    try {
      report = machine.init(pre, tokens);
    } catch (e) {
      throw e instanceof RawError ? e : kubeadmError(e);
    }
    // The wait for the kubelet and the API server takes cluster time, as on a real machine.
    machine.elapse((report.kubeletHealthyNs + report.apiServerHealthyNs) / 1e6);
    c.io.out.write(initPhasesText(report));
    for (const t of report.tokens) c.io.out.write(initDoneText(report, t));
  },
};

export function registerInit(kubeadm: Command, ctx: CommandContext): void {
  kubeadm
    .command('init')
    .description('Run this command in order to set up the Kubernetes control plane')
    .option('--config <path>', 'Path to a kubeadm configuration file.')
    .option('--pod-network-cidr <cidr>', 'Specify range of IP addresses for the pod network. If set, the control plane will automatically allocate CIDRs for every node.')
    .option('--service-cidr <cidr>', 'Use alternative range of IP address for service VIPs.')
    .option('--service-dns-domain <domain>', 'Use alternative domain for services, e.g. "myorg.internal".')
    .option('--kubernetes-version <version>', 'Choose a specific Kubernetes version for the control plane.')
    .option('--control-plane-endpoint <endpoint>', 'Specify a stable IP address or DNS name for the control plane.')
    .option('--apiserver-advertise-address <ip>', 'The IP address the API Server will advertise it\'s listening on.')
    .option('--node-name <name>', 'Specify the node name.')
    .option('--token <token>', 'The token to use for establishing bidirectional trust between nodes and control-plane nodes.')
    .option('--token-ttl <duration>', 'The duration before the token is automatically deleted (e.g. 1s, 2m, 3h). If set to \'0\', the token will never expire', durationFlag())
    .option('--ignore-preflight-errors <checks>', 'A list of checks whose errors will be shown as warnings.', collectSlice)
    .action(verbAction(ctx, initVerb));
}
