// The file side of a build: finding a directory's kustomization file, reading it (strictly, as
// sigs.k8s.io/yaml unmarshals it into kustomize's Kustomization), and reading the files it names
// under the root-only load restriction, with kustomize's error texts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KustomizeError, type JsonMap, isMap } from './resource';
import { readSigsYaml } from './yaml';

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** The Kustomization fields pocketkube builds; others are refused rather than ignored. */
const FIELDS = new Set([
  'apiVersion', 'kind', 'metadata', 'resources', 'bases', 'namespace', 'namePrefix', 'nameSuffix', 'commonLabels', 'labels', 'commonAnnotations',
  'images', 'replicas', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'configMapGenerator', 'secretGenerator', 'generatorOptions',
  'sortOptions', 'components', 'imageTags', 'replacements', 'vars',
]);
const KNOWN_UNSUPPORTED = new Set(['buildMetadata', 'openapi', 'configurations', 'crds', 'helmCharts', 'helmGlobals', 'helmChartInflationGenerator', 'generators', 'transformers', 'validators', 'inventory']);

/** The deprecated fields kustomize warns about, with the field to use instead. */
const DEPRECATED: Record<string, string> = {
  bases: "'resources'",
  commonLabels: "'labels'",
  imageTags: "'images'",
  patchesJson6902: "'patches'",
  patchesStrategicMerge: "'patches'",
  vars: "'replacements' instead. [EXPERIMENTAL]",
};

export function deprecationWarnings(k: JsonMap): string[] {
  return Object.keys(DEPRECATED)
    .filter((f) => f in k)
    .sort()
    .map((f) => {
      const instead = DEPRECATED[f];
      const use = instead.includes('[') ? `Please use ${instead}` : `Please use ${instead} instead.`;
      return `# Warning: '${f}' is deprecated. ${use} Run 'kustomize edit fix' to update your Kustomization automatically.`;
    });
}

const lstatText = (abs: string) => `evalsymlink failure on '${abs}' : lstat ${abs}: no such file or directory`;

/** The kustomization file of a directory, or kustomize's error. */
export function kustomizationFile(dir: string): string {
  const found = KUSTOMIZATION_FILES.filter((f) => fs.existsSync(path.join(dir, f)));
  if (!found.length) throw new KustomizeError(`unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`);
  if (found.length > 1) throw new KustomizeError(`Found multiple kustomization files under: ${dir}`);
  return path.join(dir, found[0]);
}

function goTypeName(v: unknown): string {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : 'string';
}

const goType = (v: unknown): string => (typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'number' : Array.isArray(v) ? 'array' : isMap(v) ? 'object' : 'string');

/** encoding/json's refusal of a value of the wrong type, named by struct and field path. */
function typeError(v: unknown, struct: string, fieldPath: string, type: string): KustomizeError {
  return new KustomizeError(`invalid Kustomization: json: cannot unmarshal ${goType(v)} into Go struct field ${struct}.${fieldPath} of type ${type}`);
}

const STRING_FIELDS = ['namespace', 'namePrefix', 'nameSuffix'];
const STRING_LISTS = ['resources', 'bases', 'components', 'patchesStrategicMerge'];

/** The typed fields users get wrong most (numbers where strings go): checked as encoding/json would. */
function checkTypes(k: JsonMap): void {
  for (const f of STRING_FIELDS) if (k[f] !== undefined && k[f] !== null && typeof k[f] !== 'string') throw typeError(k[f], 'Kustomization', f, 'string');
  for (const f of STRING_LISTS)
    if (Array.isArray(k[f])) for (const v of k[f] as unknown[]) if (v !== null && typeof v !== 'string') throw typeError(v, 'Kustomization', f, 'string');
  if (Array.isArray(k.images))
    for (const img of k.images)
      if (isMap(img))
        for (const f of ['name', 'newName', 'newTag', 'digest', 'tagSuffix'])
          if (img[f] !== undefined && img[f] !== null && typeof img[f] !== 'string') throw typeError(img[f], 'Image', `images.${f}`, 'string');
  if (Array.isArray(k.replicas))
    for (const r of k.replicas)
      if (isMap(r)) {
        if (r.name !== undefined && r.name !== null && typeof r.name !== 'string') throw typeError(r.name, 'Replica', 'replicas.name', 'string');
        if (r.count !== undefined && r.count !== null && !Number.isInteger(r.count)) throw typeError(r.count, 'Replica', 'replicas.count', 'int64');
      }
}

/** Checks the string maps encoding/json would refuse to fill. */
function checkStringMap(k: JsonMap, field: string): void {
  const m = k[field];
  if (m === undefined || m === null) return;
  if (!isMap(m)) throw new KustomizeError(`invalid Kustomization: json: cannot unmarshal ${goTypeName(m)} into Go struct field Kustomization.${field} of type map[string]string`);
  for (const v of Object.values(m))
    if (typeof v !== 'string') throw new KustomizeError(`invalid Kustomization: json: cannot unmarshal ${goTypeName(v)} into Go struct field Kustomization.${field} of type string`);
}

