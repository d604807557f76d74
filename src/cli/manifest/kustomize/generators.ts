// configMapGenerator and secretGenerator: objects made from literals, files and env files, with
// generatorOptions, merged into or replacing a resource of a base when `behavior` says so
// (absorb.ts).
import * as path from 'node:path';
import { setOwn } from '../../../api/meta/own';
import { absorb } from './absorb';
import { type JsonMap, KustomizeError, type Resource, kindOf, newResource } from './resource';

export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

export interface GeneratorArgs {
  name?: string;
  namespace?: string;
  behavior?: string;
  literals?: string[];
  files?: string[];
  envs?: string[];
  env?: string;
  type?: string;
  options?: GeneratorOptions;
}

/** Reads a file named relative to the kustomization, with kustomize's errors. */
export type ReadFile = (rel: string) => Buffer;

/** kustomize's removeQuotes: one pair of matching outer quotes goes. */
function removeQuotes(s: string): string {
  if (s.length < 2 || s[0] !== s[s.length - 1]) return s;
  return s[0] === '"' || s[0] === "'" ? s.slice(1, -1) : s;
}

function literal(source: string): [string, string] {
  const i = source.indexOf('=');
  if (i < 0) throw new KustomizeError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, i), removeQuotes(source.slice(i + 1))];
}

/** KEY=VALUE lines (leading blanks dropped); blank lines and # comments skipped. */
function envPairs(text: string): [string, string][] {
  const out: [string, string][] = [];
  const lines = text.replace(/^\ufeff/, '').split('\n');
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '').replace(/^\s+/, '');
    if (!line || line.startsWith('#')) continue;
    const i = line.indexOf('=');
    // The key is taken as written (kustomize does not check it); a line without "=" would be read
    // from kubectl's environment, which pocketkube does not pass in: it is empty here.
    out.push([i < 0 ? line : line.slice(0, i), i < 0 ? '' : line.slice(i + 1)]);
  }
  return out;
}

function fileSource(source: string): [string, string] {
  const i = source.indexOf('=');
  if (i < 0) return [path.basename(source), source];
  const key = source.slice(0, i);
  const file = source.slice(i + 1);
  if (!key) throw new KustomizeError(`key name for file path ${file} missing`);
  if (!file) throw new KustomizeError(`file path for key name ${key} missing`);
  return [key, file];
}

function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Runs one kind of source, its errors worded as kustomize's KV loader words them. */
function loading<T>(what: string, sources: string[], fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof KustomizeError) throw new KustomizeError(`loading KV pairs: ${what}[${sources.join(' ')}]: ${e.message}`);
    throw e;
  }
}

/** The generator's key/value pairs in kustomize's order: env files, literals, files. */
function pairs(args: GeneratorArgs, read: ReadFile): { key: string; value: Buffer | string }[] {
  const out: { key: string; value: Buffer | string }[] = [];
  const envs = [...(args.envs ?? []), ...(args.env ? [args.env] : [])];
  loading('env source files: ', envs, () => {
    for (const e of envs) for (const [key, value] of envPairs(read(e).toString('utf8'))) out.push({ key, value });
  });
  loading('literal sources ', args.literals ?? [], () => {
    for (const l of args.literals ?? []) {
      const [key, value] = literal(l);
      out.push({ key, value });
    }
  });
  loading('file sources: ', args.files ?? [], () => {
    for (const f of args.files ?? []) {
      const [key, file] = fileSource(f);
      out.push({ key, value: read(file) });
    }
  });
  const seen = new Set<string>();
  for (const p of out) {
    if (seen.has(p.key)) throw new KustomizeError(`configmap cannot be made with duplicate key ${JSON.stringify(p.key)}`);
    seen.add(p.key);
  }
  return out;
}

function mergedOptions(global: GeneratorOptions | undefined, own: GeneratorOptions | undefined): GeneratorOptions {
  return {
    labels: { ...(global?.labels ?? {}), ...(own?.labels ?? {}) },
    annotations: { ...(global?.annotations ?? {}), ...(own?.annotations ?? {}) },
    disableNameSuffixHash: !!(global?.disableNameSuffixHash || own?.disableNameSuffixHash),
    immutable: !!(global?.immutable || own?.immutable),
  };
}

function makeObject(kind: 'ConfigMap' | 'Secret', args: GeneratorArgs, opts: GeneratorOptions, read: ReadFile): JsonMap {
  const metadata: JsonMap = { name: args.name ?? '' };
  if (args.namespace) metadata.namespace = args.namespace;
  if (Object.keys(opts.labels!).length) metadata.labels = { ...opts.labels };
  if (Object.keys(opts.annotations!).length) metadata.annotations = { ...opts.annotations };
  const obj: JsonMap = { apiVersion: 'v1', kind, metadata };
  const data: JsonMap = {};
  const binary: JsonMap = {};
  for (const { key, value } of pairs(args, read)) {
    if (kind === 'Secret') setOwn(data, key, Buffer.from(value).toString('base64'));
    else if (typeof value === 'string' || isUtf8(value)) setOwn(data, key, value.toString());
    else setOwn(binary, key, value.toString('base64'));
  }
  // A Secret always has its data map; a ConfigMap only when it holds something.
  if (kind === 'Secret' || Object.keys(data).length) obj.data = data;
  if (Object.keys(binary).length) obj.binaryData = binary;
  if (kind === 'Secret') obj.type = args.type || 'Opaque';
  if (opts.immutable) obj.immutable = true;
  return obj;
}

/** Whether two namespaces are the same once "" means "default" (kustomize's IsNsEquals). */
const sameNamespace = (a: string, b: string) => (a || 'default') === (b || 'default');

/** Runs one generator over the resources accumulated so far. */
export function generate(kind: 'ConfigMap' | 'Secret', args: GeneratorArgs, global: GeneratorOptions | undefined, resources: Resource[], read: ReadFile): void {
  const opts = mergedOptions(global, args.options);
  const obj = makeObject(kind, args, opts, read);
  const behavior = args.behavior || 'create';
  const name = args.name ?? '';
  const existing = resources.find((r) => kindOf(r.obj) === kind && r.ids.some((id) => id.name === name && sameNamespace(id.namespace, args.namespace ?? '')));
  if (behavior === 'create') {
    if (existing) throw new KustomizeError(`may not add resource with an already registered id: ${kind}.v1.[noGrp]/${name}.${args.namespace || '[noNs]'}`);
    const r = newResource(obj);
    r.hashName = !opts.disableNameSuffixHash;
    resources.push(r);
    return;
  }
  if (behavior !== 'merge' && behavior !== 'replace') throw new KustomizeError(`unknown generation behavior '${behavior}'`);
  // kustomize prints the generator's address here (Go's %v of a pointer); any stands for it.
  if (!existing) throw new KustomizeError(`merging from generator &{0xc000000000 <nil>}: id resid.ResId{Gvk:resid.Gvk{Group:"", Version:"v1", Kind:"${kind}", isClusterScoped:false}, Name:"${name}", Namespace:"${args.namespace ?? ''}"} does not exist; cannot merge or replace`);
  existing.obj = absorb(existing.obj, obj, behavior);
  if (opts.disableNameSuffixHash) existing.hashName = false;
}
