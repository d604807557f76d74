// replacements: a value read from one resource (a field path, optionally one part of it split
// at a delimiter) copied into fields of the resources the targets select, as kustomize's
// ReplacementTransformer does: selectors match exactly, paths are kyaml's (fields, [key=value]
// list items, indexes, *), and a missing target field is an error unless `create` is set.
import { getOwn, setOwn } from '../../../api/meta/own';
import { type JsonMap, KustomizeError, type Resource, type Selector, isMap, matchesKindAndLabels } from './resource';


interface SplitOptions {
  delimiter?: string;
  index?: number;
  create?: boolean;
}

export interface Replacement {
  source?: Selector & { fieldPath?: string; options?: SplitOptions };
  targets?: { select?: Selector; reject?: Selector[]; fieldPaths?: string[]; options?: SplitOptions }[];
}

/** kustomize's text for a selector: Kind.version.group/name.namespace. */
function selectorText(s: Selector): string {
  return `${s.kind || '[noKind]'}.${s.version || '[noVer]'}.${s.group || '[noGrp]'}/${s.name || '[noName]'}.${s.namespace || '[noNs]'}`;
}

function selected(r: Resource, s: Selector): boolean {
  if (!matchesKindAndLabels(r, s)) return false;
  if (s.name && !r.ids.some((id) => id.name === s.name)) return false;
  return !s.namespace || r.ids.some((id) => id.namespace === s.namespace);
}

/** A path's segments: dots split it, except inside brackets. */
function segments(path: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (const c of path) {
    if (c === '[') depth++;
    if (c === ']') depth--;
    if (c === '.' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** A place in an object: the container and the key (or index) of one value. */
interface Place {
  parent: JsonMap | unknown[];
  key: string | number;
}

class PathError extends Error {}

const valueAt = (p: Place) => (p.parent as Record<string | number, unknown>)[p.key];

function setAt(p: Place, v: unknown): void {
  if (Array.isArray(p.parent)) p.parent[p.key as number] = v;
  else setOwn(p.parent, p.key as string, v);
}

/** The places `path` leads to under `root`, making missing maps, lists and list items when `create`. */
function places(root: JsonMap, path: string, create: boolean): Place[] {
  let current: Place[] = [{ parent: { root } as JsonMap, key: 'root' }];
  for (const seg of segments(path)) {
    const item = /^\[(.*?)=(.*)\]$/.exec(seg);
    const next: Place[] = [];
    for (const p of current) {
      let node = (p.parent as Record<string | number, unknown>)[p.key];
      if (node === undefined || node === null) {
        if (!create) continue;
        // A missing node is a list when the segment selects a list item.
        node = item ? [] : {};
        setAt(p, node);
      }
      if (Array.isArray(node)) {
        const list = node;
        if (seg === '*') list.forEach((_, i) => next.push({ parent: list, key: i }));
        else if (/^\d+$/.test(seg)) {
          const i = Number(seg);
          if (i >= list.length) throw new PathError(`index ${i} specified but only ${list.length} elements found`);
          next.push({ parent: list, key: i });
        } else if (item) {
          const [, k, v] = item;
          const found = list.findIndex((x) => (k === '' ? x === v : isMap(x) && String(getOwn(x, k)) === v));
          if (found >= 0) next.push({ parent: list, key: found });
          else if (create && k) {
            list.push({ [k]: v });
            next.push({ parent: list, key: list.length - 1 });
          }
        }
        continue;
      }
      if (!isMap(node)) continue;
      const field = /^\[[^=]*\]$/.test(seg) ? seg.slice(1, -1) : seg;
      if (seg === '*') for (const k of Object.keys(node)) next.push({ parent: node, key: k });
      else if (getOwn(node, field) !== undefined || create) next.push({ parent: node, key: field });
    }
    current = next;
  }
  return current;
}


function sourceValue(resources: readonly Resource[], source: NonNullable<Replacement['source']>): unknown {
  const found = resources.filter((r) => selected(r, source));
  if (!found.length) throw new KustomizeError(`nothing selected by ${selectorText(source)}`);
  if (found.length > 1) throw new KustomizeError(`multiple matches for selector ${selectorText(source)}`);
  const path = source.fieldPath || 'metadata.name';
  let at: Place[];
  try {
    at = places(found[0].obj, path, false);
  } catch {
    at = [];
  }
  const value = at.length ? valueAt(at[0]) : undefined;
  if (value === undefined) throw new KustomizeError(`fieldPath \`${path}\` is missing for replacement source ${selectorText(source)}`);
  const o = source.options;
  if (!o?.delimiter) return structuredClone(value);
  const parts = String(value).split(o.delimiter);
  const i = o.index ?? 0;
  if (i < 0 || i >= parts.length) throw new KustomizeError(`options.index ${i} is out of bounds for value ${String(value)}`);
  return parts[i];
}

/** The target's new value: the source's, or with a delimiter, the source put in as one part. */
function replaced(old: unknown, value: unknown, o: SplitOptions | undefined): unknown {
  if (!o?.delimiter) return structuredClone(value);
  const parts = typeof old === 'string' ? old.split(o.delimiter) : [];
  const i = o.index ?? 0;
  if (i < 0) parts.unshift(String(value));
  else if (i >= parts.length) parts.push(String(value));
  else parts[i] = String(value);
  return parts.join(o.delimiter);
}

export function applyReplacements(resources: readonly Resource[], replacements: readonly Replacement[]): void {
  for (const rep of replacements) {
    const value = sourceValue(resources, rep.source ?? {});
    for (const t of rep.targets ?? []) {
      for (const r of resources) {
        if (!selected(r, t.select ?? {})) continue;
        if ((t.reject ?? []).some((s) => selected(r, s))) continue;
        for (const fp of t.fieldPaths ?? ['metadata.name']) {
          let at: Place[];
          try {
            at = places(r.obj, fp, !!t.options?.create);
          } catch (e) {
            if (e instanceof PathError) throw new KustomizeError(`unable to find field ${JSON.stringify(fp)} in replacement target: ${e.message}`);
            throw e;
          }
          if (!at.length && !t.options?.create) throw new KustomizeError(`unable to find field ${JSON.stringify(fp)} in replacement target`);
          for (const p of at) setAt(p, replaced(valueAt(p), value, t.options));
        }
      }
    }
  }
}
