// A kustomization directory built into objects, as kustomize v5.5's KustTarget does it: each
// level accumulates its resources (files, and the builds of the directories it names), runs its
// generators, then its transformers in kustomize's order; at the top, generated names get their
// content hash, references follow the renames, and the result takes the legacy order.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setOwn } from '../../../api/meta/own';
import { type GeneratorArgs, type GeneratorOptions, generate } from './generators';
import { contentHash } from './hash';
import { type ImageArgs, setImages } from './images';
import { buildRoot, loadKustomization, readUnderRoot, resourceEntry, resourceFileError } from './load';
import { type LabelArgs, addAnnotations, addCommonLabels, addLabels } from './metadata';
import { fixNameReferences } from './namereference';
import { addPrefixSuffix, setNamespace } from './names';
import { legacyOrder } from './order';
import { type Bound, applyLegacyJson, applyLegacyStrategic, applyPatchEntry } from './patchentries';
import { idText } from './patches';
import { type Replacement, applyReplacements } from './replacements';
import { type ReplicaArgs, setReplicas } from './replicas';
import { type JsonMap, KustomizeError, type Resource, isMap, kindOf, meta, nameOf, newResource, noteId } from './resource';
import { type Var, type VarSet, mergeVars, resolveVars, unusedVarsLog } from './vars';
import { readKyaml, readSigsYaml } from './yaml';

export interface BuildResult {
  objects: JsonMap[];
  /** kustomize's deprecation warnings, for standard error. */
  warnings: string[];
  /** What kustomize logs through Go's log package: kubectl prints each as a klog info line (log.go:245). */
  logs: string[];
}

/** kustomize's warning when a kustomization's sortOptions meet an order asked for by the caller. */
export const SORT_ORDER_WARNING =
  "Warning: Sorting order is set both in 'kustomization.yaml' ('sortOptions') and in a CLI flag ('--reorder'). Using the kustomization file over the CLI flag.";

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v.filter(isMap) as T[]) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The objects of a resource file: documents, with Lists standing for their items. */
function fileObjects(abs: string, rel: string): JsonMap[] {
  let docs: unknown[];
  try {
    docs = readKyaml(fs.readFileSync(abs, 'utf8'), rel);
  } catch (e) {
    if (!(e instanceof KustomizeError)) throw e;
    throw new KustomizeError(`accumulating resources from '${rel}': MalformedYAMLError: ${e.message.replace(`${rel}: `, '')} in File: ${rel}`);
  }
  const out: JsonMap[] = [];
  for (const d of docs) {
    if (!isMap(d)) throw resourceFileError(rel, abs, `missing Resource metadata`);
    if (kindOf(d).endsWith('List') && Array.isArray(d.items)) out.push(...d.items.filter(isMap));
    else out.push(d);
  }
  for (const o of out) {
    if (!nameOf(o)) throw resourceFileError(rel, abs, `missing metadata.name in object {{${str(o.apiVersion)} ${kindOf(o)}} {{ } map[] map[]}}`);
  }
  return out;
}

function add(resources: Resource[], r: Resource): void {
  const dup = resources.find((x) => kindOf(x.obj) === kindOf(r.obj) && x.obj.apiVersion === r.obj.apiVersion && nameOf(x.obj) === nameOf(r.obj) && (meta(x.obj).namespace ?? '') === (meta(r.obj).namespace ?? ''));
  if (dup) throw new KustomizeError(`may not add resource with an already registered id: ${idText(r.obj)}`);
  resources.push(r);
}

