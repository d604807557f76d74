// Real X.509 certificates for the cluster's PKI: P-256 keys and ECDSA signatures (p256.ts) and a
// small DER encoder (node:crypto can read certificates but not create them). The encoding follows
// Go's crypto/x509 CreateCertificate, which kubeadm uses: extension order, PrintableString names,
// subject key id from the public key's bits, authority key id from the issuer's.
import { sha1 } from '../../api/sha1';
import { sha256Bytes } from '../../api/sha256';
import { systemRandomBytes } from '../entropy';
import { baseMultiply, bytes32, encodePoint, scalarFrom, signDigest } from './p256';
import { baseTable } from './p256base';

// ---- DER encoding ----------------------------------------------------------------------------

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
}

const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const explicit = (n: number, body: Buffer) => tlv(0xa0 + n, body);
const octets = (b: Buffer) => tlv(0x04, b);
const bitString = (b: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), b]));
const boolTrue = () => tlv(0x01, Buffer.from([0xff]));

/** Go's isPrintable (PrintableString plus '*' and '&', as Go tolerates). */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?*&]*$/;
const directoryString = (s: string) => tlv(PRINTABLE.test(s) ? 0x13 : 0x0c, Buffer.from(s, 'utf8'));

function integer(b: Buffer): Buffer {
  let body = b;
  while (body.length > 1 && body[0] === 0 && !(body[1] & 0x80)) body = body.subarray(1);
  if (body[0] & 0x80) body = Buffer.concat([Buffer.from([0]), body]);
  return tlv(0x02, body);
}

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes = [40 * parts[0] + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [];
    let v = p;
    do {
      chunk.unshift(v & 0x7f);
      v >>= 7;
    } while (v > 0);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i] |= 0x80;
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime before 2050, GeneralizedTime after (RFC 5280). */
function time(ms: number): Buffer {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const pad = (n: number) => String(n).padStart(2, '0');
  const body = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  return year < 2050 ? tlv(0x17, Buffer.from(String(year).slice(2) + body)) : tlv(0x18, Buffer.from(String(year) + body));
}

const OID = {
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};

/** pkix.Name.ToRDNSequence: all organizations in one RDN, then the common name. */
function name(cn: string, orgs: readonly string[] = []): Buffer {
  const rdns = [];
  if (orgs.length) rdns.push(set(...orgs.map((o) => seq(oid(OID.organization), directoryString(o)))));
  rdns.push(set(seq(oid(OID.commonName), directoryString(cn))));
  return seq(...rdns);
}

function ipBytes(ip: string): Buffer {
  if (ip.includes(':')) {
    const [head, tail = ''] = ip.split('::');
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
    return Buffer.from(groups.flatMap((g) => [(parseInt(g, 16) >> 8) & 0xff, parseInt(g, 16) & 0xff]));
  }
  return Buffer.from(ip.split('.').map(Number));
}

/** Go's KeyUsage bits as the BIT STRING x509 writes (trailing zero bits dropped). */
function keyUsageBits(usages: { digitalSignature?: boolean; keyEncipherment?: boolean; certSign?: boolean }): Buffer {
  let byte = 0;
  if (usages.digitalSignature) byte |= 0x80;
  if (usages.keyEncipherment) byte |= 0x20;
  if (usages.certSign) byte |= 0x04;
  let unused = 0;
  while (unused < 8 && !(byte & (1 << unused))) unused++;
  return tlv(0x03, Buffer.from([unused, byte]));
}

