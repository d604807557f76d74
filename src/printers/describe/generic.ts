// kubectl's generic describer, for kinds without a describer of their own (ControllerRevision,
// Event, APIService): name, namespace, labels and annotations, then every other field of the
// object as served, keys sorted, nested levels indented, names made readable (smartLabelFor).
import type { KubeObject } from '../../api/types';
import { formatFloat } from '../jsonpath/gofmt';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import type { Describer } from './describer';
import { DescribeWriter, LEVEL_0 } from './writer';

/** What the metadata lines above already print, or kubectl leaves out. */
const SKIPPED = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

type CharClass = 'lower' | 'upper' | 'digit' | 'other';

function classOf(ch: string): CharClass {
  if (/\p{Ll}/u.test(ch)) return 'lower';
  if (/\p{Lu}/u.test(ch)) return 'upper';
  if (/\p{Nd}/u.test(ch)) return 'digit';
  return 'other';
}

/** fatih/camelcase's Split: runs of one character class, an upper case letter before lower case ones moved to them ("PDFLoader" → PDF, Loader). */
export function camelCaseSplit(text: string): string[] {
  const runs: string[][] = [];
  let last: CharClass | undefined;
  for (const ch of text) {
    const cls = classOf(ch);
    if (cls === last) runs[runs.length - 1].push(ch);
    else runs.push([ch]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i][0]) === 'upper' && classOf(runs[i + 1][0]) === 'lower') runs[i + 1].unshift(runs[i].pop()!);
  }
  return runs.filter((r) => r.length).map((r) => r.join(''));
}

/** smartLabelFor: "apiVersion" → "API Version"; a key with characters other than letters and '-' stays as it is. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelCaseSplit(field)
    .filter((part) => part !== '_')
    .map((part) => (ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join(' ');
}

/** Go's %v of a value decoded from JSON into interface{} (integers as int64, as unstructured objects hold them). */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? String(v) : formatFloat(v);
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (typeof v === 'object')
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goValue((v as Record<string, unknown>)[k])}`)
      .join(' ')}]`;
  return String(v);
}

/** printUnstructuredContent. */
function printContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIPPED.has(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (value && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path);
    } else w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
  }
}

export const describeGeneric: Describer = (obj: KubeObject, ctx) => {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  printContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '');
  if (ctx.showEvents) describeEvents(w, ctx.lookup.events(obj), ctx.now);
  return w.toString();
};
