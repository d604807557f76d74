// vars (deprecated, still common): a named field of a resource of the build, substituted for
// $(NAME) in the fields kustomize's varReference lists (container args, command, env values,
// mount paths, a few Ingress and Service fields) once names are final.
import { getOwn } from '../../../api/meta/own';
import { visitSpecs, type FieldSpec } from './fieldspec';
import { KustomizeError, type JsonMap, type Resource, groupVersion, isMap, kindOf } from './resource';

export interface Var {
  name?: string;
  objref?: { kind?: string; name?: string; apiVersion?: string; group?: string; version?: string; namespace?: string };
  fieldref?: { fieldpath?: string };
}

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** The objref's group, version and kind as kustomize's Target.GVK makes them: apiVersion, when set, over group and version. */
function objrefGvk(v: Var, parseApiVersion: boolean): Gvk {
  const ref = v.objref ?? {};
  const gvk = { group: ref.group ?? '', version: ref.version ?? '', kind: ref.kind ?? '' };
  if (!parseApiVersion || !ref.apiVersion) return gvk;
  const parts = ref.apiVersion.split('/');
  if (parts.length === 2) [gvk.group, gvk.version] = parts;
  if (parts.length === 1) gvk.version = parts[0];
  return gvk;
}

/**
 * A var as kustomize's errors print it (Go's %v of types.Var): name, the objref as its Gvk's
 * String(), the fieldref. `parsed`: after Target.GVK() read the apiVersion; `fieldpath`: the
 * fieldref as defaulted (metadata.name) or as written.
 */
function varText(v: Var, parsed: boolean, defaulted: boolean): string {
  const { group, version, kind } = objrefGvk(v, parsed);
  const fieldpath = v.fieldref?.fieldpath || (defaulted ? 'metadata.name' : '');
  return `{${v.name ?? ''} ${kind || '[noKind]'}.${version || '[noVer]'}.${group || '[noGrp]'} {${fieldpath}}}`;
}

/** kustomize's log line for vars defined but never substituted (its order is Go's map order; here by name). */
export const unusedVarsLog = (names: readonly string[]) => `well-defined vars that were never replaced: ${names.join(',')}`;

/** The vars of a build, and which resource each names (tagged when its level merged it). */
export interface VarSet {
  vars: Var[];
  owners: Map<string, Resource>;
}

const CONTAINER_FIELDS = ['args', 'command', 'env/value', 'volumeMounts/mountPath'];
const podPaths = (prefix: string, volumes: string) => [
  ...['containers', 'initContainers'].flatMap((c) => CONTAINER_FIELDS.map((f) => `${prefix}spec/${c}/${f}`)),
  volumes,
];

/** kustomize's builtin varReference field specs. */
const VAR_REFERENCES: readonly FieldSpec[] = [
  ...podPaths('spec/jobTemplate/spec/template/', 'spec/jobTemplate/spec/template/volumes/nfs/server').map((path) => ({ path, kind: 'CronJob' })),
  ...['DaemonSet', 'Deployment', 'Job', 'ReplicaSet', 'StatefulSet'].flatMap((kind) =>
    podPaths('spec/template/', kind === 'StatefulSet' ? 'spec/volumeClaimTemplates/spec/nfs/server' : 'spec/template/spec/volumes/nfs/server').map((path) => ({ path, kind })),
  ),
  { path: 'spec/template/metadata/annotations', kind: 'Deployment' },
  ...['spec/rules/host', 'spec/tls/hosts', 'spec/tls/secretName'].map((path) => ({ path, kind: 'Ingress' })),
  ...podPaths('', 'spec/volumes/nfs/server').map((path) => ({ path, kind: 'Pod' })),
  { path: 'spec/ports/port', kind: 'Service' },
  { path: 'spec/ports/targetPort', kind: 'Service' },
  { path: 'spec/nfs/server', kind: 'PersistentVolume' },
];

