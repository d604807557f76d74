// kubectl patch: a JSON, merge or strategic merge patch (-p or --patch-file, JSON or YAML) sent
// to objects named by TYPE NAME or -f, or applied locally with --local / --dry-run=client.
import * as fs from 'node:fs';
import type { Command } from '../command';
import { noSuchResource } from '../../api/errors';
import { deepEqual } from '../../api/meta/equal';
import { type ResourceType, apiVersionOf, kindDef, typeForKind } from '../../api/registry';
import { hasType } from '../../api/schema';
import type { KubeObject } from '../../api/types';
import type { Client, PatchType } from '../../client/client';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { type DryRun, MutationPrinter, type OutputFormat, parseDryRun, parseOutput } from '../flags/output';
import { decodeProblem } from '../manifest/decode';
import { parseDocument } from '../manifest/documents';
import { addGlobalFlags } from '../program';
import { CHANGE_CAUSE, addRecordFlag, recordOption } from '../record';
import { type FilenameFlags, select } from '../resource/builder';
import { addFilenameFlags, dryRunOption, filenameFlagsOf, outputOption } from '../flags/groups';
import { type Verb, verbAction } from '../verb';
import { applyLocalPatch } from '../verbs/localpatch';

const PATCH_TYPES: readonly PatchType[] = ['json', 'merge', 'strategic'];


/**
 * The patch body as kubectl sends it (apimachinery's yaml.ToJSON): text that starts with "{"
 * goes as it is, anything else is read as YAML and sent as JSON.
 */
function patchBody(text: string, shown: string): string {
  if (text.trimStart().startsWith('{')) return text;
  try {
    // Always JSON text: a YAML scalar such as "x" must not be read as JSON a second time.
    return JSON.stringify(parseDocument(text, false) ?? null);
  } catch (e) {
    throw new CliError(`unable to parse ${JSON.stringify(shown)}: ${(e as Error).message}`);
  }
}

/** kubectl's local patch (getPatchedJSON), for --local and --dry-run=client. */
function patchLocally(obj: KubeObject, type: ResourceType, patchType: PatchType, body: unknown): KubeObject {
  // A kind no type serves (read locally) has no Go type either.
  const schemaType = typeForKind(apiVersionOf(type), type.kind) === type ? kindDef(type).strategy.schemaType : '';
  // A strategic patch needs the kind's Go type, asked for before the patch is read.
  if (patchType === 'strategic' && !hasType(schemaType))
    throw new CliError(`strategic merge patch is not supported for ${apiVersionOf(type).includes('/') ? '' : '/'}${apiVersionOf(type)}, Kind=${type.kind} locally, try --type merge`);
  const patched = applyLocalPatch(obj, patchType, body, schemaType);
  // kubectl decodes the result with the unstructured decoder: a patch may have made it no object.
  const problem = decodeProblem(patched);
  if (problem) throw new CliError(problem);
  return patched as KubeObject;
}

export interface PatchOptions {
  args: string[];
  files: FilenameFlags;
  local: boolean;
  dryRun: DryRun;
  output: OutputFormat;
  /** -p as given (undefined without it), and --patch-file. */
  patch?: string;
  patchFile?: string;
  /** --type as given, and as understood (lower case). */
  typeGiven: string;
  patchType: PatchType;
  subresource?: string;
  changeCause?: string;
}

