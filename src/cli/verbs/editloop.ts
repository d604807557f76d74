// kubectl's edit session (pkg/cmd/util/editor), shared by `edit` and `apply edit-last-applied`:
// the objects in the user's editor (YAML under a comment header, or JSON), the saved file read
// back and handed to the mode's save; a file that does not parse, or objects the API server
// rejects as invalid, reopen the editor with the reasons on top, and saving it again unchanged
// gives up, keeping the file.
import { canonicalJson } from '../../api/meta/canonical';
import { type ResourceType, typeForKind } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { Client } from '../../client/client';
import { toJson } from '../../printers/json';
import { toYaml } from '../../printers/yaml';
import type { CommandContext } from '../context';
import { launchEditor, removeFile } from '../editor';
import { CliError, ExitCode } from '../errors';
import { stripManagedFields } from '../flags/output';
import { decodeProblem } from '../manifest/decode';
import { parseDocument, splitDocuments } from '../manifest/documents';
import { type ResourceFlags, select } from '../resource/builder';

export interface Edited {
  type: ResourceType;
  obj: KubeObject;
}

/** Why the file is reopened: a headline and its causes. */
export interface Reason {
  head: string;
  other: string[];
}

/** What saving the objects came to; invalid objects reopen the editor with their reasons. */
export interface Outcome {
  reasons: Reason[];
  retryable: number;
  notFound: number;
  invalid: number;
}

export interface EditMode {
  /** The comment header above the objects in YAML (kubectl's per-mode text). */
  header: string;
  /** Sends the saved objects; a thrown error ends the edit and keeps the file. */
  save(updated: Edited[], outcome: Outcome): void;
}

/** The editor's format: -o json edits JSON (no header), anything but yaml is refused. */
export type EditFormat = 'yaml' | 'json';

export function editFormat(output: string | undefined): EditFormat {
  if (!output || output === 'yaml') return 'yaml';
  if (output === 'json') return 'json';
  throw new CliError(`unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: json,yaml`);
}

