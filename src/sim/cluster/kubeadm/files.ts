// The control plane's /etc/kubernetes, kept on its disk in the store (one record per file, area
// "kubeadm"): the configuration it was initialised with, the certificates and keys, the service
// account key pair. A certificate is recorded with its subject, validity and serial when its phase
// runs; its key pair and signature are made the first time anything reads it, so building a
// cluster costs one key pair (the CA's, which cluster-info and every namespace need at once).
import { X509Certificate } from 'node:crypto';
import type { NodeDisk } from '../../../engine/controller';
import type { ClusterConfig } from '../../../api/kubeadm';
import type { Random } from '../../../api/random';
import { type CertificateSpec, SERIAL_DIGITS, issueCertificate, newKeyPair, publicKeyPin, serialFrom } from '../pki';
import { type CertDef, CA_VALIDITY_MS, CERT_VALIDITY_MS, certDef } from './certs';

const AREA = 'kubeadm';

interface StoredSpec extends Omit<CertificateSpec, 'serial'> {
  serial: string;
}

interface CertRecord {
  spec: StoredSpec;
  ca?: string;
  certPem?: string;
  keyPem?: string;
}

export interface KeyPairRecord {
  keyPem: string;
  publicPem: string;
}

/** A certificate as read back from its PEM. */
export interface CertInfo {
  name: string;
  ca?: string;
  certPem: string;
  notAfter: number;
}

/** The cluster CA certificate on a control plane's disk, if kubeadm made one. */
export function caCertificateOn(disk: NodeDisk): string | undefined {
  return disk.get<CertRecord>(AREA, 'cert/ca')?.certPem;
}

export class ControlPlaneFiles {
  constructor(
    private readonly disk: NodeDisk,
    private readonly random: Random,
  ) {}

  /** A new certificate's serial: random as kubeadm's, never the seeded generator's (no two homes share one). */
  private serial(): string {
    return serialFrom(this.random.secret(16, SERIAL_DIGITS));
  }

  /** Whether kubeadm init ran here (its configuration is on disk). */
  get initialised(): boolean {
    return this.disk.get(AREA, 'config') !== undefined;
  }

  config(): ClusterConfig | undefined {
    return this.disk.get<ClusterConfig>(AREA, 'config');
  }

  saveConfig(cfg: ClusterConfig): void {
    this.disk.put(AREA, 'config', cfg);
  }

  /**
   * Records a certificate valid from `now`; the cluster CA is issued at once (its certificate is in
   * every kubeconfig and every namespace's kube-root-ca.crt), the others, etcd's and the front
   * proxy's CAs as the leaves, when first used: a key pair and a signature each cost the first
   * command on an empty home, which never reads them.
   */
  plan(def: CertDef, cfg: ClusterConfig, now: number): void {
    const sans = def.sans?.(cfg);
    const spec: StoredSpec = {
      commonName: def.commonName(cfg),
      organizations: def.organizations ? [...def.organizations] : undefined,
      notBefore: now,
      notAfter: now + (def.ca ? CERT_VALIDITY_MS : CA_VALIDITY_MS),
      serial: this.serial(),
      isCA: !def.ca,
      usages: def.usages ? [...def.usages] : undefined,
      dnsNames: sans?.dns,
      ips: sans?.ips,
    };
    this.disk.put(AREA, `cert/${def.name}`, { spec, ca: def.ca } satisfies CertRecord);
    if (def.name === 'ca') this.certificate(def.name);
  }

  has(name: string): boolean {
    return this.disk.get(AREA, `cert/${name}`) !== undefined;
  }

  /** The certificate and key, issued now if only planned so far. */
  certificate(name: string): { certPem: string; keyPem: string } {
    const rec = this.disk.get<CertRecord>(AREA, `cert/${name}`);
    if (!rec) throw new Error(`open /etc/kubernetes/pki/${certDef(name)?.baseName ?? name}.crt: no such file or directory`);
    if (rec.certPem && rec.keyPem) return { certPem: rec.certPem, keyPem: rec.keyPem };
    const issuer = rec.ca ? this.certificate(rec.ca) : undefined;
    const issued = issueCertificate({ ...rec.spec, serial: Buffer.from(rec.spec.serial, 'hex') }, issuer);
    this.disk.put(AREA, `cert/${name}`, { ...rec, ...issued });
    return issued;
  }

  info(name: string): CertInfo {
    const rec = this.disk.get<CertRecord>(AREA, `cert/${name}`)!;
    const certPem = this.certificate(name).certPem;
    return { name, ca: rec.ca, certPem, notAfter: Date.parse(new X509Certificate(certPem).validTo) };
  }

  /** kubeadm certs renew: a new key and certificate from the same CA, valid for a year from now. */
  renew(name: string, now: number): void {
    const rec = this.disk.get<CertRecord>(AREA, `cert/${name}`)!;
    const spec: StoredSpec = { ...rec.spec, notBefore: now, notAfter: now + CERT_VALIDITY_MS, serial: this.serial() };
    this.disk.put(AREA, `cert/${name}`, { spec, ca: rec.ca } satisfies CertRecord);
    this.certificate(name);
  }

  caCertPem(): string | undefined {
    return this.disk.get<CertRecord>(AREA, 'cert/ca')?.certPem;
  }

  /** The discovery pin of the cluster CA: sha256 over its SubjectPublicKeyInfo. */
  caCertHash(): string {
    return publicKeyPin(this.certificate('ca').certPem);
  }

  /** The service account signing key pair (sa.key, sa.pub), made on first use. */
  serviceAccountKeys(): KeyPairRecord {
    const rec = this.disk.get<KeyPairRecord | { planned: true }>(AREA, 'sa');
    if (rec && 'keyPem' in rec) return rec;
    const keys = newKeyPair();
    this.disk.put(AREA, 'sa', keys);
    return keys;
  }

  planServiceAccountKeys(): void {
    this.disk.put(AREA, 'sa', { planned: true });
  }

  /** A kubeconfig file as kubeadm writes it: the cluster CA, the endpoint, the embedded client certificate. */
  kubeconfig(def: CertDef, cfg: ClusterConfig, server: string): string {
    const { certPem, keyPem } = this.certificate(def.name);
    const user = def.kubeconfig!.user(cfg);
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    return [
      'apiVersion: v1',
      'clusters:',
      '- cluster:',
      `    certificate-authority-data: ${b64(this.certificate('ca').certPem)}`,
      `    server: https://${server}`,
      `  name: ${cfg.clusterName}`,
      'contexts:',
      '- context:',
      `    cluster: ${cfg.clusterName}`,
      `    user: ${user}`,
      `  name: ${user}@${cfg.clusterName}`,
      `current-context: ${user}@${cfg.clusterName}`,
      'kind: Config',
      'preferences: {}',
      'users:',
      `- name: ${user}`,
      '  user:',
      `    client-certificate-data: ${b64(certPem)}`,
      `    client-key-data: ${b64(keyPem)}`,
      '',
    ].join('\n');
  }

  /** Removes everything (kubeadm reset's deletion of /etc/kubernetes). */
  clear(): void {
    for (const k of this.disk.keys(AREA)) this.disk.put(AREA, k, undefined);
  }
}
