// kubeadm init --config: the InitConfiguration and ClusterConfiguration documents of a file
// (kubeadm.k8s.io/v1beta4, or the deprecated v1beta3), decoded strictly for the fields pocketkube
// simulates, with kubeadm's errors; component configs (KubeletConfiguration, ...) are accepted.
import * as fs from 'node:fs';
import { parseGoDuration } from '../../../api/duration';
import type { InitOptions, TokenRequest } from '../../../api/kubeadm';
import { parseDocument, splitDocuments } from '../../manifest/documents';

export interface ConfigFile {
  options: InitOptions;
  tokens: TokenRequest[];
  /** Deprecation warnings kubeadm logs (klog) while reading. */
  warnings: string[];
}

const SCHEME = 'k8s.io/kubernetes/cmd/kubeadm/app/apis/kubeadm/scheme/scheme.go:31';

/** The fields each kind has (v1beta4), for strict decoding; nested objects by path. */
const FIELDS: Record<string, readonly string[]> = {
  InitConfiguration: ['apiVersion', 'kind', 'bootstrapTokens', 'dryRun', 'nodeRegistration', 'localAPIEndpoint', 'certificateKey', 'skipPhases', 'patches', 'timeouts'],
  ClusterConfiguration: [
    'apiVersion',
    'kind',
    'etcd',
    'networking',
    'kubernetesVersion',
    'controlPlaneEndpoint',
    'apiServer',
    'controllerManager',
    'scheduler',
    'dns',
    'proxy',
    'certificatesDir',
    'imageRepository',
    'featureGates',
    'clusterName',
    'encryptionAlgorithm',
    'certificateValidityPeriod',
    'caCertificateValidityPeriod',
  ],
  'ClusterConfiguration.networking': ['serviceSubnet', 'podSubnet', 'dnsDomain'],
  'InitConfiguration.nodeRegistration': ['name', 'criSocket', 'taints', 'kubeletExtraArgs', 'ignorePreflightErrors', 'imagePullPolicy', 'imagePullSerial'],
  'InitConfiguration.localAPIEndpoint': ['advertiseAddress', 'bindPort'],
  'InitConfiguration.bootstrapTokens': ['token', 'description', 'ttl', 'expires', 'usages', 'groups'],
};

class ConfigError extends Error {}

function strict(obj: Record<string, unknown>, key: string, gvk: string): void {
  const allowed = FIELDS[key];
  const unknown = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (!unknown.length) return;
  const prefix = key.includes('.') ? `${key.slice(key.indexOf('.') + 1)}.` : '';
  const fields = unknown.map((f) => `unknown field "${prefix}${f}"`).join(', ');
  throw new ConfigError(`error unmarshaling configuration ${gvk}: strict decoding error: ${fields}`);
}

const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const asString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function gvkText(group: string, version: string, kind: string): string {
  return `schema.GroupVersionKind{Group:${JSON.stringify(group)}, Version:${JSON.stringify(version)}, Kind:${JSON.stringify(kind)}}`;
}

export function readConfigFile(file: string): ConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message;
    throw new ConfigError(`unable to read config from ${JSON.stringify(file)} : open ${file}: ${code}`);
  }
  const out: ConfigFile = { options: {}, tokens: [], warnings: [] };
  const { docs, json, scans } = splitDocuments(text);
  for (const [i, doc] of docs.entries()) {
    const obj = asObject(parseDocument(doc, json, scans?.[i]));
    if (!Object.keys(obj).length) continue;
    const apiVersion = String(obj.apiVersion ?? '');
    const kind = String(obj.kind ?? '');
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    if (group !== 'kubeadm.k8s.io') continue;
    if (version !== 'v1beta4' && version !== 'v1beta3')
      throw new ConfigError(
        `your configuration file uses an old API spec: ${JSON.stringify(apiVersion)} (kind: ${JSON.stringify(kind)}). Please use kubeadm v1.22 instead and run 'kubeadm config migrate --old-config old.yaml --new-config new.yaml', which will write the new, similar spec using a newer API version.`,
      );
    if (version === 'v1beta3')
      out.warnings.push(
        `your configuration file uses a deprecated API spec: ${JSON.stringify(apiVersion)} (kind: ${JSON.stringify(kind)}). Please use 'kubeadm config migrate --old-config old.yaml --new-config new.yaml', which will write the new, similar spec using a newer API version.`,
      );
    const gvk = gvkText(group, version, kind);
    if (kind === 'ClusterConfiguration') readCluster(obj, gvk, out.options);
    else if (kind === 'InitConfiguration') readInit(obj, gvk, out);
    else if (kind !== 'JoinConfiguration' && kind !== 'ResetConfiguration' && kind !== 'UpgradeConfiguration')
      throw new ConfigError(`no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)} in scheme ${JSON.stringify(SCHEME)}`);
  }
  return out;
}

function readCluster(obj: Record<string, unknown>, gvk: string, opts: InitOptions): void {
  strict(obj, 'ClusterConfiguration', gvk);
  const net = asObject(obj.networking);
  strict(net, 'ClusterConfiguration.networking', gvk);
  opts.kubernetesVersion = asString(obj.kubernetesVersion);
  opts.controlPlaneEndpoint = asString(obj.controlPlaneEndpoint);
  opts.clusterName = asString(obj.clusterName);
  opts.podSubnet = asString(net.podSubnet);
  opts.serviceSubnet = asString(net.serviceSubnet);
  opts.dnsDomain = asString(net.dnsDomain);
}

function readInit(obj: Record<string, unknown>, gvk: string, out: ConfigFile): void {
  strict(obj, 'InitConfiguration', gvk);
  const reg = asObject(obj.nodeRegistration);
  strict(reg, 'InitConfiguration.nodeRegistration', gvk);
  const endpoint = asObject(obj.localAPIEndpoint);
  strict(endpoint, 'InitConfiguration.localAPIEndpoint', gvk);
  out.options.nodeName = asString(reg.name);
  out.options.advertiseAddress = asString(endpoint.advertiseAddress);
  for (const t of Array.isArray(obj.bootstrapTokens) ? obj.bootstrapTokens : []) {
    const tok = asObject(t);
    strict(tok, 'InitConfiguration.bootstrapTokens', gvk);
    const ttl = asString(tok.ttl);
    out.tokens.push({
      token: asString(tok.token),
      description: asString(tok.description),
      ttlMs: ttl === undefined ? undefined : parseGoDuration(ttl),
      usages: Array.isArray(tok.usages) ? tok.usages.map(String) : undefined,
      groups: Array.isArray(tok.groups) ? tok.groups.map(String) : undefined,
    });
  }
}

export function isConfigError(e: unknown): e is Error {
  return e instanceof ConfigError;
}
