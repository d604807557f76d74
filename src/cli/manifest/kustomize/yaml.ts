// The two YAML readings a build uses. Resources and strategic-merge patches are read by kyaml
// (go-yaml v3: only true/false are booleans, "yes" and "on" stay strings); the kustomization
// file and JSON 6902 patches by sigs.k8s.io/yaml (go-yaml v2, as kubectl reads -f).
import type { Tags } from 'yaml';
import { decodeDocument, goYamlTags } from '../goyaml';
import { parseDocument, splitDocuments } from '../documents';
import { KustomizeError } from './resource';

const BOOL_TAG = 'tag:yaml.org,2002:bool';

/** go-yaml v2's tags with v3's booleans: true/True/TRUE and false/False/FALSE only. */
function v3Tags(tags: Tags): Tags {
  const kept = goYamlTags(tags).filter((t) => (t as { tag: string }).tag !== BOOL_TAG);
  const bool = {
    tag: BOOL_TAG,
    default: true,
    identify: (v: unknown) => typeof v === 'boolean',
    test: /^(?:true|True|TRUE|false|False|FALSE)$/,
    resolve: (s: string) => s[0] === 't' || s[0] === 'T',
  };
  const timestamp = {
    tag: 'tag:pocketkube,go-yaml-v3:timestamp',
    default: true,
    identify: () => false,
    test: /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]| )\d\d?:\d\d?:\d\d?(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?)?$/,
    resolve: (s: string) => timestampJson(s) ?? s,
  };
  return [bool, timestamp, ...kept] as Tags;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A plain timestamp as go-yaml v3 decodes it (a time.Time, in one of its four layouts) and
 * encoding/json then writes it: RFC 3339 with nanoseconds, trailing zeros dropped. Undefined
 * when the text is no valid time (it stays a string).
 */
export function timestampJson(s: string): string | undefined {
  const m = /^(\d{4})-(\d\d?)-(\d\d?)(?:([Tt ])(\d\d?):(\d\d?):(\d\d?)(\.\d{1,9})?(Z|[+-]\d\d:\d\d)?)?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, sep, h = '0', mi = '0', sec = '0', frac = '', zone] = m;
  // The layouts: a zone only after T or t, none after a space; a date alone.
  if (sep === ' ' ? zone !== undefined : sep !== undefined && zone === undefined) return undefined;
  const days = new Date(Date.UTC(+y, +mo, 0)).getUTCDate();
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > days || +h > 23 || +mi > 59 || +sec > 59) return undefined;
  const fraction = frac.replace(/0+$/, '');
  const z = !zone || zone === 'Z' || zone === '+00:00' || zone === '-00:00' ? 'Z' : zone;
  return `${y}-${pad(+mo)}-${pad(+d)}T${pad(+h)}:${pad(+mi)}:${pad(+sec)}${fraction === '.' ? '' : fraction}${z}`;
}

/** The documents of a resource file as kyaml reads them (empty documents dropped). */
export function readKyaml(text: string, source: string): unknown[] {
  const YAML = require('yaml') as typeof import('yaml');
  const out: unknown[] = [];
  for (const doc of YAML.parseAllDocuments(text, { version: '1.1', uniqueKeys: false, merge: false, customTags: v3Tags })) {
    if (doc.errors.length) throw new KustomizeError(`${source}: ${doc.errors[0].message}`);
    const v = decodeDocument(doc);
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

/** One document read as sigs.k8s.io/yaml reads it (the kustomization file, JSON patches). */
export function readSigsYaml(text: string): unknown {
  const { json, docs, scans } = splitDocuments(text);
  return docs.length ? parseDocument(docs[0], json, scans?.[0]) : undefined;
}
