// The cluster PKI: certificates our DER encoder builds, read back by node:crypto and (when it is
// installed) openssl; kubeadm's certificate tree issued lazily from the control plane's disk.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ControlPlaneFiles } from '../../src/sim/cluster/kubeadm/files';
import { memoryDisk } from '../../src/sim/cluster/kubeadm/env';
import { PKI_CERTS, KUBECONFIG_CERTS, renewable } from '../../src/sim/cluster/kubeadm/certs';
import { resolveConfig } from '../../src/sim/cluster/kubeadm/config';
import { issueCertificate, publicKeyPin, serialFrom } from '../../src/sim/cluster/pki';
import { SeededRandom } from '../../src/sim/rand';

const T0 = Date.parse('2026-11-26T12:00:00Z');
const DAY = 24 * 3600 * 1000;
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

function openssl(args: string[], input: string): string {
  return execFileSync('openssl', args, { input, encoding: 'utf8' });
}

describe('issueCertificate', () => {
  const ca = issueCertificate({ commonName: 'kubernetes', notBefore: T0, notAfter: T0 + 3650 * DAY, serial: Buffer.from('0a0b0c0d0e0f1011', 'hex'), isCA: true, dnsNames: ['kubernetes'] });
  const leaf = issueCertificate(
    {
      commonName: 'kube-apiserver',
      organizations: ['kubeadm:cluster-admins', 'system:masters'],
      notBefore: T0,
      notAfter: T0 + 365 * DAY,
      serial: Buffer.from('8102030405060708', 'hex'),
      isCA: false,
      usages: ['server', 'client'],
      dnsNames: ['kubernetes', 'pocket-control-plane'],
      ips: ['10.96.0.1', '172.18.0.2', '::1'],
    },
    ca,
  );

  it('makes a self-signed CA node:crypto reads and verifies', () => {
    const c = new X509Certificate(ca.certPem);
    expect(c.subject).toBe('CN=kubernetes');
    expect(c.issuer).toBe('CN=kubernetes');
    expect(c.ca).toBe(true);
    expect(c.verify(c.publicKey)).toBe(true);
    expect(Date.parse(c.validFrom)).toBe(T0);
    expect(Date.parse(c.validTo)).toBe(T0 + 3650 * DAY);
    expect(c.serialNumber).toBe('0A0B0C0D0E0F1011');
  });

  it('writes each new key as OpenSSL writes it (SEC1 PEM), the key of the certificate\'s public key', () => {
    for (const issued of [ca, leaf]) {
      const key = createPrivateKey(issued.keyPem);
      expect(key.export({ type: 'sec1', format: 'pem' })).toBe(issued.keyPem);
      const fromKey = createPublicKey(key).export({ type: 'spki', format: 'der' });
      expect(new X509Certificate(issued.certPem).publicKey.export({ type: 'spki', format: 'der' }).equals(fromKey)).toBe(true);
    }
  });

  it('signs a leaf with the CA: subject, issuer, SANs, validity, positive serial', () => {
    const c = new X509Certificate(leaf.certPem);
    const issuer = new X509Certificate(ca.certPem);
    expect(c.subject).toBe('O=kubeadm:cluster-admins + O=system:masters\nCN=kube-apiserver');
    expect(c.issuer).toBe('CN=kubernetes');
    expect(c.ca).toBe(false);
    expect(c.checkIssued(issuer)).toBe(true);
    expect(c.verify(issuer.publicKey)).toBe(true);
    expect(c.subjectAltName).toBe('DNS:kubernetes, DNS:pocket-control-plane, IP Address:10.96.0.1, IP Address:172.18.0.2, IP Address:0:0:0:0:0:0:0:1');
    expect(Date.parse(c.validTo) - Date.parse(c.validFrom)).toBe(365 * DAY);
    expect(c.serialNumber).toBe('0102030405060708');
  });

  it.runIf(hasOpenssl)('is what openssl x509 -text reads', () => {
    const text = openssl(['x509', '-noout', '-text'], leaf.certPem);
    expect(text).toContain('Signature Algorithm: ecdsa-with-SHA256');
    // Go puts every organization in one RDN, as this encoder does.
    expect(text).toContain("Subject: O = kubeadm:cluster-admins + O = system:masters, CN = kube-apiserver");
    expect(text).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature\n/);
    expect(text).toMatch(/X509v3 Extended Key Usage: \n\s+TLS Web Server Authentication, TLS Web Client Authentication\n/);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\n\s+CA:FALSE\n/);
    expect(text).toMatch(/X509v3 Subject Alternative Name: \n\s+DNS:kubernetes, DNS:pocket-control-plane, IP Address:10.96.0.1, IP Address:172.18.0.2, IP Address:0:0:0:0:0:0:0:1\n/);
    const caText = openssl(['x509', '-noout', '-text'], ca.certPem);
    expect(caText).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature, Key Encipherment, Certificate Sign\n/);
    expect(caText).toMatch(/X509v3 Basic Constraints: critical\n\s+CA:TRUE\n/);
    // The leaf's authority key id is the CA's subject key id.
    const skid = /X509v3 Subject Key Identifier: \n\s+([0-9A-F:]+)\n/.exec(caText)![1];
    expect(text).toMatch(new RegExp(`X509v3 Authority Key Identifier: \\n\\s+(keyid:)?${skid}\\n`));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pki-'));
    fs.writeFileSync(path.join(dir, 'ca.crt'), ca.certPem);
    fs.writeFileSync(path.join(dir, 'leaf.crt'), leaf.certPem);
    expect(execFileSync('openssl', ['verify', '-CAfile', path.join(dir, 'ca.crt'), path.join(dir, 'leaf.crt')], { encoding: 'utf8' })).toBe(`${path.join(dir, 'leaf.crt')}: OK\n`);
    fs.rmSync(dir, { recursive: true });
  });

  it('pins the CA as kubeadm does: sha256 over the SubjectPublicKeyInfo', () => {
    const spki = new X509Certificate(ca.certPem).publicKey.export({ type: 'spki', format: 'der' });
    expect(publicKeyPin(ca.certPem)).toBe(`sha256:${createHash('sha256').update(spki).digest('hex')}`);
  });

  it.runIf(hasOpenssl)('pins the same hash as the openssl recipe of the kubeadm docs', () => {
    const pub = openssl(['x509', '-pubkey', '-noout'], ca.certPem);
    const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: pub });
    expect(publicKeyPin(ca.certPem)).toBe(`sha256:${createHash('sha256').update(der).digest('hex')}`);
  });
});

