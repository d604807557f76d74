// Real X.509 certificates for the cluster's PKI, built with node:crypto (keys, signatures) and a
// small DER encoder (node:crypto can read certificates but not create them).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, createHash, type KeyObject } from 'node:crypto';

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
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));

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

function time(ms: number): Buffer {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const pad = (n: number) => String(n).padStart(2, '0');
  const body = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  return year < 2050 ? tlv(0x17, Buffer.from(String(year).slice(2) + body)) : tlv(0x18, Buffer.from(String(year) + body));
}

const OID = {
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  subjectAltName: '2.5.29.17',
};

function name(cn: string, org?: string): Buffer {
  const rdns = [];
  if (org) rdns.push(set(seq(oid(OID.organization), utf8(org))));
  rdns.push(set(seq(oid(OID.commonName), utf8(cn))));
  return seq(...rdns);
}

function pem(label: string, der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

// ---- certificates ----------------------------------------------------------------------------

export interface CertificateAuthority {
  certPem: string;
  keyPem: string;
}

export interface CAOptions {
  commonName: string;
  /** Validity start (ms since epoch); kubeadm CAs last ten years. */
  notBefore: number;
  years: number;
  /** 16 random bytes for the serial number. */
  serial: Buffer;
  dnsNames?: string[];
}

/** A self-signed CA certificate with an ECDSA P-256 key. */
export function selfSignedCA(opts: CAOptions): CertificateAuthority {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHash('sha1').update(spki).digest();
  const algorithm = seq(oid(OID.ecdsaWithSHA256));
  const notAfter = new Date(opts.notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + opts.years);
  const extensions = [
    seq(oid(OID.keyUsage), boolTrue(), octets(bitString(Buffer.from([0xa4])))), // digitalSignature, keyEncipherment, keyCertSign
    seq(oid(OID.basicConstraints), boolTrue(), octets(seq(boolTrue()))),
    seq(oid(OID.subjectKeyIdentifier), octets(octets(keyId))),
  ];
  if (opts.dnsNames?.length)
    extensions.push(seq(oid(OID.subjectAltName), octets(seq(...opts.dnsNames.map((d) => tlv(0x82, Buffer.from(d)))))));
  const subject = name(opts.commonName);
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(Buffer.concat([Buffer.from([opts.serial[0] & 0x7f]), opts.serial.subarray(1)])),
    algorithm,
    subject,
    seq(time(opts.notBefore), time(notAfter.getTime())),
    subject,
    spki,
    explicit(3, seq(...extensions)),
  );
  const signature = sign('sha256', tbs, privateKey);
  const cert = seq(tbs, algorithm, bitString(signature));
  return { certPem: pem('CERTIFICATE', cert), keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}

export function publicKeyOf(keyPem: string): KeyObject {
  return createPublicKey(createPrivateKey(keyPem));
}
