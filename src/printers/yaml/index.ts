// -o yaml exactly as kubectl writes it. kubectl marshals the object to JSON and hands that to
// sigs.k8s.io/yaml, which reads it with go-yaml v2 and emits it again; this module reproduces
// the result: keys in go-yaml's natural order, sequences flush with their key, strings quoted
// when they would read as something else, long scalars folded past column 80, multi-line
// strings as literal blocks, keys too long or multi-line for a simple key written as "? key".

import { sortedKeys } from './keys';
import { formatNumber } from './resolve';
import { analyze, writePlainText, writeString } from './scalar';
import { Writer } from './writer';

export { yamlKeyLess } from './keys';

/**
 * A string as go-yaml reads it out of Go's JSON: U+0085 is written raw there and is a YAML
 * line break, so it folds like one; invalid UTF-16 has become U+FFFD.
 */
function asReadFromJson(s: string): string {
  if (!/[\u0085\ud800-\udfff]/.test(s)) return s;
  const wellFormed = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return wellFormed.replace(/ *\u0085[ \u0085]*/g, (run: string) => {
    const breaks = run.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) (n += 4), i++;
    else n += 3;
  }
  return n;
}

/** The indent of a collection nested in one at `parent` (yaml_emitter_increase_indent). */
const nested = (parent: number, indentless = false) => (parent < 0 ? 0 : indentless ? parent : parent + 2);
/** The indent a scalar's continuation lines take under a collection at `parent`. */
const scalarIndent = (parent: number) => (parent < 0 ? 2 : parent + 2);

function emitNode(w: Writer, v: unknown, parent: number, mappingValue: boolean): void {
  if (Array.isArray(v)) {
    if (!v.length) return w.indicator('[]', true, false, false);
    // A sequence under a simple key is not indented further.
    return emitSequence(w, v, nested(parent, mappingValue && !w.indention));
  }
  if (v !== null && typeof v === 'object') {
    const m = v as Record<string, unknown>;
    const keys = sortedKeys(m);
    if (!keys.length) return w.indicator('{}', true, false, false);
    return emitMapping(w, m, keys, nested(parent));
  }
  if (typeof v === 'string') return writeString(w, asReadFromJson(v), scalarIndent(parent), false);
  writePlainText(w, v === null || v === undefined ? 'null' : typeof v === 'number' ? formatNumber(v) : String(v));
}

function emitMapping(w: Writer, m: Record<string, unknown>, keys: string[], indent: number): void {
  for (const k of keys) {
    w.writeIndent(indent);
    const key = asReadFromJson(k);
    const a = analyze(key);
    if (!a.multiline && utf8Length(key) <= 128) {
      writeString(w, key, scalarIndent(indent), true, a);
      w.indicator(':', false, false, false);
    } else {
      w.indicator('?', true, false, true);
      writeString(w, key, scalarIndent(indent), false, a);
      w.writeIndent(indent);
      w.indicator(':', true, false, true);
    }
    emitNode(w, m[k], indent, true);
  }
}

function emitSequence(w: Writer, list: unknown[], indent: number): void {
  for (const item of list) {
    w.writeIndent(indent);
    w.indicator('-', true, false, true);
    emitNode(w, item, indent, false);
  }
}

export function toYaml(v: unknown): string {
  const w = new Writer();
  emitNode(w, v, -1, false);
  w.writeIndent(0);
  return w.text();
}
