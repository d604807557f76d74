// -f/--filename and -R: reading manifests from files, directories and stdin the way kubectl's
// resource builder does. Each file is a stream of documents read in order; what cannot be read
// becomes an error that the verb reports after acting on everything it could read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ResourceType, typeForKind } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import { canonicalJson } from '../../api/meta/canonical';
import { CliError } from '../errors';
import type { IO } from '../io';
import { klogInfo } from '../klog';
import { decodeProblem, validationProblem } from './decode';
import { NumberOverflowError, parseDocument, splitDocuments } from './documents';

export interface ManifestObject {
  obj: KubeObject;
  /** The served type the object maps to. */
  type: ResourceType;
  /** The file it came from ("STDIN" for -), used in "error when creating ..." messages. */
  source: string;
}

export interface Manifests {
  objects: ManifestObject[];
  /** Why a file stopped early, in file order. */
  errors: CliError[];
}

export interface ReadOptions {
  recursive: boolean;
  /** kubectl's client-side validation (--validate other than false/ignore); only create/apply have it. */
  validate: boolean;
  /** -k: the objects of this kustomization directory instead of files (kustomize/). */
  kustomize?: string;
  /**
   * --local: kubectl's builder maps nothing (no discovery). An unstructured builder (label,
   * annotate, patch) keeps an object of a kind no type serves as it was read; a typed one (set)
   * fails to decode it into kubectl's scheme.
   */
  local?: 'unstructured' | 'typed';
}

const EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

function listFiles(p: string, recursive: boolean): string[] {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) throw new CliError(`the path ${JSON.stringify(p)} does not exist`);
  if (!stat.isDirectory()) return [p];
  const out: string[] = [];
  for (const entry of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(p, entry.name);
    if (entry.isDirectory()) {
      if (recursive) out.push(...listFiles(full, true).filter((f) => EXTENSIONS.has(path.extname(f))));
    } else if (EXTENSIONS.has(path.extname(entry.name))) out.push(full);
  }
  return out;
}

/** The resource an object maps to, or kubectl's "resource mapping not found" error. */
function mapping(obj: KubeObject, source: string, local: ReadOptions['local']): ResourceType {
  const t = typeForKind(obj.apiVersion, obj.kind);
  if (t) return t;
  if (local === 'unstructured') return unservedType(obj);
  if (local === 'typed' && !obj.apiVersion) throw new CliError(`unable to decode ${JSON.stringify(source)}: Object 'apiVersion' is missing in '${canonicalJson(obj)}'`);
  if (local === 'typed')
    throw new CliError(`unable to decode ${JSON.stringify(source)}: no kind ${JSON.stringify(obj.kind)} is registered for version ${JSON.stringify(obj.apiVersion ?? '')} in scheme "pkg/scheme/scheme.go:28"`);
  const { name = '', namespace = '' } = obj.metadata ?? {};
  throw new CliError(
    `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(namespace)} from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(obj.apiVersion)}\nensure CRDs are installed first`,
  );
}

/** kubectl's client-side validation failing; it ends the file. */
function validationError(problem: string, source: string): CliError {
  return new CliError(
    `error validating ${JSON.stringify(source)}: error validating data: ${problem}; if you choose to ignore these errors, turn validation off with --validate=false`,
  );
}

/** kubectl's client-side validation of one document. */
function validateDocument(doc: unknown, source: string): void {
  const problem = validationProblem(doc);
  if (problem) throw validationError(problem, source);
}

/** Decodes one object (cli-runtime's infoForData); its failure skips just that document. */
function decodeDocument(doc: unknown, source: string): KubeObject {
  const problem = decodeProblem(doc);
  if (problem) throw new CliError(`unable to decode ${JSON.stringify(source)}: ${problem}`);
  return doc as KubeObject;
}

/**
 * A local object of a kind pocketkube does not serve (a custom resource): its group, version and
 * kind as written, and no scope of its own (cli-runtime's Info counts an unmapped object as
 * namespaced when it names a namespace).
 */
function unservedType(obj: KubeObject): ResourceType {
  const av = obj.apiVersion ?? '';
  const slash = av.indexOf('/');
  const kind = obj.kind ?? '';
  const lower = kind.toLowerCase();
  return { group: slash < 0 ? '' : av.slice(0, slash), version: slash < 0 ? av : av.slice(slash + 1), kind, resource: lower, singular: lower, shortNames: [], namespaced: !!obj.metadata?.namespace, verbs: [] };
}

