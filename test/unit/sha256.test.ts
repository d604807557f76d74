import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256, sha256Bytes, sha256Hex } from '../../src/api/sha256';

const nodeHex = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256', () => {
  it('gives the FIPS 180-4 digests of the standard messages', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with node:crypto at every length around the block and padding boundaries, and on UTF-8 text', () => {
    for (let n = 0; n <= 200; n++) {
      const text = 'x'.repeat(n);
      expect(sha256Hex(text), `length ${n}`).toBe(nodeHex(text));
    }
    for (const text of ['registry.k8s.io/coredns/coredns', 'library/nginx', 'héllo wörld ✓ 日本語', '😀'.repeat(40)]) expect(sha256Hex(text)).toBe(nodeHex(text));
  });

  it('returns the 32 bytes of the digest', () => {
    const bytes = sha256('abc');
    expect(bytes).toHaveLength(32);
    expect(Buffer.from(bytes).toString('hex')).toBe(nodeHex('abc'));
  });
});

describe('sha256Bytes and hmacSha256', () => {
  it('hashes bytes as node:crypto does, binary ones included', () => {
    const data = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) & 0xff));
    for (const n of [0, 1, 55, 56, 64, 65, 300]) expect(Buffer.from(sha256Bytes(data.subarray(0, n))).toString('hex')).toBe(createHash('sha256').update(data.subarray(0, n)).digest('hex'));
  });

  it('gives RFC 4231 test cases 1, 2 and 6 (a key longer than a block is hashed first)', () => {
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    expect(hex(hmacSha256(Buffer.alloc(20, 0x0b), Buffer.from('Hi There')))).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    expect(hex(hmacSha256(Buffer.from('Jefe'), Buffer.from('what do ya want for nothing?')))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(hex(hmacSha256(Buffer.alloc(131, 0xaa), Buffer.from('Test Using Larger Than Block-Size Key - Hash Key First')))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('agrees with node:crypto for keys and messages of many lengths', () => {
    for (const k of [0, 16, 63, 64, 65]) for (const m of [0, 10, 100]) {
      const key = Buffer.alloc(k, 7);
      const msg = Buffer.alloc(m, 9);
      expect(Buffer.from(hmacSha256(key, msg)).toString('hex')).toBe(createHmac('sha256', key).update(msg).digest('hex'));
    }
  });
});