export function pem(label: string, der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

// ---- keys ------------------------------------------------------------------------------------

export interface KeyPair {
  /** SEC1 "EC PRIVATE KEY" PEM, as kubeadm writes ECDSA keys. */
  keyPem: string;
  /** "PUBLIC KEY" PEM (SubjectPublicKeyInfo). */
  publicPem: string;
}

/** A P-256 private key: its scalar and its public point's uncompressed encoding. */
interface EcKey {
  d: bigint;
  publicPoint: Buffer;
}

function newEcKey(): EcKey {
  const d = scalarFrom(systemRandomBytes(40));
  return { d, publicPoint: encodePoint(baseMultiply(d, baseTable())) };
}

/** The SubjectPublicKeyInfo DER of a P-256 public key. */
const spkiOf = (key: EcKey) => seq(seq(oid(OID.ecPublicKey), oid(OID.prime256v1)), bitString(key.publicPoint));

/** SEC1 ECPrivateKey DER, as Go's x509.MarshalECPrivateKey and OpenSSL write it. */
const sec1Of = (key: EcKey) =>
  seq(integer(Buffer.from([1])), octets(bytes32(key.d)), explicit(0, oid(OID.prime256v1)), explicit(1, bitString(key.publicPoint)));

/** The private scalar of a SEC1 "EC PRIVATE KEY" PEM of a P-256 key, as this module writes them (signing needs nothing else). */
function scalarOf(keyPem: string): bigint {
  const der = derOf(keyPem, 'EC PRIVATE KEY');
  const top = readTlv(der, 0);
  const version = readTlv(der, top.start);
  const secret = readTlv(der, version.end);
  const d = BigInt(`0x${der.toString('hex', secret.start, secret.end)}`);
  for (let at = secret.end; at < top.end; ) {
    const field = readTlv(der, at);
    if (field.tag === 0xa0 && !der.subarray(field.start, field.end).equals(oid(OID.prime256v1)))
      throw new Error('the cluster PKI signs with P-256 keys only');
    at = field.end;
  }
  return d;
}

/** An ECDSA P-256 key pair (kubeadm's encryptionAlgorithm ECDSA-P256). */
export function newKeyPair(): KeyPair {
  const key = newEcKey();
  return { keyPem: pem('EC PRIVATE KEY', sec1Of(key)), publicPem: pem('PUBLIC KEY', spkiOf(key)) };
}

/** ECDSA with SHA-256, DER-encoded as X.509 carries it. */
function signWith(d: bigint, data: Buffer): Buffer {
  const { r, s } = signDigest(d, sha256Bytes(data), systemRandomBytes, baseTable());
  return seq(integer(bytes32(r)), integer(bytes32(s)));
}

/** The SubjectPublicKeyInfo DER of a certificate. */
export function subjectPublicKeyInfo(certPem: string): Buffer {
  return tbsField(derOf(certPem, 'CERTIFICATE'), 'subjectPublicKeyInfo');
}

/** kubeadm's discovery pin: "sha256:" + hex of SHA-256 over the CA's SubjectPublicKeyInfo. */
export function publicKeyPin(certPem: string): string {
  return `sha256:${Buffer.from(sha256Bytes(subjectPublicKeyInfo(certPem))).toString('hex')}`;
}

/** SHA-1 of the public key's bits (the BIT STRING inside the SPKI), as Go derives key ids. */
function keyId(spki: Buffer): Buffer {
  // An uncompressed P-256 point is the SPKI's last 65 bytes.
  return Buffer.from(sha1(spki.subarray(spki.length - 65)));
}

// ---- certificates ----------------------------------------------------------------------------

/** The digits a serial is drawn from: 16 of them, 64 bits. */
export const SERIAL_DIGITS = '0123456789abcdef';

/**
 * A serial as kubeadm draws it (crypto/rand, uniform in [1, 2^63), for CAs and leaves alike) from
 * 16 random hex digits: the top bit cleared, so the int64 is positive, and zero made one.
 */
export function serialFrom(hex: string): string {
  const n = BigInt(`0x${hex}`) & 0x7fff_ffff_ffff_ffffn;
  return (n === 0n ? 1n : n).toString(16).padStart(16, '0');
}

export interface CertificateSpec {
  commonName: string;
  organizations?: readonly string[];
  /** Validity, in ms since the epoch. */
  notBefore: number;
  notAfter: number;
  /** The serial number's bytes (kept positive). */
  serial: Buffer;
  isCA: boolean;
  /** Extended key usages of a leaf certificate. */
  usages?: readonly ('server' | 'client')[];
  dnsNames?: readonly string[];
  ips?: readonly string[];
}

export interface Issuer {
  certPem: string;
  keyPem: string;
}

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

export type CertificateAuthority = IssuedCertificate;

/** Issues a certificate for a new key pair, signed by `issuer` (self-signed when absent). */
export function issueCertificate(spec: CertificateSpec, issuer?: Issuer): IssuedCertificate {
  const own = newEcKey();
  const spki = spkiOf(own);
  const issuerDer = issuer ? derOf(issuer.certPem, 'CERTIFICATE') : undefined;
  const algorithm = seq(oid(OID.ecdsaWithSHA256));

  const extensions = [
    seq(oid(OID.keyUsage), boolTrue(), octets(keyUsageBits({ digitalSignature: true, keyEncipherment: spec.isCA, certSign: spec.isCA }))),
  ];
  if (spec.usages?.length)
    extensions.push(seq(oid(OID.extKeyUsage), octets(seq(...spec.usages.map((u) => oid(u === 'server' ? OID.serverAuth : OID.clientAuth))))));
  extensions.push(seq(oid(OID.basicConstraints), boolTrue(), octets(spec.isCA ? seq(boolTrue()) : seq())));
  if (spec.isCA) extensions.push(seq(oid(OID.subjectKeyIdentifier), octets(octets(keyId(spki)))));
  if (issuerDer) extensions.push(seq(oid(OID.authorityKeyIdentifier), octets(seq(tlv(0x80, keyId(tbsField(issuerDer, 'subjectPublicKeyInfo')))))));
  const sans = [...(spec.dnsNames ?? []).map((d) => tlv(0x82, Buffer.from(d))), ...(spec.ips ?? []).map((ip) => tlv(0x87, ipBytes(ip)))];
  if (sans.length) extensions.push(seq(oid(OID.subjectAltName), octets(seq(...sans))));

  const subject = name(spec.commonName, spec.organizations);
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(Buffer.concat([Buffer.from([spec.serial[0] & 0x7f]), spec.serial.subarray(1)])),
    algorithm,
    issuerDer ? tbsField(issuerDer, 'subject') : subject,
    seq(time(spec.notBefore), time(spec.notAfter)),
    subject,
    spki,
    explicit(3, seq(...extensions)),
  );
  const signature = signWith(issuer ? scalarOf(issuer.keyPem) : own.d, tbs);
  return { certPem: pem('CERTIFICATE', seq(tbs, algorithm, bitString(signature))), keyPem: pem('EC PRIVATE KEY', sec1Of(own)) };
}