/** The header, with the reasons the last save failed. */
function header(fixed: string, reasons: Reason[]): string {
  const hash = (s: string) => s.replace(/\n(?=[^#])/g, '\n# ');
  let text = fixed;
  for (const r of reasons) {
    text += r.other.length ? `# ${hash(r.head)}:\n` : `# ${hash(r.head)}\n`;
    for (const o of r.other) text += `# * ${hash(o)}\n`;
    text += '#\n';
  }
  return text;
}

/** Lines that are comments ("#", but not "#!") removed. */
function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((line) => !(line.trim().startsWith('#') && !line.trim().startsWith('#!')))
    .join('\n');
}

/** The content without comments, compared as kubectl does (as JSON when it parses). */
function stripComments(text: string): string {
  try {
    return canonicalJson(parseDocument(text, false) ?? null);
  } catch {
    return manualStrip(text);
  }
}

const hasLines = (text: string) => text.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('#'));

/** "deployments.apps": how kubectl names a resource in edit's messages. */
export const resourceString = (type: ResourceType) => (type.group ? `${type.resource}.${type.group}` : type.resource);

function typeOf(obj: KubeObject): ResourceType {
  const t = typeForKind(obj.apiVersion, obj.kind);
  if (!t) throw new Error(`resource mapping not found for name: ${JSON.stringify(obj.metadata?.name ?? '')} namespace: ${JSON.stringify(obj.metadata?.namespace ?? '')} from "edited-file": no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(obj.apiVersion)}\nensure CRDs are installed first`);
  return t;
}

/** The objects of a saved file (the "edited-file" stream), or why it cannot be read. */
export function readEdited(text: string): Edited[] {
  const { json, docs, scans } = splitDocuments(text);
  const out: Edited[] = [];
  for (const [i, doc] of docs.entries()) {
    let value: unknown;
    try {
      value = parseDocument(doc, json, scans?.[i]);
    } catch (e) {
      throw new Error(`error parsing edited-file: ${(e as Error).message}`);
    }
    if (value === undefined || value === null) continue;
    const problem = decodeProblem(value);
    if (problem) throw new Error(`unable to decode "edited-file": ${problem}`);
    const obj = value as KubeObject;
    const items = obj.kind.endsWith('List') && Array.isArray(obj.items) ? (obj.items as KubeObject[]) : [obj];
    for (const item of items) {
      const problem = decodeProblem(item);
      if (problem) throw new Error(`unable to decode "edited-file": ${problem}`);
      out.push({ type: typeOf(item), obj: item });
    }
  }
  return out;
}

/** The objects to edit, read fresh from the server: -f/-k files, or TYPE NAME / TYPE (all of it); any failure fails the edit. */
export async function originals(c: CommandContext, client: Client, args: string[], files: Pick<ResourceFlags, 'files' | 'filename' | 'kustomize' | 'recursive'>): Promise<Edited[]> {
  const selection = await select(c, args, files, { allowEmptySelector: true, latest: true });
  const infos = selection.infos(client);
  selection.throwErrors();
  return infos.map(({ type, obj }) => ({ type, obj }));
}

function editorContent(objs: Edited[], format: EditFormat): string {
  const value = objs.length === 1 ? stripManagedFields(objs[0].obj) : { apiVersion: 'v1', items: objs.map((o) => stripManagedFields(o.obj)), kind: 'List', metadata: {} };
  return format === 'json' ? toJson(value) : toYaml(value);
}

/**
 * cli-runtime's RequireNamespace: a saved object without a namespace gets the command's, one in
 * another namespace is refused (even without -n).
 */
function requireNamespace(u: Edited, namespace: string): void {
  if (!u.type.namespaced) return;
  const own = u.obj.metadata?.namespace;
  if (!own) u.obj = { ...u.obj, metadata: { ...u.obj.metadata, namespace } };
  else if (own !== namespace)
    throw new CliError(
      `the namespace from the provided object ${JSON.stringify(own)} does not match the namespace ${JSON.stringify(namespace)}. You must pass '--namespace=${own}' to perform this operation.`,
    );
}

/** How the file is written for the editor: --windows-line-endings ends every line with CRLF (kubectl's crlf writer). */
export interface EditFile {
  windowsLineEndings?: boolean;
}

/** One edit session over `objects`, until saved, cancelled or given up. */
export function runEdit(c: CommandContext, objects: Edited[], format: EditFormat, mode: EditMode, file: EditFile = {}): void {
  const withHeader = format === 'yaml';
  const ext = format === 'json' ? '.json' : '.yaml';
  const original = (withHeader ? mode.header : '') + editorContent(objects, format);
  const written = (text: string) => (file.windowsLineEndings ? text.replace(/\r?\n/g, '\r\n') : text);
  let previous: string | undefined;
  let reasons: Reason[] = [];
  let saved: string | undefined;
  for (;;) {
    const body = previous === undefined ? original : (withHeader ? header(mode.header, reasons) : '') + manualStrip(previous);
    const edited = launchEditor(c.env, c.io.pid, written(body), ext);
    if (previous !== undefined && stripComments(previous) === stripComments(edited.text)) {
      c.io.err.write(`A copy of your changes has been stored to ${JSON.stringify(edited.path)}\n`);
      throw new CliError('Edit cancelled, no valid changes were saved.');
    }
    if (saved) removeFile(saved);
    saved = edited.path;
    if (stripComments(original) === stripComments(edited.text)) {
      removeFile(saved);
      c.io.err.write('Edit cancelled, no changes made.\n');
      return;
    }
    if (!hasLines(edited.text)) {
      removeFile(saved);
      c.io.err.write('Edit cancelled, saved file was empty.\n');
      return;
    }
    previous = edited.text;
    reasons = [];
    let updated: Edited[];
    try {
      updated = readEdited(edited.text);
    } catch (e) {
      reasons.push({ head: `The edited file had a syntax error: ${(e as Error).message}`, other: [] });
      continue;
    }
    const outcome: Outcome = { reasons, retryable: 0, notFound: 0, invalid: 0 };
    try {
      for (const u of updated) requireNamespace(u, c.namespace());
      mode.save(updated, outcome);
    } catch (e) {
      c.io.err.write(`A copy of your changes has been stored to ${JSON.stringify(saved)}\n`);
      throw e;
    }
    if (outcome.retryable) {
      c.io.err.write(`You can run \`kubectl replace -f ${saved}\` to try this update again.\n`);
      throw new ExitCode(1);
    }
    if (outcome.notFound) {
      c.io.err.write(`The edits you made on deleted resources have been saved to ${JSON.stringify(saved)}\n`);
      throw new ExitCode(1);
    }
    if (!outcome.invalid) {
      removeFile(saved);
      return;
    }
  }
}
