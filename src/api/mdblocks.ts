// What SHA-1 and SHA-256 (FIPS 180-4) share: the message padded into 64-byte blocks (a 1 bit,
// zeros, its length in bits as 64 bits), and the state words written out big-endian as the digest.

/** The padded message, read as big-endian words. */
export function paddedBlocks(data: Uint8Array): DataView {
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(data.length / 0x20000000));
  view.setUint32(padded.length - 4, (data.length * 8) >>> 0);
  return view;
}

/** The state words as the digest's bytes. */
export function digestOf(h: Uint32Array): Uint8Array {
  const out = new Uint8Array(h.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < h.length; i++) view.setUint32(i * 4, h[i]);
  return out;
}