describe("kubeadm's certificate tree on the control plane's disk", () => {
  const cfg = resolveConfig({ nodeName: 'cp', podSubnet: '10.10.0.0/16' });

  function planned(): ControlPlaneFiles {
    const files = new ControlPlaneFiles(memoryDisk(), new SeededRandom());
    for (const def of [...PKI_CERTS, ...KUBECONFIG_CERTS]) files.plan(def, cfg, T0);
    return files;
  }

  it('issues every certificate from the right CA, valid a year (CAs ten years)', () => {
    const files = planned();
    for (const def of [...PKI_CERTS, ...KUBECONFIG_CERTS]) {
      const c = new X509Certificate(files.certificate(def.name).certPem);
      if (!def.ca) {
        expect(c.ca, def.name).toBe(true);
        expect(Date.parse(c.validTo) - T0).toBe(3650 * DAY);
        continue;
      }
      const issuer = new X509Certificate(files.certificate(def.ca).certPem);
      expect(c.verify(issuer.publicKey), def.name).toBe(true);
      expect(Date.parse(c.validTo) - T0).toBe(365 * DAY);
    }
    expect(new X509Certificate(files.certificate('etcd-server').certPem).subjectAltName).toBe('DNS:cp, DNS:localhost, IP Address:172.18.0.2, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(new X509Certificate(files.certificate('kubelet.conf').certPem).subject).toBe('O=system:nodes\nCN=system:node:cp');
    expect(new X509Certificate(files.certificate('super-admin.conf').certPem).subject).toBe('O=system:masters\nCN=kubernetes-super-admin');
  });

  it('makes a key pair only when a certificate is first read (the cluster CA at once, another CA with the first it signs)', () => {
    const disk = memoryDisk();
    const files = new ControlPlaneFiles(disk, new SeededRandom());
    for (const def of PKI_CERTS) files.plan(def, cfg, T0);
    const issued = (name: string) => !!disk.get<{ certPem?: string }>('kubeadm', `cert/${name}`)?.certPem;
    expect(issued('ca')).toBe(true);
    expect(issued('apiserver')).toBe(false);
    expect(issued('etcd-ca')).toBe(false);
    expect(issued('front-proxy-ca')).toBe(false);
    files.certificate('etcd-peer');
    expect(issued('etcd-peer')).toBe(true);
    expect(issued('etcd-ca')).toBe(true);
    expect(new X509Certificate(files.certificate('etcd-peer').certPem).verify(new X509Certificate(files.certificate('etcd-ca').certPem).publicKey)).toBe(true);
    expect(issued('apiserver')).toBe(false);
    expect(issued('front-proxy-ca')).toBe(false);
  });

  it('renews a certificate from the same CA, a year from the renewal', () => {
    const files = planned();
    const before = files.certificate('apiserver').certPem;
    files.renew('apiserver', T0 + 100 * DAY);
    const after = new X509Certificate(files.certificate('apiserver').certPem);
    expect(after.toString()).not.toBe(before);
    expect(Date.parse(after.validTo)).toBe(T0 + 465 * DAY);
    expect(after.verify(new X509Certificate(files.certificate('ca').certPem).publicKey)).toBe(true);
  });

  it('draws serials from the source of secrets, in kubeadm\'s range, and issues each certificate with its own', () => {
    let n = 0;
    // A source that never repeats: 16 hex digits of a counter with the top bit set.
    const source = (len: number) => `f${(n++).toString(16).padStart(len - 1, '0')}`;
    const files = new ControlPlaneFiles(memoryDisk(), new SeededRandom(undefined, source));
    for (const def of PKI_CERTS) files.plan(def, cfg, T0);
    const serials = PKI_CERTS.map((def) => files.info(def.name).certPem).map((pem) => new X509Certificate(pem).serialNumber);
    expect(new Set(serials).size).toBe(PKI_CERTS.length);
    // The source's top bit is cleared: the serial is a positive int64, as kubeadm's.
    expect(serials[0]).toBe('7000000000000000');
    files.renew('apiserver', T0 + DAY);
    expect(new X509Certificate(files.certificate('apiserver').certPem).serialNumber).toBe(`70000000000000${PKI_CERTS.length.toString(16).padStart(2, '0')}`.toUpperCase());
  });

  it.each([
    ['0a0b0c0d0e0f1011', '0a0b0c0d0e0f1011'],
    ['ffffffffffffffff', '7fffffffffffffff'],
    ['8000000000000000', '0000000000000001'],
    ['0000000000000000', '0000000000000001'],
  ])('makes %s the serial %s: a positive int64, never zero', (hex, serial) => {
    expect(serialFrom(hex)).toBe(serial);
  });

  it('lists the certificates check-expiration shows, by name, without kubelet.conf', () => {
    expect(renewable().map((d) => `${d.name}:${d.ca}`)).toEqual([
      'admin.conf:ca',
      'apiserver:ca',
      'apiserver-etcd-client:etcd-ca',
      'apiserver-kubelet-client:ca',
      'controller-manager.conf:ca',
      'etcd-healthcheck-client:etcd-ca',
      'etcd-peer:etcd-ca',
      'etcd-server:etcd-ca',
      'front-proxy-client:front-proxy-ca',
      'scheduler.conf:ca',
      'super-admin.conf:ca',
    ]);
  });
});