/** Decoded objects become manifests through one mapper per read. */
type ToManifest = (obj: KubeObject, source: string) => ManifestObject;
const manifestMapper =
  (local: ReadOptions['local']): ToManifest =>
  (obj, source) => ({ obj, type: mapping(obj, source, local), source });

/**
 * Reads one file's text into `into`, as kubectl's StreamVisitor does: a document that cannot be
 * decoded or mapped is reported and skipped; one that cannot be parsed or validated ends the file.
 */
function readStream(text: string, source: string, validate: boolean, toManifest: ToManifest, into: Manifests): void {
  const skip = (e: unknown) => {
    if (!(e instanceof CliError)) throw e;
    into.errors.push(e);
  };
  try {
    const { json, docs, scans } = splitDocuments(text);
    for (const [i, text] of docs.entries()) {
      let doc: unknown;
      try {
        doc = parseDocument(text, json, scans?.[i]);
      } catch (e) {
        // A number no float64 holds: the validator's parse fails first, else the decoder's.
        if (!(e instanceof NumberOverflowError)) throw e;
        if (validate) throw validationError(e.message, source);
        skip(new CliError(`unable to decode ${JSON.stringify(source)}: ${e.message}`));
        continue;
      }
      if (doc === undefined || doc === null) continue;
      if (validate) validateDocument(doc, source);
      try {
        const obj = decodeDocument(doc, source);
        // A List stands for its items (kubectl's FlattenListVisitor).
        if (obj.kind.endsWith('List') && Array.isArray(obj.items)) {
          for (const item of obj.items as unknown[]) {
            try {
              into.objects.push(toManifest(decodeDocument(item, source), source));
            } catch (e) {
              skip(e);
            }
          }
        } else into.objects.push(toManifest(obj, source));
      } catch (e) {
        skip(e);
      }
    }
  } catch (e) {
    into.errors.push(e instanceof CliError ? e : new CliError(`error parsing ${source}: ${(e as Error).message}`));
  }
}

/**
 * The objects of a kustomization (-k DIR), read as the files of -f are, from one source named
 * after the directory; kustomize's deprecation warnings and log lines go to standard error.
 */
function readKustomization(dir: string, validate: boolean, toManifest: ToManifest, io: IO, into: Manifests): void {
  const { build, KustomizeError } = require('./kustomize') as typeof import('./kustomize');
  const log = (lines: string[]) => lines.forEach((l) => klogInfo({ io }, 'log.go:245', l));
  let built: ReturnType<typeof build>;
  try {
    // kubectl's resource builder asks kustomize for the legacy order, so sortOptions log a warning.
    built = build(dir, { reorderFlag: true });
  } catch (e) {
    if (!(e instanceof KustomizeError)) throw e;
    for (const w of e.warnings) io.err.write(`${w}\n`);
    log(e.logs);
    throw new CliError(e.message);
  }
  for (const w of built.warnings) io.err.write(`${w}\n`);
  log(built.logs);
  for (const doc of built.objects) {
    if (validate) validateDocument(doc, dir);
    try {
      into.objects.push(toManifest(decodeDocument(doc, dir), dir));
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      into.errors.push(e);
    }
  }
}

/** Reads every -f argument, in order (or the -k directory). A path that does not exist fails the whole command. */
export async function readManifests(filenames: string[], opts: ReadOptions, io: IO): Promise<Manifests> {
  const out: Manifests = { objects: [], errors: [] };
  const toManifest = manifestMapper(opts.local);
  if (opts.kustomize) {
    readKustomization(opts.kustomize, opts.validate, toManifest, io, out);
    return out;
  }
  const sources: { source: string; text: () => string | Promise<string> }[] = [];
  let empty: string | undefined;
  for (const f of filenames) {
    if (f === '-') sources.push({ source: 'STDIN', text: () => io.readStdin() });
    else if (/^https?:\/\//.test(f)) throw new CliError(`unable to read URL ${JSON.stringify(f)}: pocketkube reads manifests from files and stdin only`);
    else for (const file of listFiles(f, opts.recursive)) sources.push({ source: file, text: () => fs.readFileSync(file, 'utf8') });
    // The builder's Path, per -f: a path that brings the first files to none yet is an error
    // (kept even if later paths bring some).
    if (!sources.length) empty ??= `error reading [${f}]: recognized file extensions are [.json .yaml .yml]`;
  }
  if (empty) throw new CliError(empty);
  for (const { source, text } of sources) readStream(await text(), source, opts.validate, toManifest, out);
  return out;
}
