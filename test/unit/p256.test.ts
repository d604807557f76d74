// P-256 keys and ECDSA signatures in BigInt arithmetic (src/sim/cluster/p256.ts), judged by
// node:crypto: the public point of a scalar is what ECDH computes, and signatures verify.
import { createECDH, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { N, TABLE_BYTES, baseMultiply, bytes32, computeBaseTable, encodePoint, onCurve, scalarFrom, signDigest } from '../../src/sim/cluster/p256';
import { BASE_TABLE_FILE } from '../../src/sim/cluster/p256base';
import { issueCertificate, newKeyPair } from '../../src/sim/cluster/pki';
import { sha256Bytes } from '../../src/api/sha256';
import { systemRandomBytes, randomChars } from '../../src/sim/entropy';

const table = computeBaseTable();

/** The uncompressed public point node:crypto derives from a private scalar. */
function nodePublic(d: bigint): Buffer {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(bytes32(d));
  return ecdh.getPublicKey();
}

describe('P-256 base point multiples', () => {
  it('are the table the build writes beside the chunks', () => {
    expect(table).toHaveLength(TABLE_BYTES);
    const built = fs.readFileSync(path.join(__dirname, '..', '..', 'dist', BASE_TABLE_FILE));
    expect(built.equals(table)).toBe(true);
  });

  it('give the public point node:crypto derives, for edge scalars and random ones', () => {
    const edges = [1n, 2n, 7n, 8n, 9n, 15n, 16n, 17n, N - 1n, N - 2n, N - 8n, BigInt(`0x${'8'.repeat(64)}`) % N, BigInt(`0x${'9'.repeat(64)}`) % N, 1n << 255n, (1n << 252n) - 1n];
    const random = Array.from({ length: 100 }, () => scalarFrom(systemRandomBytes(40)));
    for (const d of [...edges, ...random]) {
      const p = baseMultiply(d, table);
      expect(onCurve(p)).toBe(true);
      expect(encodePoint(p).toString('hex'), d.toString(16)).toBe(nodePublic(d).toString('hex'));
    }
  });

  it('draws scalars in [1, N-1] from 40 random bytes', () => {
    expect(scalarFrom(Buffer.alloc(40, 0))).toBe(1n);
    expect(scalarFrom(Buffer.alloc(40, 0xff))).toBeLessThan(N);
    expect(() => scalarFrom(Buffer.alloc(32))).toThrow('P-256: a scalar needs 40 random bytes');
  });
});

describe('ECDSA signatures', () => {
  it('verify with node:crypto under the key pair made for them', () => {
    for (let i = 0; i < 20; i++) {
      const d = scalarFrom(systemRandomBytes(40));
      const spki = Buffer.concat([Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex'), encodePoint(baseMultiply(d, table))]);
      const data = Buffer.from(`message ${i}`);
      const { r, s } = signDigest(d, sha256Bytes(data), systemRandomBytes, table);
      const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
      expect(verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, Buffer.concat([bytes32(r), bytes32(s)]))).toBe(true);
      expect(verify('sha256', Buffer.from('another'), { key, dsaEncoding: 'ieee-p1363' }, Buffer.concat([bytes32(r), bytes32(s)]))).toBe(false);
    }
  });

  it('newKeyPair writes a SEC1 key and its SubjectPublicKeyInfo that node:crypto reads as one pair', () => {
    const { keyPem, publicPem } = newKeyPair();
    expect(keyPem).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
    const derived = createPublicKey(keyPem).export({ type: 'spki', format: 'pem' });
    expect(derived).toBe(publicPem);
  });

  it('an issuer whose key is not P-256 is refused', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384', privateKeyEncoding: { type: 'sec1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const ca = issueCertificate({ commonName: 'ca', notBefore: 0, notAfter: 1e12, serial: Buffer.from([1]), isCA: true });
    const spec = { commonName: 'leaf', notBefore: 0, notAfter: 1e12, serial: Buffer.from([2]), isCA: false };
    expect(() => issueCertificate(spec, { certPem: ca.certPem, keyPem: privateKey })).toThrow('the cluster PKI signs with P-256 keys only');
  });
});

describe("the system's random source", () => {
  it('gives the bytes asked for, different each time', () => {
    expect(systemRandomBytes(40)).toHaveLength(40);
    expect(systemRandomBytes(16).equals(systemRandomBytes(16))).toBe(false);
  });

  it('draws characters from the alphabet only, each of them', () => {
    const text = randomChars(4000, 'abcdefghijklmnopqrstuvwxyz0123456789');
    expect(text).toHaveLength(4000);
    expect(new Set(text).size).toBe(36);
    expect(text).toMatch(/^[a-z0-9]+$/);
  });
});
