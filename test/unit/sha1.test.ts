// Our SHA-1 (the key identifiers of certificates) against node:crypto's, across block boundaries.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1 } from '../../src/api/sha1';

describe('sha1', () => {
  it('gives node:crypto\'s digest for every length around the block and padding boundaries', () => {
    for (const n of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) {
      const data = Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff));
      expect(Buffer.from(sha1(data)).toString('hex')).toBe(createHash('sha1').update(data).digest('hex'));
    }
  });

  it('gives the FIPS 180 examples\' digests', () => {
    expect(Buffer.from(sha1(Buffer.from('abc'))).toString('hex')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(Buffer.from(sha1(Buffer.from(''))).toString('hex')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });
});
