// kubeadm join of a new worker machine: token discovery (cluster-info, its JWS signature for the
// token, the CA pinned by hash), the check that the name is free, then the kubelet registering
// the node with the next free address and pod CIDR. Without a token the local cluster lets the
// machine in itself (pocketkube's shortcut: there is no second machine to prove anything from).
import { JWS_KEY_PREFIX, parseToken, signatureIsValid } from '../../../api/bootstraptoken';
import { configmap as cmKind } from '../../../api/kinds/configmap';
import { node as nodeKind } from '../../../api/kinds/node';
import type { JoinOptions, JoinReport } from '../../../api/kubeadm';
import type { ConfigMap, Node } from '../../../api/types';
import { publicKeyPin } from '../pki';
import { workerName } from '../topology';
import { apiEndpoint } from './config';
import { filesOf, type KubeadmEnv } from './env';
import { KubeadmError } from './errors';
import { nextNodeSpec, registerNode } from './nodes';

/** pubkeypin.Set.Allow: "sha256:<64 hex digits>". */
function hashProblem(hash: string): string | undefined {
  const parts = hash.split(':');
  if (parts.length !== 2) return 'invalid hash, expected "format:hex-value". Known format(s) are: sha256';
  const [format, value] = parts;
  if (format.toLowerCase() !== 'sha256') return `unknown hash format ${JSON.stringify(format)}. Known format(s) are: sha256`;
  if (Math.floor(value.length / 2) !== 32) return `expected a 32 byte SHA-256 hash, found ${Math.floor(value.length / 2)} bytes`;
  if (!/^[0-9a-fA-F]*$/.test(value)) return 'could not decode SHA-256 from hex: encoding/hex: invalid byte';
  return undefined;
}

/** ValidateJoinConfiguration's discovery checks, as one aggregate. */
function validate(opts: JoinOptions): void {
  const errs: string[] = [];
  if (opts.token !== undefined) {
    if (!parseToken(opts.token)) errs.push(`discovery.bootstrapToken.token: Invalid value: ${JSON.stringify(opts.token)}: the bootstrap token is invalid`);
    if (!opts.caCertHashes.length && !opts.unsafeSkipCAVerification)
      errs.push(
        'discovery.bootstrapToken: Invalid value: "": using token-based discovery without caCertHashes can be unsafe. Set unsafeSkipCAVerification as true in your kubeadm config file or pass --discovery-token-unsafe-skip-ca-verification flag to continue',
      );
    for (const h of opts.caCertHashes) {
      const p = hashProblem(h);
      if (p) errs.push(`discovery.bootstrapToken.caCertHashes: Invalid value: ${JSON.stringify(h)}: ${p}`);
    }
    if (!parseToken(opts.token)) errs.push(`discovery.tlsBootstrapToken: Invalid value: ${JSON.stringify(opts.token)}: the bootstrap token is invalid`);
  }
  if (errs.length) throw new KubeadmError(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`, { validation: true });
}

const identity = (detail: string) => new KubeadmError(`couldn't validate the identity of the API Server: ${detail}`, { phase: 'preflight' });

/** Token discovery: what RetrieveValidatedConfigInfo checks before trusting the API server. */
function discover(env: KubeadmEnv, opts: JoinOptions, endpoint: string): void {
  const target = opts.endpoint ?? endpoint;
  if (target !== endpoint)
    throw identity(`Get "https://${target}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp ${target}: connect: connection refused`);
  if (opts.token === undefined) return;
  const { id, secret } = parseToken(opts.token)!;
  const info = env.client.tryGet<ConfigMap>(cmKind.type, 'kube-public', 'cluster-info');
  const signature = info?.data?.[JWS_KEY_PREFIX + id];
  if (!info || !signature) throw identity(`could not find a JWS signature in the cluster-info ConfigMap for token ID ${JSON.stringify(id)}`);
  const kubeconfig = info.data?.kubeconfig ?? '';
  if (!signatureIsValid(signature, kubeconfig, id, secret)) throw identity("failed to verify JWS signature of received cluster info object, can't trust this API Server");
  if (opts.unsafeSkipCAVerification && !opts.caCertHashes.length) return;
  const caData = /certificate-authority-data: (\S+)/.exec(kubeconfig)?.[1] ?? '';
  const pin = publicKeyPin(Buffer.from(caData, 'base64').toString('utf8'));
  if (!opts.caCertHashes.some((h) => h.toLowerCase() === pin))
    throw identity(`cluster CA found in cluster-info ConfigMap is invalid: none of the public keys ${JSON.stringify(pin)} are pinned`);
}

/** The first free default worker name: pocket-worker, pocket-worker2, ... */
function defaultName(env: KubeadmEnv): string {
  const taken = new Set(env.client.list<Node>(nodeKind.type).map((n) => n.metadata.name));
  let n = 1;
  while (taken.has(workerName(n))) n++;
  return workerName(n);
}

export function runJoin(env: KubeadmEnv, opts: JoinOptions): JoinReport {
  validate(opts);
  const cfg = filesOf(env).config();
  const endpoint = cfg ? apiEndpoint(cfg) : opts.endpoint ?? '172.18.0.2:6443';
  if (!cfg)
    throw identity(`Get "https://${endpoint}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp ${endpoint}: connect: connection refused`);
  discover(env, opts, endpoint);

  const name = (opts.nodeName ?? defaultName(env)).toLowerCase();
  const existing = env.client.tryGet<Node>(nodeKind.type, undefined, name);
  if (existing?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
    throw new KubeadmError(
      `a Node with name ${JSON.stringify(name)} and status "Ready" already exists in the cluster. You must delete the existing Node or change the name of this new joining Node`,
      { phase: 'kubelet-start' },
    );
  if (existing) env.client.delete(nodeKind.type, undefined, name);
  registerNode(env, nextNodeSpec(env, cfg, name));
  return { nodeName: name, kubeletHealthyNs: 500_000_000 + env.random.int(1_000_000) };
}
