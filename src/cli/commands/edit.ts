// kubectl edit: the objects as YAML in the user's editor under kubectl's comment header; what
// changed goes back as a patch (strategic for built-in kinds). An edit the API server rejects
// reopens the editor with the reasons at the top; saving it again unchanged gives up and keeps
// the file.
import type { Command } from '../command';
import { isStatusError, type StatusError } from '../../api/errors';
import { canonicalJson } from '../../api/meta/canonical';
import { createMergePatch } from '../../api/patch/merge';
import { createTwoWayPatch } from '../../api/patch/strategic';
import { type ResourceType, kindDef, typeForKind } from '../../api/registry';
import { hasType } from '../../api/schema';
import type { KubeObject } from '../../api/types';
import type { Client } from '../../client/client';
import { toYaml } from '../../printers/yaml';
import type { CommandContext } from '../context';
import { launchEditor, removeFile } from '../editor';
import { CliError, ExitCode, MultiError } from '../errors';
import { MutationPrinter, parseOutput, stripManagedFields } from '../flags/output';
import { fieldValidation } from '../flags/validate';
import { parseDocument, splitDocuments } from '../manifest/documents';
import { decodeProblem } from '../manifest/decode';
import { readManifests } from '../manifest/read';
import { action, addGlobalFlags, collectSlice } from '../program';
import { addRecordFlag, recordOption, withChangeCause } from '../record';
import { listSelected, namespaceOfManifest, noResourcesError, resolveArgs } from '../resolve';
import { withLastApplied } from '../../api/patch/apply';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason {
  head: string;
  other: string[];
}

