import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Hex } from '../../src/api/sha256';

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
