// Canonical JSON as Go's encoding/json writes maps: keys sorted by code point at every level,
// compact, with <, > and & (and U+2028/U+2029) escaped.
import { compareCodePoints } from './codepoint';

/** A JSON string literal exactly as encoding/json writes it. */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  if (typeof v === 'string') return goJsonString(v);
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort(compareCodePoints)
      .map((k) => `${goJsonString(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** encoding/json of a value whose maps are already in the order Go writes them (struct order). */
export function goJsonCompact(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (Array.isArray(v)) return `[${v.map((x) => goJsonCompact(x)).join(',')}]`;
  if (typeof v === 'object')
    return `{${Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${goJsonString(k)}:${goJsonCompact(x)}`)
      .join(',')}}`;
  return JSON.stringify(v);
}
