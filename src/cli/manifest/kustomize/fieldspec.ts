// Field specs: where a transformer writes (kustomize's builtin configuration): a path of field
// names under objects of a group/version/kind. Sequences met on the way are walked element by
// element; with `create`, missing maps on the way are made.
import { getOwn, setOwn } from '../../../api/meta/own';
import { type JsonMap, groupVersion, isMap, kindOf } from './resource';

export interface FieldSpec {
  group?: string;
  version?: string;
  kind?: string;
  path: string;
  create?: boolean;
}

/** Whether the spec's gvk (empty parts match anything) selects the object. */
export function selects(fs: { group?: string; version?: string; kind?: string }, obj: JsonMap): boolean {
  const { group, version } = groupVersion(obj);
  if (fs.group && fs.group !== group) return false;
  if (fs.version && fs.version !== version) return false;
  if (fs.kind && fs.kind !== kindOf(obj)) return false;
  return true;
}

/** The path's fields; "\/" escapes a slash inside one (annotation keys). A "[]" suffix marks a list. */
export function pathFields(path: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '\\' && path[i + 1] === '/') {
      cur += '/';
      i++;
    } else if (path[i] === '/') {
      out.push(cur);
      cur = '';
    } else cur += path[i];
  }
  out.push(cur);
  return out;
}

/**
 * Calls `at(container, field)` for each place the path leads to in `node`: the map holding the
 * last field, whether or not the field is there (`at` decides). Without `create`, a missing
 * field on the way ends that branch.
 */
export function visitPath(node: unknown, fields: string[], create: boolean, at: (container: JsonMap, field: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitPath(item, fields, create, at);
    return;
  }
  if (!isMap(node) || !fields.length) return;
  const list = fields[0].endsWith('[]');
  const field = list ? fields[0].slice(0, -2) : fields[0];
  if (fields.length === 1) return at(node, field);
  let child = getOwn(node, field);
  if (child === undefined || child === null) {
    if (!create || list) return;
    child = {};
    setOwn(node, field, child);
  }
  visitPath(child, fields.slice(1), create, at);
}

/** Applies `at` at every field spec that selects the object. */
export function visitSpecs(obj: JsonMap, specs: readonly FieldSpec[], at: (container: JsonMap, field: string, spec: FieldSpec) => void): void {
  for (const fs of specs) if (selects(fs, obj)) visitPath(obj, pathFields(fs.path), !!fs.create, (c, f) => at(c, f, fs));
}
