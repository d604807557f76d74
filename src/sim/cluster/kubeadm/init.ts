// kubeadm init on the simulated control-plane machine, phase by phase: certificates, kubeconfig
// files, the kubelet registering the node with its static pods, the uploaded configuration, the
// bootstrap tokens and cluster-info, and the CoreDNS add-on. What it did is returned as a report
// for the command to print.
import { configmap as cmKind } from '../../../api/kinds/configmap';
import { daemonset as daemonsetKind } from '../../../api/kinds/daemonset';
import { deployment as deploymentKind } from '../../../api/kinds/deployment';
import { namespace as nsKind } from '../../../api/kinds/namespace';
import { pod as podKind } from '../../../api/kinds/pod';
import { serviceaccount as saKind } from '../../../api/kinds/serviceaccount';
import type { InitOptions, InitPreflight, InitReport, TokenRequest } from '../../../api/kubeadm';
import type { KubeObject } from '../../../api/types';
import { isStatusError } from '../../../api/errors';
import { corednsObjects } from '../addons';
import { kubeProxyObjects } from '../kubeproxy';
import { staticPods } from '../controlplane';
import { imagesFor } from '../topology';
import { nodeCIDR } from './cidr';
import { KUBECONFIG_CERTS, PKI_CERTS } from './certs';
import { apiEndpoint, clusterConfigurationYAML, kubeletConfigurationYAML, resolveConfig, subnets, versionWarning } from './config';
import { filesOf, type KubeadmEnv } from './env';
import { registerNode } from './nodes';
import { ignoreSet, initChecks, runChecks } from './preflight';
import { createToken } from './tokens';

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** Configuration, then the pre-flight checks (an initialised machine keeps its configuration). */
export function initPreflight(env: KubeadmEnv, opts: InitOptions, ignorePreflightErrors: readonly string[]): InitPreflight {
  const files = filesOf(env);
  const config = resolveConfig(opts);
  const ignore = ignoreSet(ignorePreflightErrors);
  const warning = versionWarning(config.kubernetesVersion);
  const { lines, error } = runChecks(initChecks(files.initialised), warning ? [{ name: 'KubernetesVersion', message: warning }] : [], ignore);
  return { config: files.config() ?? config, lines, error, reuse: files.initialised };
}

/** Creates an object unless it exists (a phase run again on an initialised machine). */
function ensure(env: KubeadmEnv, type: Parameters<KubeadmEnv['client']['create']>[0], obj: KubeObject): void {
  try {
    env.client.create(type, obj);
  } catch (e) {
    if (!isStatusError(e, 'AlreadyExists')) throw e;
  }
}

/** The kubeconfig kubeadm publishes in kube-public/cluster-info for joining nodes. */
export function clusterInfoKubeconfig(caPem: string, endpoint: string): string {
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${Buffer.from(caPem).toString('base64')}`,
    `    server: https://${endpoint}`,
    '  name: ""',
    'contexts: null',
    'current-context: ""',
    'kind: Config',
    'preferences: {}',
    'users: null',
    '',
  ].join('\n');
}

export function runInit(env: KubeadmEnv, pre: InitPreflight, tokens: readonly TokenRequest[]): InitReport {
  const { config: cfg, reuse } = pre;
  const files = filesOf(env);
  const now = env.clock.now();
  if (!reuse) {
    files.saveConfig(cfg);
    for (const name of SYSTEM_NAMESPACES) env.client.create(nsKind.type, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }

  // [certs] and [kubeconfig]: on a machine that has them, kubeadm uses the files it finds.
  const certs = PKI_CERTS.map((def) => {
    const existing = files.has(def.name);
    if (!existing) files.plan(def, cfg, now);
    return { baseName: def.baseName, existing, sans: existing ? undefined : def.sans?.(cfg) };
  });
  if (!reuse) files.planServiceAccountKeys();
  const kubeconfigs = KUBECONFIG_CERTS.map((def) => {
    const existing = files.has(def.name);
    if (!existing) files.plan(def, cfg, now);
    return { file: def.baseName, existing };
  });

  // [kubelet-start] the kubelet registers the node; [control-plane] its static pods appear.
  if (!reuse) {
    const spec = { name: cfg.nodeName, ip: cfg.advertiseAddress, podCIDR: nodeCIDR(subnets(cfg).pod, 0) ?? '', controlPlane: true, version: cfg.kubernetesVersion };
    const node = registerNode(env, spec);
    for (const p of staticPods(node, spec, now, cfg)) env.client.create(podKind.type, p);
  }

  // [upload-config]
  const cm = (namespace: string, name: string, data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });
  ensure(env, cmKind.type, cm('kube-system', 'kubeadm-config', { ClusterConfiguration: clusterConfigurationYAML(cfg) }));
  ensure(env, cmKind.type, cm('kube-system', 'kubelet-config', { kubelet: kubeletConfigurationYAML(cfg) }));

  // [bootstrap-token]: the tokens, then cluster-info (the bootstrap signer adds their signatures).
  const made = tokens.map((t) => createToken(env, t));
  const endpoint = apiEndpoint(cfg);
  ensure(env, cmKind.type, cm('kube-public', 'cluster-info', { kubeconfig: clusterInfoKubeconfig(files.certificate('ca').certPem, endpoint) }));

  // [addons]
  const dns = corednsObjects();
  ensure(env, saKind.type, dns.serviceAccount);
  ensure(env, cmKind.type, dns.configMap);
  ensure(env, deploymentKind.type, dns.deployment);
  const proxy = kubeProxyObjects({ podSubnet: cfg.podSubnet, endpoint, image: imagesFor(cfg.kubernetesVersion).proxy });
  ensure(env, saKind.type, proxy.serviceAccount);
  ensure(env, cmKind.type, proxy.configMap);
  ensure(env, daemonsetKind.type, proxy.daemonSet);

  return {
    config: cfg,
    certs,
    kubeconfigs,
    tokens: made,
    caCertHash: files.caCertHash(),
    endpoint,
    kubeletHealthyNs: 500_000_000 + env.random.int(1_000_000),
    apiServerHealthyNs: 3_500_000_000 + env.random.int(1_500_000_000),
  };
}