/** The header, with the reasons the last save failed. */
function header(reasons: Reason[]): string {
  const hash = (s: string) => s.replace(/\n/g, '\n# ');
  let text = HEADER;
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

const resourceString = (type: ResourceType) => (type.group ? `${type.resource}.${type.group}` : type.resource);

interface Edited {
  type: ResourceType;
  obj: KubeObject;
}

/** The objects of the saved file, or why it cannot be read. */
function readEdited(text: string): Edited[] {
  const { json, docs, scans } = splitDocuments(text);
  const out: Edited[] = [];
  for (const [i, doc] of docs.entries()) {
    const value = parseDocument(doc, json, scans?.[i]);
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

function typeOf(obj: KubeObject): ResourceType {
  const t = typeForKind(obj.apiVersion, obj.kind);
  if (!t) throw new Error(`resource mapping not found for name: ${JSON.stringify(obj.metadata?.name ?? '')} namespace: ${JSON.stringify(obj.metadata?.namespace ?? '')} from "edited-file": no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(obj.apiVersion)}\nensure CRDs are installed first`);
  return t;
}

/** The objects to edit, read fresh from the server. */
async function originals(c: CommandContext, client: Client, args: string[], opts: Record<string, any>): Promise<Edited[]> {
  const namespace = c.namespace();
  const out: Edited[] = [];
  if (opts.filename?.length) {
    const manifests = await readManifests(opts.filename, { recursive: !!opts.recursive, validate: false }, c.io);
    if (manifests.errors.length) throw manifests.errors.length === 1 ? manifests.errors[0] : new MultiError(manifests.errors);
    for (const m of manifests.objects) {
      const ns = namespaceOfManifest(m.obj, m.type, namespace, c.namespaceExplicit);
      out.push({ type: m.type, obj: client.get(m.type, ns, m.obj.metadata.name ?? '') });
    }
    return out;
  }
  if (!args.length) throw noResourcesError();
  for (const t of resolveArgs(args).targets) {
    const ns = t.type.namespaced ? namespace : undefined;
    if (!t.names.length) for (const obj of listSelected(client, t.type, ns, opts.selector ?? '')) out.push({ type: t.type, obj });
    else for (const name of t.names) out.push({ type: t.type, obj: client.get(t.type, ns, name) });
  }
  return out;
}

function editorContent(objs: Edited[]): string {
  if (objs.length === 1) return toYaml(stripManagedFields(objs[0].obj));
  return toYaml({ apiVersion: 'v1', items: objs.map((o) => stripManagedFields(o.obj)), kind: 'List', metadata: {} });
}

export function register(program: Command, ctx: CommandContext): void {
  const cmd = addGlobalFlags(
    program
      .command('edit')
      .description('Edit a resource on the server')
      .argument('[args...]')
      .option('-f, --filename <file>', 'Filename, directory, or URL to files to use to edit the resource', collectSlice)
      .option('-R, --recursive', 'Process the directory used in -f, --filename recursively.')
      .option('-l, --selector <selector>', 'Selector (label query) to filter on.')
      .option('-o, --output <format>', 'Output format. One of: (json, yaml, name).')
      .option('--output-patch', 'Output the patch if the resource is edited.')
      .option('--save-config', 'If true, the configuration of current object will be saved in its annotation.')
      .option('--validate [mode]', 'Must be one of: strict (or true), warn, ignore (or false).', 'strict')
      .option('--windows-line-endings', 'Defaults to the line ending native to your platform.')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.'),
  );
  addRecordFlag(cmd).action(
    action(ctx, async (c, args, opts, command) => {
      const changeCause = recordOption(c, command, opts.record);
      const validation = fieldValidation(opts.validate);
      const printer = new MutationPrinter(c.io.out, parseOutput(opts.output, false, opts), 'none');
      const client = c.cluster('write').client;
      const infos = await originals(c, client, args, opts);
      if (!infos.length) throw new CliError('edit cancelled, no objects found');
      const byUid = new Map(infos.map((i) => [i.obj.metadata.uid, i]));

      const original = editorContent(infos);
      let previous: string | undefined;
      let reasons: Reason[] = [];
      let file: string | undefined;
      for (;;) {
        const body = previous === undefined ? original : manualStrip(previous);
        const edited = launchEditor(c.env, c.io.pid, header(reasons) + body);
        if (previous !== undefined && stripComments(previous) === stripComments(edited.text)) {
          c.io.err.write(`A copy of your changes has been stored to ${JSON.stringify(edited.path)}\n`);
          throw new CliError('Edit cancelled, no valid changes were saved.');
        }
        if (file) removeFile(file);
        file = edited.path;
        if (stripComments(original) === stripComments(edited.text)) {
          removeFile(file);
          c.io.err.write('Edit cancelled, no changes made.\n');
          return;
        }
        if (!hasLines(edited.text)) {
          removeFile(file);
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
        const keep = (err: Error): never => {
          c.io.err.write(`A copy of your changes has been stored to ${JSON.stringify(file)}\n`);
          throw err;
        };
        for (const u of updated) {
          try {
            namespaceOfManifest(u.obj, u.type, c.namespace(), c.namespaceExplicit);
          } catch (e) {
            keep(e as Error);
          }
        }
        let retryable = 0;
        let notFound = 0;
        let invalid = 0;
        for (const u of updated) {
          const before = byUid.get(u.obj.metadata?.uid);
          if (!before) keep(new CliError(`no original object found for ${u.type.kind} ${JSON.stringify(u.obj.metadata?.name ?? '')}`));
          let obj = withChangeCause(u.obj, changeCause);
          if (opts.saveConfig) obj = withLastApplied(obj);
          const from = stripManagedFields(before!.obj) as unknown as Record<string, unknown>;
          const to = obj as unknown as Record<string, unknown>;
          if (canonicalJson(from) === canonicalJson(to)) {
            printer.print(obj, 'skipped');
            continue;
          }
          const schemaType = kindDef(u.type).strategy.schemaType;
          const strategic = hasType(schemaType);
          const patch = strategic ? createTwoWayPatch(from, to, schemaType) : createMergePatch(from, to);
          const meta = patch.metadata as Record<string, unknown> | undefined;
          if ('apiVersion' in patch || 'kind' in patch || 'managedFields' in patch || (meta && 'name' in meta))
            keep(new CliError('At least one of apiVersion, kind and name was changed'));
          if (opts.outputPatch) c.io.out.write(`Patch: ${canonicalJson(patch)}\n`);
          const name = before!.obj.metadata.name!;
          try {
            const patched = client.patch(u.type, before!.obj.metadata.namespace, name, strategic ? 'strategic' : 'merge', patch, { fieldValidation: validation });
            printer.print(patched, 'edited');
          } catch (e) {
            if (!isStatusError(e)) throw e;
            const what = `${resourceString(u.type)} ${JSON.stringify(name)}`;
            if (e.reason === 'Invalid') {
              invalid++;
              reasons.push({ head: `${what} was not valid`, other: causes(e) });
              c.io.err.write(`error: ${what} is invalid\n`);
            } else if (e.reason === 'NotFound') {
              notFound++;
              c.io.err.write(`error: ${what} could not be found on the server\n`);
            } else {
              retryable++;
              c.io.err.write(`error: ${what} could not be patched: ${e.message}\n`);
            }
          }
        }
        for (const w of client.takeWarnings()) c.io.err.write(`Warning: ${w}\n`);
        if (retryable) {
          c.io.err.write(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
          throw new ExitCode(1);
        }
        if (notFound) {
          c.io.err.write(`The edits you made on deleted resources have been saved to ${JSON.stringify(file)}\n`);
          throw new ExitCode(1);
        }
        if (!invalid) {
          removeFile(file);
          return;
        }
      }
    }),
  );
}

function causes(e: StatusError): string[] {
  return (e.status.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);
}
