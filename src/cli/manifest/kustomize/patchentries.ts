// The patch fields of a kustomization: `patches` entries (a JSON 6902 patch or strategic merge
// patches, from a file or inline, with a target or naming their own), and the legacy
// patchesStrategicMerge and patchesJson6902, each read as kustomize reads it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goQuote } from '../../../api/meta/goquote';
import { fileUnderRoot, readUnderRoot } from './load';
import { type PatchOptions, type Target, applyJsonPatches, applyStrategicPatches } from './patches';
import { type JsonMap, KustomizeError, type Resource, isMap } from './resource';
import { readKyaml, readSigsYaml } from './yaml';

/** The directory a kustomization's files must be under (null: anywhere). */
export type Bound = string | null;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A patch's text: its file, or the inline patch. */
function patchText(root: string, bound: Bound, entry: JsonMap, transformer: string): string {
  if (typeof entry.patch === 'string' && entry.patch) return entry.patch;
  const p = str(entry.path);
  try {
    return readUnderRoot(root, p, bound).toString('utf8');
  } catch (e) {
    if (!(e instanceof KustomizeError)) throw e;
    throw new KustomizeError(`trouble configuring builtin ${transformer} with config: \`\npath: ${p}\n\`: failed to get the patch file from path(${p}): ${e.message}`);
  }
}

function target(v: unknown): Target | undefined {
  return isMap(v) ? (v as Target) : undefined;
}

/** One `patches` entry: a JSON 6902 patch (a list) or strategic merge patches (maps). */
export function applyPatchEntry(root: string, bound: Bound, resources: Resource[], entry: JsonMap): void {
  const inline = typeof entry.patch === 'string' ? entry.patch.trim() : '';
  const text = patchText(root, bound, { ...entry, patch: inline }, 'PatchTransformer');
  const source = inline ? `[patch: ${goQuote(inline)}]` : `[path: ${goQuote(str(entry.path))}]`;
  const t = target(entry.target);
  let ops: unknown;
  try {
    ops = readSigsYaml(text);
  } catch {
    ops = undefined;
  }
  if (Array.isArray(ops)) {
    if (!t) throw new KustomizeError(`must specify a target for JSON patch ${source}`);
    return applyJsonPatches(resources, ops, t);
  }
  let docs: JsonMap[];
  try {
    docs = readKyaml(text, 'patch').filter(isMap);
  } catch {
    throw new KustomizeError(`unable to parse SM or JSON patch from ${source}`);
  }
  if (t && docs.length > 1) throw new KustomizeError(`Multiple Strategic-Merge Patches in one \`patches\` entry is not allowed to set \`patches.target\` field: ${source}`);
  applyStrategicPatches(resources, docs, t, isMap(entry.options) ? (entry.options as PatchOptions) : {});
}

/** patchesStrategicMerge entries: a file of the kustomization, or (several lines, or "key: value") the patch itself. */
export function applyLegacyStrategic(root: string, bound: Bound, resources: Resource[], entries: string[]): void {
  for (const e of entries) {
    const inline = e.includes('\n') || (/^\s*[\w$]+\s*:/.test(e) && !fs.existsSync(path.resolve(root, e)));
    const text = inline ? e : fs.readFileSync(fileUnderRoot(root, e, bound), 'utf8');
    applyStrategicPatches(resources, readKyaml(text, e).filter(isMap));
  }
}

export function applyLegacyJson(root: string, bound: Bound, resources: Resource[], entries: JsonMap[]): void {
  for (const entry of entries) {
    const text = patchText(root, bound, entry, 'PatchJson6902Transformer');
    const ops = readSigsYaml(text);
    applyJsonPatches(resources, ops, target(entry.target) ?? {});
  }
}
