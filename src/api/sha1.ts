// SHA-1 (FIPS 180-4) of bytes, for the key identifiers Go's crypto/x509 derives from a public key
// (a certificate's subject and authority key ids). Only that: node:crypto's first hash costs a
// new cluster's first command ~0.3 ms, for one 65-byte input.

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** The 20-byte digest. */
export function sha1(data: Uint8Array): Uint8Array {
  // The message, a 1 bit, zeros, and its length in bits as 64 bits: a whole number of 64-byte blocks.
  const blocks = Math.ceil((data.length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(data.length / 0x20000000));
  view.setUint32(padded.length - 4, (data.length * 8) >>> 0);

  const h = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  const w = new Uint32Array(80);
  for (let block = 0; block < blocks; block++) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(block * 64 + t * 4);
    for (let t = 16; t < 80; t++) w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    let [a, b, c, d, e] = h;
    for (let t = 0; t < 80; t++) {
      let f: number;
      let k: number;
      if (t < 20) (f = (b & c) | (~b & d)), (k = 0x5a827999);
      else if (t < 40) (f = b ^ c ^ d), (k = 0x6ed9eba1);
      else if (t < 60) (f = (b & c) | (b & d) | (c & d)), (k = 0x8f1bbcdc);
      else (f = b ^ c ^ d), (k = 0xca62c1d6);
      const temp = (rotl(a, 5) + f + e + k + w[t]) >>> 0;
      e = d;
      d = c;
      c = rotl(b, 30) >>> 0;
      b = a;
      a = temp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 5; i++) outView.setUint32(i * 4, h[i]);
  return out;
}
