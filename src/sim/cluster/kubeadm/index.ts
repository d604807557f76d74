// kubeadm on the simulated machines, bound to one cluster: what `pocketkube kubeadm` and the
// default cluster's bootstrap call.
import { DEFAULT_DESCRIPTION, generateToken } from '../../../api/bootstraptoken';
import { node as nodeKind } from '../../../api/kinds/node';
import type { CertificateStatus, InitOptions, InitPreflight, InitReport, JoinOptions, JoinReport, TokenRequest } from '../../../api/kubeadm';
import type { Node } from '../../../api/types';
import { authorities, certDef, renewable } from './certs';
import { filesOf, type KubeadmEnv } from './env';
import { KubeadmError } from './errors';
import { initPreflight, runInit } from './init';
import { runJoin } from './join';
import { createToken, deleteToken, listTokens, validateTokenRequest } from './tokens';

export { KubeadmError } from './errors';

export class Kubeadm {
  constructor(private readonly env: KubeadmEnv) {}

  get initialised(): boolean {
    return filesOf(this.env).initialised;
  }

  now(): number {
    return this.env.clock.now();
  }

  /** Nodes besides the control plane's. */
  workerCount(): number {
    const cp = filesOf(this.env).config()?.nodeName;
    return this.env.client.list<Node>(nodeKind.type).filter((n) => n.metadata.name !== cp).length;
  }

  initPreflight(opts: InitOptions, ignorePreflightErrors: readonly string[]): InitPreflight {
    return initPreflight(this.env, opts, ignorePreflightErrors);
  }

  /** Runs init's phases; the InitConfiguration's tokens, or kubeadm's default one. */
  init(pre: InitPreflight, tokens: readonly TokenRequest[] = []): InitReport {
    for (const t of tokens) validateTokenRequest(t);
    const requested = tokens.length ? tokens : [{ description: DEFAULT_DESCRIPTION }];
    return runInit(this.env, pre, requested);
  }

  join(opts: JoinOptions): JoinReport {
    return runJoin(this.env, opts);
  }

  createToken(req: TokenRequest): string {
    return createToken(this.env, req);
  }

  listTokens() {
    return listTokens(this.env);
  }

  deleteToken(idOrToken: string): string {
    return deleteToken(this.env, idOrToken);
  }

  generateToken(): string {
    return generateToken(this.env.random);
  }

  /** The cluster CA's certificate and key. */
  certificateAuthority(): { certPem: string; keyPem: string } {
    return filesOf(this.env).certificate('ca');
  }

  /** The join command's CA pin and endpoint. */
  joinInfo(): { endpoint: string; caCertHash: string } {
    const files = filesOf(this.env);
    const cfg = files.config()!;
    return { endpoint: cfg.controlPlaneEndpoint || `${cfg.advertiseAddress}:${cfg.bindPort}`, caCertHash: files.caCertHash() };
  }

  /** The certificates check-expiration lists (read from their PEM), then the CAs. */
  certificates(): { certs: CertificateStatus[]; cas: CertificateStatus[] } {
    const files = filesOf(this.env);
    const status = (name: string): CertificateStatus => {
      const info = files.info(name);
      return { name, ca: info.ca, notAfter: info.notAfter, longName: certDef(name)!.longName };
    };
    return { certs: renewable().map((d) => status(d.name)), cas: authorities().map((d) => status(d.name)) };
  }

  /** Renews certificates by name ("all" for every one); returns what each renewal is called. */
  renew(names: readonly string[]): string[] {
    const files = filesOf(this.env);
    const all = renewable().map((d) => d.name);
    const chosen = names.includes('all') ? all : [...names];
    for (const n of chosen) if (!all.includes(n)) throw new KubeadmError(`unknown command ${JSON.stringify(n)} for "kubeadm certs renew"`);
    return chosen.map((n) => {
      files.renew(n, this.env.clock.now());
      return certDef(n)!.longName;
    });
  }
}

export function kubeadmFor(env: KubeadmEnv): Kubeadm {
  return new Kubeadm(env);
}
