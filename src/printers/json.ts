// -o json: Go's json.MarshalIndent with four spaces, keys sorted, HTML characters escaped.
import { goJsonString as escape } from '../api/meta/canonical';
import { compareCodePoints } from '../api/meta/codepoint';

function write(v: unknown, indent: string, sort: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return escape(v);
  if (typeof v !== 'object') return JSON.stringify(v);
  const inner = indent + '    ';
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return `[\n${v.map((x) => inner + write(x, inner, sort)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
  if (sort) keys.sort(compareCodePoints);
  if (!keys.length) return '{}';
  return `{\n${keys.map((k) => `${inner}${escape(k)}: ${write((v as Record<string, unknown>)[k], inner, sort)}`).join(',\n')}\n${indent}}`;
}

/**
 * Objects read from the API print with sorted keys (they are generic maps to kubectl); objects
 * kubectl builds itself (create --dry-run=client) keep their Go struct order.
 */
export function toJson(v: unknown, opts: { sortKeys?: boolean } = {}): string {
  return write(v, '', opts.sortKeys ?? true) + '\n';
}