function accumulateResources(root: string, k: JsonMap, ctx: Ctx, resources: Resource[]): void {
  for (const rel of [...strings(k.resources), ...strings(k.bases)]) {
    const entry = resourceEntry(root, rel, bound(ctx, root));
    if (entry.kind === 'file') {
      for (const obj of fileObjects(entry.abs, rel)) {
        try {
          add(resources, newResource(obj));
        } catch (e) {
          if (!(e instanceof KustomizeError)) throw e;
          throw new KustomizeError(`accumulation err='merging resources from '${rel}': ${e.message}': must build at directory: '${entry.abs}': file is not directory`);
        }
      }
      continue;
    }
    const head = `accumulation err='accumulating resources from '${rel}': '${entry.abs}' must resolve to a file'`;
    let subK: JsonMap;
    try {
      subK = loadKustomization(entry.abs, ctx.warnings);
    } catch (e) {
      if (e instanceof KustomizeError) throw new KustomizeError(`${head}: couldn't make target for path '${entry.abs}': ${e.message}`);
      throw e;
    }
    if (subK.kind === 'Component') throw new KustomizeError(`${head}: expected kind != 'Component' for path '${entry.abs}'`);
    let sub: Resource[];
    try {
      sub = accumulate(entry.abs, subK, ctx);
    } catch (e) {
      if (e instanceof KustomizeError) throw new KustomizeError(`${head}: recursed accumulation of path '${entry.abs}': ${e.message}`);
      throw e;
    }
    for (const r of sub) add(resources, r);
  }
}

/**
 * components: each one's resources join this level's, and its generators and transformers run
 * over everything accumulated so far, before this level's own.
 */
function accumulateComponents(root: string, k: JsonMap, ctx: Ctx, resources: Resource[]): void {
  for (const rel of strings(k.components)) {
    const abs = path.resolve(root, rel);
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (!stat?.isDirectory()) throw new KustomizeError(`accumulating components: pocketkube reads components from local directories only: '${rel}'`);
    const real = fs.realpathSync(abs);
    accumulate(real, loadKustomization(real, ctx.warnings), ctx, resources);
  }
}

/**
 * One level: resources, components, generators, then transformers in KustTarget's order. A
 * component works on the resources of the level that names it (`into`).
 */
function accumulate(root: string, k: JsonMap, ctx: Ctx, into?: Resource[]): Resource[] {
  const kind = str(k.kind) || 'Kustomization';
  if (into && kind !== 'Component') throw new KustomizeError(`accumulating components: accumulateDirectory: "expected kind 'Component' for path '${root}' but got '${kind}'"`);
  const resources: Resource[] = into ?? [];
  try {
    accumulateResources(root, k, ctx, resources);
  } catch (e) {
    if (e instanceof KustomizeError) throw new KustomizeError(`accumulating resources: ${e.message}`);
    throw e;
  }
  accumulateComponents(root, k, ctx, resources);
  const read = (rel: string) => readUnderRoot(root, rel, bound(ctx, root));
  const options = isMap(k.generatorOptions) ? (k.generatorOptions as GeneratorOptions) : undefined;
  for (const [field, kind] of [['configMapGenerator', 'ConfigMap'], ['secretGenerator', 'Secret']] as const)
    for (const args of list<GeneratorArgs>(k[field])) {
      generate(kind, args, options, resources, read);
    }
  applyLegacyStrategic(root, bound(ctx, root), resources, strings(k.patchesStrategicMerge));
  for (const entry of list<JsonMap>(k.patches)) applyPatchEntry(root, bound(ctx, root), resources, entry);
  setNamespace(resources, str(k.namespace));
  addPrefixSuffix(resources, str(k.namePrefix), '');
  addPrefixSuffix(resources, '', str(k.nameSuffix));
  for (const l of list<LabelArgs>(k.labels)) addLabels(resources, l);
  addCommonLabels(resources, isMap(k.commonLabels) ? (k.commonLabels as Record<string, string>) : undefined);
  addAnnotations(resources, isMap(k.commonAnnotations) ? (k.commonAnnotations as Record<string, string>) : undefined);
  applyLegacyJson(root, bound(ctx, root), resources, list<JsonMap>(k.patchesJson6902));
  setReplicas(resources, list<ReplicaArgs>(k.replicas));
  setImages(resources, [...list<ImageArgs>(k.images), ...list<ImageArgs>(k.imageTags)]);
  applyReplacements(resources, replacementsOf(root, bound(ctx, root), list<JsonMap>(k.replacements)));
  mergeVars(ctx.vars, resources, list<Var>(k.vars));
  return resources;
}