export function readKustomization(file: string): JsonMap {
  const text = fs.readFileSync(file, 'utf8');
  let doc: unknown;
  try {
    doc = readSigsYaml(text);
  } catch (e) {
    throw new KustomizeError(`invalid Kustomization: ${(e as Error).message}`);
  }
  const k = doc === undefined || doc === null ? {} : doc;
  if (!isMap(k)) throw new KustomizeError(`invalid Kustomization: json: cannot unmarshal ${goTypeName(k)} into Go value of type types.Kustomization`);
  for (const key of Object.keys(k)) {
    if (KNOWN_UNSUPPORTED.has(key)) throw new KustomizeError(`pocketkube does not support the kustomization field '${key}' yet`);
    if (!FIELDS.has(key)) throw new KustomizeError(`invalid Kustomization: json: unknown field ${JSON.stringify(key)}`);
  }
  for (const f of ['commonLabels', 'commonAnnotations']) checkStringMap(k, f);
  checkTypes(k);
  return k;
}

/** Whether a field holds what Go would see as its zero value (imageTags: [] is moved into images). */
const isZero = (key: string, v: unknown) => v === null || v === '' || (key === 'imageTags' && Array.isArray(v) && !v.length);

/**
 * A directory's kustomization, read, its deprecation warnings added to `warnings` (kustomize
 * prints them as it loads, whatever happens next); one with nothing set but its apiVersion and
 * kind is refused as empty.
 */
export function loadKustomization(dir: string, warnings: string[]): JsonMap {
  const k = readKustomization(kustomizationFile(dir));
  warnings.push(...deprecationWarnings(k));
  if (!Object.keys(k).some((key) => key !== 'apiVersion' && key !== 'kind' && !isZero(key, k[key]))) throw new KustomizeError('kustomization.yaml is empty');
  return k;
}

/** A path named in a kustomization, made absolute, refused outside the root as kustomize's loader does. */
export function fileUnderRoot(root: string, rel: string, bound: string | null = root): string {
  const abs = path.resolve(root, rel);
  let real: string;
  try {
    real = fs.realpathSync(abs);
  } catch {
    // Without the restriction kustomize opens the file as it is, with the plain error.
    throw new KustomizeError(bound === null ? `open ${abs}: no such file or directory` : lstatText(abs));
  }
  if (bound !== null && real !== bound && !real.startsWith(bound + path.sep)) throw new KustomizeError(`security; file '${real}' is not in or below '${bound}'`);
  return real;
}

/** Reads a file named in the kustomization (generator sources, patches). */
export function readUnderRoot(root: string, rel: string, bound: string | null = root): Buffer {
  return fs.readFileSync(fileUnderRoot(root, rel, bound));
}

/** Remote targets (git repositories, URLs) kustomize would fetch; pocketkube does not. */
export const REMOTE = /^(https?:\/\/|ssh:\/\/|git@|git::|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/;

export type Entry = { kind: 'file'; abs: string } | { kind: 'dir'; abs: string };

/** What a resources entry names, or the error kustomize reports for it. */
export function resourceEntry(root: string, rel: string, bound: string | null = root): Entry {
  const abs = path.resolve(root, rel);
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (!stat && REMOTE.test(rel)) throw new KustomizeError(`pocketkube builds local kustomizations only: '${rel}' names a remote resource`);
  if (!stat) {
    const missing = lstatText(abs);
    throw new KustomizeError(`accumulation err='accumulating resources from '${rel}': ${missing}': must build at directory: not a valid directory: ${missing}`);
  }
  const real = fs.realpathSync(abs);
  if (stat.isDirectory()) return { kind: 'dir', abs: real };
  if (bound !== null && real !== bound && !real.startsWith(bound + path.sep))
    throw new KustomizeError(
      `accumulation err='accumulating resources from '${rel}': security; file '${real}' is not in or below '${bound}'': must build at directory: '${real}': file is not directory`,
    );
  return { kind: 'file', abs: real };
}

/** The error of a resource file whose content kustomize refuses. */
export function resourceFileError(rel: string, abs: string, message: string): KustomizeError {
  return new KustomizeError(`accumulation err='accumulating resources from '${rel}': ${message}': must build at directory: '${abs}': file is not directory`);
}

/** The root directory of a build, or kustomize's error for the path given. */
export function buildRoot(dir: string): string {
  if (REMOTE.test(dir)) throw new KustomizeError(`pocketkube builds local kustomizations only: '${dir}' names a remote resource`);
  const abs = path.resolve(dir);
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (!stat) throw new KustomizeError(`must build at directory: not a valid directory: evalsymlink failure on '${dir}' : lstat ${abs}: no such file or directory`);
  if (!stat.isDirectory()) throw new KustomizeError(`must build at directory: '${dir}': file is not directory`);
  return fs.realpathSync(abs);
}
