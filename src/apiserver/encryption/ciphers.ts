// The value transformers behind kube-apiserver's providers, one key each, over bytes: what a
// provider writes after its prefix and how it reads it back. Layouts and error texts are
// kube-apiserver's (storage/value/encrypt/aes and secretbox), so a store's bytes mean what
// etcd's would:
//   aesgcm     nonce (12 random bytes) | ciphertext | tag (16); the storage key is the
//              authenticated data, so a value copied under another key does not decrypt
//   aescbc     iv (16 random bytes) | ciphertext of the value with PKCS#7 padding
//   secretbox  nonce (24 random bytes) | XSalsa20-Poly1305 box (tag, then ciphertext)
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A transformation of a value's bytes: `context` is the storage key (authenticated by aesgcm). */
export interface Cipher {
  seal(plain: Buffer, context: string): Buffer;
  /** Throws `TransformError` when the bytes do not open with this key. */
  open(data: Buffer, context: string): Buffer;
}

/** A value that cannot be read back: kube-apiserver's error text. */
export class TransformError extends Error {}

const SHORT = 'the stored data was shorter than the required size';
const GCM_NONCE = 12;
const GCM_TAG = 16;
const BLOCK = 16;

/** AES in GCM mode with a 16, 24 or 32 byte key (aes.NewGCMTransformer with random nonces). */
export function aesGCM(key: Buffer): Cipher {
  const algorithm = `aes-${key.length * 8}-gcm` as 'aes-256-gcm';
  return {
    seal(plain, context) {
      const nonce = randomBytes(GCM_NONCE);
      const c = createCipheriv(algorithm, key, nonce);
      c.setAAD(Buffer.from(context, 'utf8'));
      return Buffer.concat([nonce, c.update(plain), c.final(), c.getAuthTag()]);
    },
    open(data, context) {
      if (data.length < GCM_NONCE + GCM_TAG) throw new TransformError(data.length < GCM_NONCE ? SHORT : 'cipher: message authentication failed');
      const d = createDecipheriv(algorithm, key, data.subarray(0, GCM_NONCE));
      d.setAAD(Buffer.from(context, 'utf8'));
      d.setAuthTag(data.subarray(data.length - GCM_TAG));
      try {
        return Buffer.concat([d.update(data.subarray(GCM_NONCE, data.length - GCM_TAG)), d.final()]);
      } catch {
        // Go's crypto/cipher says only this, whatever failed (the key, the context, the bytes).
        throw new TransformError('cipher: message authentication failed');
      }
    },
  };
}

/** AES in CBC mode with PKCS#7 padding (aes.NewCBCTransformer): no authentication. */
export function aesCBC(key: Buffer): Cipher {
  const algorithm = `aes-${key.length * 8}-cbc` as 'aes-256-cbc';
  return {
    seal(plain) {
      const iv = randomBytes(BLOCK);
      const c = createCipheriv(algorithm, key, iv);
      return Buffer.concat([iv, c.update(plain), c.final()]);
    },
    open(data) {
      if (data.length < BLOCK) throw new TransformError(SHORT);
      const body = data.subarray(BLOCK);
      if (body.length % BLOCK !== 0) throw new TransformError('the stored data is not a multiple of the block size');
      // The padding is checked here, as kube-apiserver checks it, to say what it says.
      const d = createDecipheriv(algorithm, key, data.subarray(0, BLOCK)).setAutoPadding(false);
      const out = Buffer.concat([d.update(body), d.final()]);
      const pad = out.length ? out[out.length - 1] : 0;
      if (pad === 0 || pad > out.length) throw new TransformError('invalid PKCS7 data (empty or not padded)');
      for (let i = out.length - pad; i < out.length; i++) if (out[i] !== pad) throw new TransformError('invalid padding on input');
      return out.subarray(0, out.length - pad);
    },
  };
}

const BOX_NONCE = 24;
const BOX_OVERHEAD = 16;

/** NaCl's secretbox (XSalsa20-Poly1305) with a 32 byte key, through tweetnacl (node:crypto has no XSalsa20). */
export function secretbox(key: Buffer): Cipher {
  // Loaded only by a configuration that names secretbox.
  const nacl = require('tweetnacl') as typeof import('tweetnacl');
  const k = new Uint8Array(key);
  return {
    seal(plain) {
      const nonce = randomBytes(BOX_NONCE);
      return Buffer.concat([nonce, Buffer.from(nacl.secretbox(new Uint8Array(plain), new Uint8Array(nonce), k))]);
    },
    open(data) {
      if (data.length < BOX_NONCE + BOX_OVERHEAD) throw new TransformError(SHORT);
      const out = nacl.secretbox.open(new Uint8Array(data.subarray(BOX_NONCE)), new Uint8Array(data.subarray(0, BOX_NONCE)), k);
      // kube-apiserver's words for a box that does not open (a wrong key, changed bytes).
      if (!out) throw new TransformError('output array was not large enough for encryption');
      return Buffer.from(out);
    },
  };
}
