// kubectl edit: the objects as YAML (or JSON with -o json) in the user's editor under kubectl's
// comment header; what changed goes back as a patch (strategic for built-in kinds). The session
// itself (reopening on errors, keeping the file) is verbs/editloop.ts.
import type { Command } from '../command';
import { isStatusError, noSuchResource, type StatusError } from '../../api/errors';
import { canonicalJson } from '../../api/meta/canonical';
import { createMergePatch } from '../../api/patch/merge';
import { createTwoWayPatch } from '../../api/patch/strategic';
import { kindDef } from '../../api/registry';
import { hasType } from '../../api/schema';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { MutationPrinter, type OutputFormat, parseOutput, stripManagedFields } from '../flags/output';
import { fieldValidation } from '../flags/validate';
import { addGlobalFlags } from '../program';
import type { FilenameFlags } from '../resource/builder';
import { type Verb, verbAction } from '../verb';
import { addRecordFlag, recordOption, withChangeCause } from '../record';
import { withLastApplied } from '../../api/patch/apply';
import { type Edited, editFormat, originals, resourceString, runEdit } from '../verbs/editloop';
import { filenameFlagsOf, filenameOption, kustomizeOption, outputOption, recursiveOption } from '../flags/groups';

/** The comment above the objects in the editor (edit, and create --edit). */
export const EDIT_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

export interface EditOptions {
  args: string[];
  files: FilenameFlags;
  /** -o as given: the editor's format (yaml unless json) and the printer's. */
  outputFlag?: string;
  output: OutputFormat;
  outputPatch: boolean;
  saveConfig: boolean;
  validation: ReturnType<typeof fieldValidation>;
  changeCause?: string;
  windowsLineEndings: boolean;
  /** --subresource: status is read and patched as the object; any other this server serves no PATCH of is its 404. */
  subresource?: string;
}

const editVerb: Verb<EditOptions> = {
  complete(c, args, f, cmd) {
    const changeCause = recordOption(c, cmd, f.record);
    const validation = fieldValidation(f.validate);
    return {
      args,
      files: filenameFlagsOf(f),
      outputFlag: f.output,
      output: parseOutput(f.output, false, f),
      outputPatch: !!f.outputPatch,
      saveConfig: !!f.saveConfig,
      validation,
      changeCause,
      windowsLineEndings: !!f.windowsLineEndings,
      subresource: f.subresource || undefined,
    };
  },

  async run(c, o) {
    const printer = new MutationPrinter(c.io.out, o.output, 'none');
    const client = c.cluster('write').client;
    const infos = await originals(c, client, o.args, { files: o.files });
    // The builder reads each object at the subresource: the status is the object. Others (a
    // Deployment's scale among them, which kubectl would show as a Scale) are this server's 404 here.
    if (o.subresource !== undefined && infos.some((i) => o.subresource !== 'status' || !i.type.subresources?.some((s) => s.name === 'status'))) throw noSuchResource();
    if (!infos.length) throw new CliError('edit cancelled, no objects found');
    const format = editFormat(o.outputFlag);
    const byUid = new Map(infos.map((i) => [i.obj.metadata.uid, i]));
    runEdit(c, infos, format, {
      header: EDIT_HEADER,
      save(updated: Edited[], outcome) {
        for (const u of updated) {
          const before = byUid.get(u.obj.metadata?.uid);
          if (!before) throw new CliError(`no original object found for ${u.type.kind} ${JSON.stringify(u.obj.metadata?.name ?? '')}`);
          let obj = withChangeCause(u.obj, o.changeCause);
          if (o.saveConfig) obj = withLastApplied(obj);
          const from = stripManagedFields(before.obj) as unknown as Record<string, unknown>;
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
            throw new CliError('At least one of apiVersion, kind and name was changed');
          if (o.outputPatch) c.io.out.write(`Patch: ${canonicalJson(patch)}\n`);
          const name = before.obj.metadata.name!;
          try {
            const patched = client.patch(u.type, before.obj.metadata.namespace, name, strategic ? 'strategic' : 'merge', patch, { fieldValidation: o.validation, subresource: o.subresource as 'status' | undefined });
            printer.print(patched, 'edited');
          } catch (e) {
            if (!isStatusError(e)) throw e;
            const what = `${resourceString(u.type)} ${JSON.stringify(name)}`;
            if (e.reason === 'Invalid') {
              outcome.invalid++;
              outcome.reasons.push({ head: `${what} was not valid`, other: causes(e) });
              c.io.err.write(`error: ${what} is invalid\n`);
            } else if (e.reason === 'NotFound') {
              outcome.notFound++;
              c.io.err.write(`error: ${what} could not be found on the server\n`);
            } else {
              outcome.retryable++;
              c.io.err.write(`error: ${what} could not be patched: ${e.message}\n`);
            }
          }
        }
        c.serverWarning(...client.takeWarnings());
      },
    }, { windowsLineEndings: o.windowsLineEndings });
  },
};

export function register(program: Command, ctx: CommandContext): void {
  const cmd = addGlobalFlags(
    program
      .command('edit')
      .description('Edit a resource on the server')
      .argument('[args...]')
      .addOption(filenameOption('Filename, directory, or URL to files to use to edit the resource'))
      .addOption(recursiveOption())
      .addOption(kustomizeOption())
      .addOption(outputOption())
      .option('--output-patch', 'Output the patch if the resource is edited.')
      .option('--save-config', 'If true, the configuration of current object will be saved in its annotation.')
      .option('--validate [mode]', 'Must be one of: strict (or true), warn, ignore (or false).', 'strict')
      .option('--windows-line-endings', 'Defaults to the line ending native to your platform.')
      .option('--subresource <name>', 'If specified, edit will operate on the subresource of the requested object.')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.'),
  );
  addRecordFlag(cmd).action(verbAction(ctx, editVerb));
}

function causes(e: StatusError): string[] {
  return (e.status.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);
}
