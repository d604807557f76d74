// -f/--filename and -R: reading manifests from files, directories and stdin, as kubectl's
// resource builder does (multi-document YAML, JSON, Lists), with its error messages.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KubeObject } from '../../api/types';
import { CliError } from '../errors';
import type { IO } from '../io';

export interface ManifestObject {
  obj: KubeObject;
  /** The file it came from ("STDIN" for -), used in "error when creating ..." messages. */
  source: string;
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

/** go-yaml's wording for the parse errors people actually hit. */
function yamlErrorText(e: { code?: string; message: string; linePos?: { line: number }[] }): string {
  const line = e.linePos?.[0]?.line;
  const where = line ? `line ${line}: ` : '';
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return `yaml: unmarshal errors:\n  ${where}${e.message.replace(/^Map keys must be unique.*$/s, 'mapping key already defined')}`;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return `yaml: ${where}did not find expected key`;
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'IMPLICIT_KEY_IN_FLOW':
      return `yaml: ${where}mapping values are not allowed in this context`;
    case 'TAB_AS_INDENT':
      return `yaml: ${where}found character that cannot start any token`;
    default:
      return `yaml: ${where}${e.message.split('\n')[0]}`;
  }
}

/** Parses one file's text into objects (documents, Lists expanded). */
export async function parseManifests(text: string, source: string): Promise<KubeObject[]> {
  const trimmed = text.trimStart();
  let docs: unknown[];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const v = JSON.parse(text);
      docs = Array.isArray(v) ? v : [v];
    } catch (e) {
      throw new CliError(`error parsing ${source}: ${(e as Error).message}`);
    }
  } else {
    // Loaded on first use: the YAML parser is the largest library we have.
    const YAML = require('yaml') as typeof import('yaml');
    const parsed = YAML.parseAllDocuments(text, { version: '1.1', uniqueKeys: true, merge: true });
    const all = Array.isArray(parsed) ? parsed : [parsed];
    docs = [];
    for (const d of all) {
      const err = d.errors[0];
      if (err) throw new CliError(`error parsing ${source}: error converting YAML to JSON: ${yamlErrorText(err as never)}`);
      const v = d.toJS({ maxAliasCount: 100 });
      if (v !== null && v !== undefined) docs.push(JSON.parse(JSON.stringify(v)));
    }
  }
  const out: KubeObject[] = [];
  for (const d of docs) {
    if (d === null || typeof d !== 'object') continue;
    const obj = d as KubeObject;
    if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) out.push(...(obj.items as KubeObject[]));
    else out.push(obj);
  }
  return out;
}

/** Reads every -f argument into objects, in order. */
export async function readManifests(filenames: string[], recursive: boolean, io: IO): Promise<ManifestObject[]> {
  const out: ManifestObject[] = [];
  for (const f of filenames) {
    if (f === '-') {
      for (const obj of await parseManifests(await io.readStdin(), 'STDIN')) out.push({ obj, source: 'STDIN' });
      continue;
    }
    if (/^https?:\/\//.test(f)) throw new CliError(`unable to read URL ${JSON.stringify(f)}: pocketkube reads manifests from files and stdin only`);
    for (const file of listFiles(f, recursive)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const obj of await parseManifests(text, file)) out.push({ obj, source: file });
    }
  }
  return out;
}

/** kubectl's client-side check that a manifest names its kind and apiVersion. */
export function validateManifest(m: ManifestObject): void {
  const missing = !m.obj.kind ? 'kind' : !m.obj.apiVersion ? 'apiVersion' : undefined;
  if (missing)
    throw new CliError(
      `error validating ${JSON.stringify(m.source)}: error validating data: ${missing} not set; if you choose to ignore these errors, turn validation off with --validate=false`,
    );
}