/** A level's vars: each tied to the one resource (by any of its ids) its objref names. */
export function mergeVars(set: VarSet, resources: readonly Resource[], vars: readonly Var[]): void {
  for (const v of vars) {
    const name = v.name ?? '';
    if (set.vars.some((x) => x.name === name)) throw new KustomizeError(`var '${name}' already encountered`);
    const ref = v.objref ?? {};
    // The objref's group, version and kind must all be the resource's (an objref without an
    // apiVersion names nothing); without a namespace it matches in any.
    const gvk = objrefGvk(v, true);
    const matched = resources.filter((r) => {
      const { group, version } = groupVersion(r.obj);
      return (
        kindOf(r.obj) === gvk.kind &&
        group === gvk.group &&
        version === gvk.version &&
        r.ids.some((id) => id.name === ref.name && (!ref.namespace || (id.namespace || 'default') === ref.namespace))
      );
    });
    if (matched.length > 1) {
      const level = vars.map((x) => varText(x, false, false)).join(' ');
      throw new KustomizeError(`merging vars [${level}]: found ${matched.length} resId matches for var ${varText(v, true, false)} (unable to disambiguate)`);
    }
    if (matched.length === 1) set.owners.set(name, matched[0]);
    set.vars.push(v);
  }
}

/** A field path such as spec.ports[0].port or metadata.name. */
function fieldValue(obj: JsonMap, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    if (m[1]) cur = isMap(cur) ? getOwn(cur, m[1]) : undefined;
    for (const idx of m[2].match(/\d+/g) ?? []) cur = Array.isArray(cur) ? cur[Number(idx)] : undefined;
  }
  return cur;
}

/** k8s's $(VAR) expansion: $$ is a literal $, an unknown name stays as written, a whole-field var keeps its type. */
function expand(input: string, value: (name: string) => unknown): unknown {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c !== '$' || i + 1 >= input.length) {
      out += c;
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(') {
      const close = input.indexOf(')', i + 2);
      if (close < 0) {
        out += '$(';
        i++;
        continue;
      }
      const name = input.slice(i + 2, close);
      const mapped = value(name);
      if (input === `$(${name})`) return mapped;
      out += typeof mapped === 'string' ? mapped : JSON.stringify(mapped);
      i = close;
    } else {
      out += '$' + next;
      i++;
    }
  }
  return out;
}

/** Substitutes the vars everywhere varReference says; returns the names never used. */
export function resolveVars(set: VarSet, resources: readonly Resource[]): string[] {
  if (!set.vars.length) return [];
  const values = new Map<string, unknown>();
  // kustomize's VarSet hands its vars out sorted by name, so the first failure is by name too.
  const byName = [...set.vars].sort((a, b) => ((a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : 0));
  for (const v of byName) {
    const name = v.name ?? '';
    const owner = set.owners.get(name);
    if (!owner) throw new KustomizeError(`var '${varText(v, true, true)}' cannot be mapped to a field in the set of known resources`);
    const value = fieldValue(owner.obj, v.fieldref?.fieldpath || 'metadata.name');
    if (value === undefined) throw new KustomizeError(`field specified in var '${varText(v, true, true)}' not found in corresponding resource`);
    values.set(name, value);
  }
  const used = new Set<string>();
  const lookup = (name: string) => {
    if (!values.has(name)) return `$(${name})`;
    used.add(name);
    return values.get(name);
  };
  for (const r of resources)
    visitSpecs(r.obj, VAR_REFERENCES, (container, field) => {
      const v = getOwn(container, field);
      if (typeof v === 'string') container[field] = expand(v, lookup);
      else if (Array.isArray(v)) {
        if (v.some((x) => typeof x !== 'string')) throw new KustomizeError('invalid value type expect a string');
        container[field] = v.map((x) => expand(x as string, lookup));
      } else if (isMap(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') v[k] = expand(x, lookup);
    });
  return byName.map((v) => v.name ?? '').filter((n) => !used.has(n));
}