// ---- reading DER back (an issuer's subject and key, byte for byte; a key's scalar) -----------

/** Reads one TLV at `at`: its tag, where its body starts and ends. */
function readTlv(der: Buffer, at: number): { tag: number; start: number; end: number } {
  const tag = der[at];
  let n = der[at + 1];
  let start = at + 2;
  if (n & 0x80) {
    const count = n & 0x7f;
    n = 0;
    for (let i = 0; i < count; i++) n = (n << 8) | der[start + i];
    start += count;
  }
  return { tag, start, end: start + n };
}

/** The DER inside a PEM block labelled `label`. */
function derOf(text: string, label: string): Buffer {
  const begin = `-----BEGIN ${label}-----`;
  const from = text.indexOf(begin);
  const to = text.indexOf(`-----END ${label}-----`, from);
  if (from < 0 || to < 0) throw new Error(`the cluster PKI expected a PEM ${label}`);
  return Buffer.from(text.slice(from + begin.length, to).replace(/\s+/g, ''), 'base64');
}

/** The fields of a TBSCertificate after its optional version, in order. */
const TBS_FIELDS = ['serialNumber', 'signature', 'issuer', 'validity', 'subject', 'subjectPublicKeyInfo'] as const;

/** One field of a DER certificate's TBSCertificate, as it is encoded there. */
function tbsField(certDer: Buffer, field: (typeof TBS_FIELDS)[number]): Buffer {
  const cert = readTlv(certDer, 0);
  const tbs = readTlv(certDer, cert.start);
  let at = tbs.start;
  if (certDer[at] === 0xa0) at = readTlv(certDer, at).end;
  for (let i = 0; i < TBS_FIELDS.indexOf(field); i++) at = readTlv(certDer, at).end;
  return certDer.subarray(at, readTlv(certDer, at).end);
}