/** replacements entries: inline, or `path:` to a file of one replacement or a list of them. */
function replacementsOf(root: string, b: Bound, entries: JsonMap[]): Replacement[] {
  return entries.flatMap((e) => {
    if (typeof e.path !== 'string') return [e as Replacement];
    const doc = readSigsYaml(readUnderRoot(root, e.path, b).toString('utf8'));
    return (Array.isArray(doc) ? doc.filter(isMap) : isMap(doc) ? [doc] : []) as Replacement[];
  });
}

/** What every level of one build shares. */
interface Ctx {
  warnings: string[];
  vars: VarSet;
  /** kustomize's default LoadRestrictionsRootOnly: files only from under each kustomization's root. */
  rootOnly: boolean;
}

/** The directory a level's files must be under, if any. */
const bound = (ctx: Ctx, root: string): Bound => (ctx.rootOnly ? root : null);

export interface BuildOptions {
  /** --load-restrictor=LoadRestrictionsNone lets a kustomization read files outside its root. */
  loadRestrictionsNone?: boolean;
  /**
   * An order was asked for besides the kustomization's: `kubectl kustomize --reorder`, and every
   * -k (kubectl's resource builder always asks for the legacy order), so a top kustomization
   * with sortOptions, even `{}`, logs SORT_ORDER_WARNING.
   */
  reorderFlag?: boolean;
}

/** Builds the kustomization in `dir` (kubectl kustomize DIR, and -k DIR). */
export function build(dir: string, options: BuildOptions = {}): BuildResult {
  const ctx: Ctx = { warnings: [], vars: { vars: [], owners: new Map() }, rootOnly: !options.loadRestrictionsNone };
  const logs: string[] = [];
  try {
    const root = buildRoot(dir);
    const top = loadKustomization(root, ctx.warnings);
    const resources = accumulate(root, top, ctx);
    for (const r of resources) {
      if (!r.hashName) continue;
      setOwn(meta(r.obj), 'name', `${nameOf(r.obj)}-${contentHash(r.obj)}`);
      noteId(r);
    }
    fixNameReferences(resources);
    const unused = resolveVars(ctx.vars, resources);
    if (unused.length) logs.push(unusedVarsLog(unused));
    // Logged once the build is made, before sortOptions are checked (Kustomizer.applySortOrder).
    const sortOptions = top.sortOptions;
    if (options.reorderFlag && sortOptions !== undefined && sortOptions !== null) logs.push(SORT_ORDER_WARNING);
    return { objects: sorted(resources, sortOptions).map((r) => r.obj), warnings: ctx.warnings, logs };
  } catch (e) {
    // The warnings and logs of what was done before the failure are printed too.
    if (e instanceof KustomizeError) {
      e.warnings = ctx.warnings;
      e.logs = logs;
    }
    throw e;
  }
}

/** The top kustomization's sortOptions: legacy (the default, kubectl has no --reorder) or fifo. */
function sorted(resources: Resource[], options: unknown): Resource[] {
  if (!isMap(options)) return legacyOrder(resources);
  const order = str(options.order);
  if (order !== 'fifo' && order !== 'legacy') throw new KustomizeError("the field 'sortOptions.order' must be one of [fifo, legacy]");
  const legacy = options.legacySortOptions;
  if (order === 'fifo') {
    if (legacy !== undefined && legacy !== null) throw new KustomizeError("the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'");
    return resources;
  }
  if (!isMap(legacy)) return legacyOrder(resources);
  return legacyOrder(resources, strings(legacy.orderFirst), strings(legacy.orderLast));
}