const patchVerb: Verb<PatchOptions> = {
  complete(c, args, f, cmd) {
    return {
      args,
      files: filenameFlagsOf(f),
      local: !!f.local,
      dryRun: parseDryRun(c, f.dryRun),
      output: parseOutput(f.output, false, f),
      patch: f.patch,
      patchFile: f.patchFile,
      typeGiven: String(f.type),
      patchType: String(f.type).toLowerCase() as PatchType,
      subresource: f.subresource,
      changeCause: recordOption(c, cmd, f.record),
    };
  },

  validate(o) {
    if (o.patch !== undefined && o.patchFile !== undefined) throw new CliError('cannot specify --patch and --patch-file together');
    if (!o.patch && !o.patchFile) throw new CliError('must specify --patch or --patch-file containing the contents of the patch');
    if (o.local && o.args.length) throw new CliError('cannot specify --local and server resources');
    if (o.local && o.dryRun === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (!PATCH_TYPES.includes(o.patchType)) throw new CliError(`--type must be one of [json merge strategic], not ${JSON.stringify(o.typeGiven)}`);
  },

  async run(c, o) {
    let text: string;
    if (o.patchFile !== undefined) {
      try {
        text = fs.readFileSync(o.patchFile, 'utf8');
      } catch {
        throw new CliError(`unable to read patch file: open ${o.patchFile}: no such file or directory`);
      }
    } else text = o.patch!;
    const body = patchBody(text, o.patch ?? '');
    // kubectl's patch lines never carry a dry-run suffix, and each object gets a printer of its
    // own (so -o yaml puts no "---" between them).
    const printer = { print: (obj: KubeObject, operation: string) => new MutationPrinter(c.io.out, o.output, 'none').print(obj, operation) };
    if ((o.files.filenames.length || o.files.kustomize) && o.args.length) throw new CliError(`Unexpected args: [${o.args.join(' ')}]`, 'patch');
    const selection = await select(c, o.args, { files: o.files, local: o.local });
    const local = o.local || o.dryRun === 'client';
    const client: Client | undefined = o.local ? undefined : c.cluster(local ? 'read' : 'write').client;
    const write = { dryRun: o.dryRun === 'server' };
    // What kubectl compares the result with is the object it read: the file's, or the server's.
    const count = selection.visit(client, ({ type, namespace, name, obj: seen }) => {
      if (local) {
        const result = patchLocally(seen, type, o.patchType, body);
        printer.print(result, deepEqual(seen, result) ? 'patched (no change)' : 'patched');
        return;
      }
      // A subresource the kind does not serve (or none this server takes a PATCH of) is the server's 404.
      if (o.subresource !== undefined && (!['status', 'scale'].includes(o.subresource) || !type.subresources?.some((s) => s.name === o.subresource))) throw noSuchResource();
      if (o.subresource === 'scale') {
        // The server answers a patch of /scale with the Scale, which is what kubectl prints.
        const before = client!.getScale(type, namespace, name);
        const after = client!.patchScale(type, namespace, name, body, write, o.patchType);
        printer.print(after, deepEqual(before, after) ? 'patched (no change)' : 'patched');
        return;
      }
      let patched = client!.patch(type, namespace, name, o.patchType, body, { ...write, subresource: o.subresource as 'status' | undefined, fieldValidation: 'Warn' });
      const didPatch = !deepEqual(seen, patched);
      if (o.changeCause !== undefined && patched.metadata.annotations?.[CHANGE_CAUSE] !== o.changeCause)
        patched = client!.patch(type, namespace, name, 'merge', { metadata: { annotations: { [CHANGE_CAUSE]: o.changeCause } } }, write);
      printer.print(patched, didPatch ? 'patched' : 'patched (no change)');
    });
    if (client) c.serverWarning(...client.takeWarnings());
    selection.throwErrors();
    if (!count) throw new CliError('no objects passed to patch');
  },
};

export function register(program: Command, ctx: CommandContext): void {
  const cmd = addGlobalFlags(
    program
      .command('patch')
      .description('Update fields of a resource')
      .argument('[args...]')
      .option('-p, --patch <patch>', 'The patch to be applied to the resource JSON file.')
      .option('--patch-file <file>', 'A file containing a patch to be applied to the resource.')
      .option('--type <type>', 'The type of patch being provided; one of [json merge strategic]', 'strategic')
      .option('--local', 'If true, patch will operate on the content of the file, not the server-side resource.')
      .addOption(dryRunOption())
      .addOption(outputOption())
      .option('--subresource <name>', 'If specified, patch will operate on the subresource of the requested object.')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.'),
  );
  addFilenameFlags(cmd, { filename: 'Filename, directory, or URL to files identifying the resource to update', kustomize: true });
  addRecordFlag(cmd).action(verbAction(ctx, patchVerb));
}
